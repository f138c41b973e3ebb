package io.shopops.inventory.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.shopops.inventory.WarehouseId;
import io.shopops.inventory.WarehouseView;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.persistence.SqlTime;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class WarehouseRepository {

    private final JdbcClient jdbc;

    WarehouseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public WarehouseId insert(String code, String name, @Nullable String region, @Nullable String address,
            Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO warehouse (code, name, region, address, active, created_at, updated_at, version)
                VALUES (:code, :name, :region, :address, TRUE, :now, :now, 0)
                """)
                .param("code", code).param("name", name).param("region", region).param("address", address)
                .param("now", SqlTime.utc(now))
                .update(keys, "id");
        return new WarehouseId(keys.getKeyAs(Number.class).longValue());
    }

    /** Changes the details if the version is still the one the editor read; false otherwise. */
    public boolean update(WarehouseId id, long version, String name, @Nullable String region,
            @Nullable String address, Instant now) {
        return jdbc.sql("""
                UPDATE warehouse SET name = :name, region = :region, address = :address, updated_at = :now,
                                     version = version + 1
                WHERE id = :id AND version = :version
                """)
                .param("id", id.value()).param("version", version).param("name", name).param("region", region)
                .param("address", address).param("now", SqlTime.utc(now))
                .update() == 1;
    }

    /**
     * Locks an active warehouse's row until the transaction ends (a no-op UPDATE takes the row lock on both
     * databases, and on PostgreSQL it does not block the key-share locks of inserts that reference the row).
     * Stock only grows in a warehouse under this lock, so deactivation can check for stock without a race.
     * False when the warehouse does not exist or is inactive.
     */
    public boolean lockActive(WarehouseId id) {
        return jdbc.sql("UPDATE warehouse SET active = TRUE WHERE id = :id AND active = TRUE")
                .param("id", id.value()).update() == 1;
    }

    /** Deactivates an active warehouse, taking its row lock; false if it is missing or already inactive. */
    public boolean deactivate(WarehouseId id, Instant now) {
        return jdbc.sql("""
                UPDATE warehouse SET active = FALSE, updated_at = :now, version = version + 1
                WHERE id = :id AND active = TRUE
                """)
                .param("id", id.value()).param("now", SqlTime.utc(now)).update() == 1;
    }

    public Optional<WarehouseView> find(WarehouseId id) {
        return jdbc.sql("SELECT * FROM warehouse WHERE id = :id").param("id", id.value())
                .query(WarehouseRepository::map).optional();
    }

    public boolean existsByCode(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM warehouse WHERE code = :code").param("code", code)
                .query(Long.class).single() > 0;
    }

    public Page<WarehouseView> list(boolean includeInactive, PageQuery page) {
        String where = includeInactive ? "" : " WHERE active = TRUE";
        long total = jdbc.sql("SELECT COUNT(*) FROM warehouse" + where).query(Long.class).single();
        List<WarehouseView> items = jdbc.sql("SELECT * FROM warehouse" + where
                        + " ORDER BY active DESC, code LIMIT :limit OFFSET :offset")
                .param("limit", page.size()).param("offset", page.offset())
                .query(WarehouseRepository::map).list();
        return Page.of(items, page, total);
    }

    public List<WarehouseView> all() {
        return jdbc.sql("SELECT * FROM warehouse ORDER BY active DESC, code").query(WarehouseRepository::map).list();
    }

    public long countActive() {
        return jdbc.sql("SELECT COUNT(*) FROM warehouse WHERE active = TRUE").query(Long.class).single();
    }

    static WarehouseView map(ResultSet rs, int row) throws SQLException {
        return new WarehouseView(new WarehouseId(rs.getLong("id")), rs.getString("code"), rs.getString("name"),
                rs.getString("region"), rs.getString("address"), rs.getBoolean("active"),
                SqlTime.requiredInstant(rs, "created_at"), SqlTime.requiredInstant(rs, "updated_at"),
                rs.getLong("version"));
    }
}
