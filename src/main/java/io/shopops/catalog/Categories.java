package io.shopops.catalog;

import java.util.List;
import java.util.Optional;

import io.shopops.audit.AuditLog;
import io.shopops.catalog.internal.CategoryRepository;
import io.shopops.catalog.internal.CategoryTrees;
import io.shopops.shared.ConflictException;
import io.shopops.shared.InvalidInputException;
import io.shopops.shared.NotFoundException;
import io.shopops.shared.Violations;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static io.shopops.catalog.CatalogSupport.stale;

/**
 * The catalog's category tree (a materialised path): creating, renaming, moving and deleting categories, and
 * reading them as a list or a tree. Changes to the tree's shape take the tree's lock, so they run one after
 * another; every change is recorded in the audit log.
 */
@Service
public class Categories {

    /** Categories nest at most this deep (a CHECK constraint holds the database to it too). */
    public static final int MAX_CATEGORY_DEPTH = 5;

    private final CategoryRepository categories;
    private final AuditLog audit;
    private final CatalogSupport support;

    Categories(CategoryRepository categories, AuditLog audit, CatalogSupport support) {
        this.categories = categories;
        this.audit = audit;
        this.support = support;
    }

    @Transactional
    public CategoryView create(NewCategory category) {
        Violations v = new Violations();
        v.code("code", category.code());
        v.text("name", category.name(), true, 100);
        v.text("nameEn", category.nameEn(), false, 100);
        v.throwIfAny();
        categories.lockTree();
        CategoryView parent = category.parentId() == null ? null : categories.find(category.parentId())
                .orElseThrow(() -> NotFoundException.reference("parentId", "Category", category.parentId()));
        if (parent != null && parent.depth() >= MAX_CATEGORY_DEPTH) {
            throw new InvalidInputException("parentId", "categories nest at most " + MAX_CATEGORY_DEPTH + " levels deep");
        }
        if (categories.existsByCode(category.code().trim())) {
            throw new ConflictException("code", "is already used by another category");
        }
        CategoryId id = categories.insert(category.parentId(), parent == null ? "/" : parent.path(),
                parent == null ? 0 : parent.depth(), category.code().trim(), category.name().trim(),
                category.nameEn() == null || category.nameEn().isBlank() ? null : category.nameEn().trim(),
                category.sortOrder(), support.now());
        CategoryView created = category(id);
        audit.record("CATEGORY_CREATED", "category", id, created.code(), null, created);
        return created;
    }

    /** Renames a category or changes its place among its siblings. */
    @Transactional
    public CategoryView update(CategoryId id, CategoryChanges changes, long expectedVersion) {
        Violations v = new Violations();
        v.text("name", changes.name(), true, 100);
        v.text("nameEn", changes.nameEn(), false, 100);
        v.throwIfAny();
        CategoryView before = category(id);
        if (!categories.update(id, changes, expectedVersion, support.now())) {
            throw stale("category");
        }
        CategoryView after = category(id);
        audit.record("CATEGORY_UPDATED", "category", id, after.code(), before, after);
        return after;
    }

    /**
     * Moves a category with its whole subtree under another parent, or to the top level without one. A
     * category cannot move under itself or its descendants, and the moved subtree must still fit in
     * {@value #MAX_CATEGORY_DEPTH} levels.
     */
    @Transactional
    public CategoryView move(CategoryId id, @Nullable CategoryId newParentId, long expectedVersion) {
        categories.lockTree();
        CategoryView before = category(id);
        CategoryView parent = newParentId == null ? null : categories.find(newParentId)
                .orElseThrow(() -> NotFoundException.reference("parentId", "Category", newParentId));
        if (parent != null && parent.path().startsWith(before.path())) {
            throw new InvalidInputException("parentId", "must not be the category itself or one of its descendants");
        }
        int newDepth = parent == null ? 1 : parent.depth() + 1;
        int subtreeHeight = categories.deepestUnder(before.path()) - before.depth();
        if (newDepth + subtreeHeight > MAX_CATEGORY_DEPTH) {
            throw new InvalidInputException("parentId", "would nest the category's subtree deeper than "
                    + MAX_CATEGORY_DEPTH + " levels");
        }
        String newPath = (parent == null ? "/" : parent.path()) + id.value() + "/";
        if (!categories.move(before, newParentId, newPath, newDepth, expectedVersion, support.now())) {
            throw stale("category");
        }
        CategoryView after = category(id);
        audit.record("CATEGORY_MOVED", "category", id, after.code(), before, after);
        return after;
    }

    /** Deletes a category without subcategories and products. */
    @Transactional
    public void delete(CategoryId id) {
        CategoryView before = category(id);
        if (!categories.deleteIfUnused(id)) {
            throw new ConflictException(categories.hasChildren(id)
                    ? "The category has subcategories; move or delete them first"
                    : "The category has products; file them under another category first");
        }
        audit.record("CATEGORY_DELETED", "category", id, before.code(), before, null);
    }

    @Transactional(readOnly = true)
    public CategoryView category(CategoryId id) {
        return categories.find(id).orElseThrow(() -> NotFoundException.of("Category", id));
    }

    @Transactional(readOnly = true)
    public Optional<CategoryView> byCode(String code) {
        return categories.findByCode(code);
    }

    /** Every category, parents before their children. */
    @Transactional(readOnly = true)
    public List<CategoryView> all() {
        return categories.all();
    }

    /** The category tree: top-level categories with their descendants nested, siblings in display order. */
    @Transactional(readOnly = true)
    public List<CategoryNode> tree() {
        return CategoryTrees.build(categories.all(), categories.productCounts());
    }
}
