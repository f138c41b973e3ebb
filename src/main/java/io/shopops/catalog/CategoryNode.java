package io.shopops.catalog;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A category in the tree with its children in display order. {@code productCount} counts the products filed
 * directly under it (a category can be deleted only without children and products); {@code totalProductCount}
 * adds those of its descendants, which is what a filter by this category finds.
 */
public record CategoryNode(CategoryId id, @Nullable CategoryId parentId, String code, String name,
        @Nullable String nameEn, int depth, int sortOrder, long version, long productCount, long totalProductCount,
        List<CategoryNode> children) {

    public CategoryNode {
        children = List.copyOf(children);
    }

    public String displayName(Locale locale) {
        return "en".equals(locale.getLanguage()) && nameEn != null ? nameEn : name;
    }

    public boolean isDeletable() {
        return children.isEmpty() && productCount == 0;
    }

    /** The tree depth-first in display order, for pickers that indent by depth. */
    public static List<CategoryNode> flatten(List<CategoryNode> tree) {
        List<CategoryNode> flat = new java.util.ArrayList<>();
        for (CategoryNode node : tree) {
            flat.add(node);
            flat.addAll(flatten(node.children()));
        }
        return flat;
    }
}
