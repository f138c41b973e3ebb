package io.shopops.catalog.web;

import java.util.List;

import io.shopops.catalog.Categories;
import io.shopops.catalog.CategoryChanges;
import io.shopops.catalog.CategoryId;
import io.shopops.catalog.CategoryNode;
import io.shopops.catalog.CategoryView;
import io.shopops.catalog.NewCategory;
import io.shopops.shared.web.RequiresPermission;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The category tree (多級類目) over REST. */
@RestController
@RequestMapping("/api/v1/admin/catalog/categories")
class CategoryApi {

    private final Categories categories;

    CategoryApi(Categories categories) {
        this.categories = categories;
    }

    record CategoryRequest(@Nullable String code, @Nullable String name, @Nullable String nameEn,
            @Nullable Long parentId, @Nullable Integer sortOrder) {
    }

    record CategoryUpdateRequest(@Nullable String name, @Nullable String nameEn, @Nullable Integer sortOrder,
            @Nullable Long version) {
    }

    record CategoryMoveRequest(@Nullable Long parentId, @Nullable Long version) {
    }

    /** Every category, parents before children; {@code /tree} nests them. */
    @GetMapping
    @RequiresPermission("catalog:read")
    List<CategoryView> list() {
        return categories.all();
    }

    @GetMapping("/tree")
    @RequiresPermission("catalog:read")
    List<CategoryNode> tree() {
        return categories.tree();
    }

    @GetMapping("/{id}")
    @RequiresPermission("catalog:read")
    CategoryView get(@PathVariable long id) {
        return categories.category(new CategoryId(id));
    }

    @PostMapping
    @RequiresPermission("catalog:write")
    ResponseEntity<CategoryView> create(@RequestBody CategoryRequest request) {
        CategoryView created = categories.create(new NewCategory(request.code(), request.name(), request.nameEn(),
                request.parentId() == null ? null : new CategoryId(request.parentId()),
                request.sortOrder() == null ? 0 : request.sortOrder()));
        return ResponseEntity.created(ApiSupport.location(created.id().value())).body(created);
    }

    @PutMapping("/{id}")
    @RequiresPermission("catalog:write")
    CategoryView update(@PathVariable long id, @RequestBody CategoryUpdateRequest request) {
        return categories.update(new CategoryId(id), new CategoryChanges(request.name(), request.nameEn(),
                request.sortOrder() == null ? 0 : request.sortOrder()), ApiSupport.version(request.version()));
    }

    /** Moves the category with its subtree under {@code parentId}, or to the top level when it is null. */
    @PostMapping("/{id}/move")
    @RequiresPermission("catalog:write")
    CategoryView move(@PathVariable long id, @RequestBody CategoryMoveRequest request) {
        return categories.move(new CategoryId(id),
                request.parentId() == null ? null : new CategoryId(request.parentId()),
                ApiSupport.version(request.version()));
    }

    @DeleteMapping("/{id}")
    @RequiresPermission("catalog:write")
    ResponseEntity<Void> delete(@PathVariable long id) {
        categories.delete(new CategoryId(id));
        return ResponseEntity.noContent().build();
    }
}
