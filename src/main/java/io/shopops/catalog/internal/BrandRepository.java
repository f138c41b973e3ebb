package io.shopops.catalog.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.shopops.catalog.BrandChanges;
import io.shopops.catalog.BrandId;
import io.shopops.catalog.BrandView;
import io.shopops.catalog.NewBrand;
import io.shopops.shared.persistence.SqlTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class BrandRepository {

    private final JdbcClient jdbc;

    BrandRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public BrandId insert(NewBrand brand, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO brand (code, name, name_en, logo_url, description, created_at, updated_at, version)
                VALUES (:code, :name, :nameEn, :logo, :description, :now, :now, 0)
                """)
                .param("code", brand.code().trim()).param("name", brand.name().trim())
                .param("nameEn", Texts.trimToNull(brand.nameEn())).param("logo", Texts.trimToNull(brand.logoUrl()))
                .param("description", Texts.trimToNull(brand.description())).param("now", SqlTime.utc(now))
                .update(keys, "id");
        return new BrandId(keys.getKeyAs(Number.class).longValue());
    }

    public Optional<BrandView> find(BrandId id) {
        return jdbc.sql("SELECT * FROM brand WHERE id = :id").param("id", id.value())
                .query(BrandRepository::map).optional();
    }

    public Optional<BrandView> findByCode(String code) {
        return jdbc.sql("SELECT * FROM brand WHERE code = :code").param("code", code)
                .query(BrandRepository::map).optional();
    }

    public boolean existsByCode(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM brand WHERE code = :code").param("code", code)
                .query(Long.class).single() > 0;
    }

    /** Changes a brand's details if it still has the version the client read; false when it has not. */
    public boolean update(BrandId id, BrandChanges changes, long expectedVersion, Instant now) {
        return jdbc.sql("""
                UPDATE brand SET name = :name, name_en = :nameEn, logo_url = :logo, description = :description,
                                 updated_at = :now, version = version + 1
                WHERE id = :id AND version = :version
                """)
                .param("name", changes.name().trim()).param("nameEn", Texts.trimToNull(changes.nameEn()))
                .param("logo", Texts.trimToNull(changes.logoUrl()))
                .param("description", Texts.trimToNull(changes.description())).param("now", SqlTime.utc(now))
                .param("id", id.value()).param("version", expectedVersion)
                .update() == 1;
    }

    /** Deletes a brand no product uses, checked in the same statement; false when a product uses it. */
    public boolean deleteIfUnused(BrandId id) {
        return jdbc.sql("""
                DELETE FROM brand WHERE id = :id AND NOT EXISTS (SELECT 1 FROM product p WHERE p.brand_id = :id)
                """).param("id", id.value()).update() == 1;
    }

    public long productCount(BrandId id) {
        return jdbc.sql("SELECT COUNT(*) FROM product WHERE brand_id = :id").param("id", id.value())
                .query(Long.class).single();
    }

    public List<BrandView> all() {
        return jdbc.sql("SELECT * FROM brand ORDER BY name, id").query(BrandRepository::map).list();
    }

    static BrandView map(ResultSet rs, int row) throws SQLException {
        return new BrandView(new BrandId(rs.getLong("id")), rs.getString("code"), rs.getString("name"),
                rs.getString("name_en"), rs.getString("logo_url"), rs.getString("description"),
                SqlTime.requiredInstant(rs, "created_at"), SqlTime.requiredInstant(rs, "updated_at"),
                rs.getLong("version"));
    }
}
