package io.shopops.marketing.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.shopops.catalog.CategoryView;
import io.shopops.marketing.TargetScope;

/**
 * Which basket items a scope and its target ids cover. A category covers its subcategories: the ids are expanded
 * over the category tree (by path) when the rule is compiled.
 */
public record Targeting(TargetScope scope, Set<Long> ids) {

    public Targeting {
        ids = Set.copyOf(ids);
    }

    public static Targeting of(TargetScope scope, List<Long> targets, List<CategoryView> categories) {
        if (scope != TargetScope.CATEGORIES) {
            return new Targeting(scope, new HashSet<>(targets));
        }
        Set<Long> expanded = new HashSet<>(targets);
        for (CategoryView category : categories) {
            for (Long target : targets) {
                if (("/" + category.path()).contains("/" + target + "/")) {
                    expanded.add(category.id().value());
                }
            }
        }
        return new Targeting(scope, expanded);
    }

    public boolean covers(BasketItem item) {
        return switch (scope) {
            case ALL -> true;
            case PRODUCTS -> ids.contains(item.productId());
            case SKUS -> ids.contains(item.skuId());
            case CATEGORIES -> ids.contains(item.categoryId());
            case BRANDS -> item.brandId() != null && ids.contains(item.brandId());
        };
    }
}
