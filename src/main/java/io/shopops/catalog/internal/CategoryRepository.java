package io.shopops.catalog.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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
