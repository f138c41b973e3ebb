package io.shopops.catalog.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.shopops.catalog.CategoryChanges;
import io.shopops.catalog.CategoryId;
import io.shopops.catalog.CategoryView;
import io.shopops.shared.persistence.SqlTime;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class CategoryRepository {

    private final JdbcClient jdbc;

    CategoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a category under its parent (whose path is given) and returns its id. */
    public CategoryId insert(@Nullable CategoryId parentId, String parentPath, int parentDepth, String code,
            String name, @Nullable String nameEn, int sortOrder, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO category (parent_id, code, name, name_en, path, depth, sort_order, created_at, updated_at, version)
                VALUES (:parent, :code, :name, :nameEn, '/', :depth, :sort, :now, :now, 0)
                """)
                .param("parent", parentId == null ? null : parentId.value())
                .param("code", code).param("name", name).param("nameEn", nameEn)
                .param("depth", parentDepth + 1).param("sort", sortOrder).param("now", SqlTime.utc(now))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        jdbc.sql("UPDATE category SET path = :path WHERE id = :id")
                .param("path", parentPath + id + "/").param("id", id).update();
        return new CategoryId(id);
    }

    public Optional<CategoryView> find(CategoryId id) {
        return jdbc.sql("SELECT * FROM category WHERE id = :id").param("id", id.value())
                .query(CategoryRepository::map).optional();
    }

    public Optional<CategoryView> findByCode(String code) {
        return jdbc.sql("SELECT * FROM category WHERE code = :code").param("code", code)
                .query(CategoryRepository::map).optional();
    }

    public boolean existsByCode(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM category WHERE code = :code").param("code", code)
                .query(Long.class).single() > 0;
    }

    /** The whole tree in display order: by path depth-first, siblings by sort order then name. */
    public List<CategoryView> all() {
        return jdbc.sql("SELECT * FROM category ORDER BY depth, sort_order, name, id")
                .query(CategoryRepository::map).list();
    }

    /**
     * Takes the tree's lock row until the transaction ends: creations and moves run one at a time, so a
     * subtree's paths are never rewritten while a child is being added under it, and two moves cannot
     * together make a cycle.
     */
    public void lockTree() {
        jdbc.sql("UPDATE category_tree_lock SET id = id WHERE id = 1").update();
    }

    /** Renames or reorders a category if it still has the version the client read; false when it has not. */
    public boolean update(CategoryId id, CategoryChanges changes, long expectedVersion, Instant now) {
        return jdbc.sql("""
                UPDATE category SET name = :name, name_en = :nameEn, sort_order = :sort, updated_at = :now,
                                    version = version + 1
                WHERE id = :id AND version = :version
                """)
                .param("name", changes.name().trim()).param("nameEn", Texts.trimToNull(changes.nameEn()))
                .param("sort", changes.sortOrder()).param("now", SqlTime.utc(now))
                .param("id", id.value()).param("version", expectedVersion)
                .update() == 1;
    }

    /**
     * Moves a category (and so its subtree) under a new parent: its parent id changes if it still has the
     * version the client read, then every path below the old one is rewritten in one statement.
     */
    public boolean move(CategoryView category, @Nullable CategoryId newParentId, String newPath, int newDepth,
            long expectedVersion, Instant now) {
        int moved = jdbc.sql("""
                UPDATE category SET parent_id = :parent, updated_at = :now, version = version + 1
                WHERE id = :id AND version = :version
                """)
                .param("parent", newParentId == null ? null : newParentId.value()).param("now", SqlTime.utc(now))
                .param("id", category.id().value()).param("version", expectedVersion)
                .update();
        if (moved == 0) {
            return false;
        }
        jdbc.sql("""
                UPDATE category SET path = :newPath || SUBSTRING(path FROM :keep), depth = depth + :delta,
                                    updated_at = :now, version = version + CASE WHEN id = :id THEN 0 ELSE 1 END
                WHERE path LIKE :subtree
                """)
                .param("newPath", newPath).param("keep", category.path().length() + 1)
                .param("delta", newDepth - category.depth()).param("now", SqlTime.utc(now))
                .param("id", category.id().value())
                .param("subtree", category.path() + "%")
                .update();
        return true;
    }

    /** The depth of the deepest category in the subtree rooted at the given path (its own depth if a leaf). */
    public int deepestUnder(String path) {
        return jdbc.sql("SELECT MAX(depth) FROM category WHERE path LIKE :subtree")
                .param("subtree", path + "%").query(Integer.class).single();
    }

    public boolean hasChildren(CategoryId id) {
        return jdbc.sql("SELECT COUNT(*) FROM category WHERE parent_id = :id").param("id", id.value())
                .query(Long.class).single() > 0;
    }

    /**
     * Deletes a category that has neither children nor products, checked in the same statement so that a
     * product filed at the same moment keeps its category; false when it has either.
     */
    public boolean deleteIfUnused(CategoryId id) {
        return jdbc.sql("""
                DELETE FROM category WHERE id = :id
                  AND NOT EXISTS (SELECT 1 FROM category c WHERE c.parent_id = :id)
                  AND NOT EXISTS (SELECT 1 FROM product p WHERE p.category_id = :id)
                """).param("id", id.value()).update() == 1;
    }

    /** How many products are filed directly under each category that has any. */
    public Map<CategoryId, Long> productCounts() {
        Map<CategoryId, Long> counts = new HashMap<>();
        jdbc.sql("SELECT category_id, COUNT(*) AS n FROM product GROUP BY category_id")
                .query(rs -> {
                    counts.put(new CategoryId(rs.getLong("category_id")), rs.getLong("n"));
                });
        return counts;
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM category").query(Long.class).single();
    }

    static CategoryView map(ResultSet rs, int row) throws SQLException {
        Long parent = rs.getObject("parent_id", Long.class);
        return new CategoryView(new CategoryId(rs.getLong("id")), parent == null ? null : new CategoryId(parent),
                rs.getString("code"), rs.getString("name"), rs.getString("name_en"), rs.getString("path"),
                rs.getInt("depth"), rs.getInt("sort_order"), SqlTime.requiredInstant(rs, "created_at"),
                SqlTime.requiredInstant(rs, "updated_at"), rs.getLong("version"));
    }
}
