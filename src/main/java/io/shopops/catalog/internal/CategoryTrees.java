package io.shopops.catalog.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.shopops.catalog.CategoryId;
import io.shopops.catalog.CategoryNode;
import io.shopops.catalog.CategoryView;
import org.jspecify.annotations.Nullable;

/** Builds the nested category tree from the flat list the database keeps (parent ids and paths). */
public final class CategoryTrees {

    private static final Comparator<CategoryView> DISPLAY_ORDER = Comparator.comparingInt(CategoryView::sortOrder)
            .thenComparing(CategoryView::name).thenComparing(c -> c.id().value());

    private CategoryTrees() {
    }

    public static List<CategoryNode> build(List<CategoryView> categories, Map<CategoryId, Long> productCounts) {
        Map<@Nullable CategoryId, List<CategoryView>> children = new HashMap<>();
        for (CategoryView category : categories) {
            children.computeIfAbsent(category.parentId(), k -> new ArrayList<>()).add(category);
        }
        return nodes(null, children, productCounts);
    }

    private static List<CategoryNode> nodes(@Nullable CategoryId parent,
            Map<@Nullable CategoryId, List<CategoryView>> children, Map<CategoryId, Long> productCounts) {
        List<CategoryView> level = new ArrayList<>(children.getOrDefault(parent, List.of()));
        level.sort(DISPLAY_ORDER);
        List<CategoryNode> nodes = new ArrayList<>();
        for (CategoryView category : level) {
            List<CategoryNode> below = nodes(category.id(), children, productCounts);
            long own = productCounts.getOrDefault(category.id(), 0L);
            long total = own + below.stream().mapToLong(CategoryNode::totalProductCount).sum();
            nodes.add(new CategoryNode(category.id(), category.parentId(), category.code(), category.name(),
                    category.nameEn(), category.depth(), category.sortOrder(), category.version(), own, total, below));
        }
        return nodes;
    }
}
