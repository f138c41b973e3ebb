package io.shopops.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.shopops.identity.Role;
import io.shopops.identity.StaffView;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.persistence.Like;
import io.shopops.shared.persistence.SqlTime;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Staff accounts and their roles. Failed-login counting is a single conditional UPDATE, safe on any node. */
@Repository
public class StaffAccountRepository {

    private final JdbcClient jdbc;

    StaffAccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored account including its password hash, for sign-in only. */
    public record StoredAccount(StaffView view, String passwordHash) {
    }

    public static String key(String username) {
        return username.trim().toLowerCase(Locale.ROOT);
    }

    public long insert(String username, String displayName, @Nullable String email, String passwordHash,
            boolean mustChangePassword, Set<Role> roles, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO staff_account (username, username_key, display_name, email, password_hash, enabled,
                                           must_change_password, failed_attempts, created_at, password_changed_at, version)
                VALUES (:username, :key, :displayName, :email, :hash, TRUE, :mustChange, 0, :now, :now, 0)
                """)
                .param("username", username)
                .param("key", key(username))
                .param("displayName", displayName)
                .param("email", email)
                .param("hash", passwordHash)
                .param("mustChange", mustChangePassword)
                .param("now", SqlTime.utc(now))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        replaceRoles(id, roles);
        return id;
    }

    public boolean existsByUsername(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM staff_account WHERE username_key = :key")
                .param("key", key(username)).query(Long.class).single() > 0;
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM staff_account").query(Long.class).single();
    }

    public Optional<StoredAccount> findStoredByUsername(String username) {
        return jdbc.sql("SELECT * FROM staff_account WHERE username_key = :key")
                .param("key", key(username))
                .query((rs, row) -> new StoredAccount(view(rs), rs.getString("password_hash")))
                .optional()
                .map(this::withRoles);
    }

    public Optional<StoredAccount> findStored(long id) {
        return jdbc.sql("SELECT * FROM staff_account WHERE id = :id")
                .param("id", id)
                .query((rs, row) -> new StoredAccount(view(rs), rs.getString("password_hash")))
                .optional()
                .map(this::withRoles);
    }

    public Optional<StaffView> find(long id) {
        return findStored(id).map(StoredAccount::view);
    }

    public Page<StaffView> list(@Nullable String search, @Nullable Role role, PageQuery page) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (search != null && !search.isBlank()) {
            where.append(" AND (username_key LIKE :q" + Like.ESCAPE + " OR LOWER(display_name) LIKE :q" + Like.ESCAPE + ")");
            params.put("q", Like.contains(search));
        }
        if (role != null) {
            where.append(" AND id IN (SELECT staff_id FROM staff_role WHERE role = :role)");
            params.put("role", role.name());
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM staff_account" + where).params(params)
                .query(Long.class).single();
        List<StaffView> items = jdbc.sql("SELECT * FROM staff_account" + where
                        + " ORDER BY username_key LIMIT :limit OFFSET :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query((rs, row) -> view(rs)).list();
        List<StaffView> withRoles = new ArrayList<>();
        for (StaffView staff : items) {
            withRoles.add(copyWithRoles(staff, roles(staff.id())));
        }
        return Page.of(withRoles, page, total);
    }

    /** Enabled accounts holding a role; used to keep at least one administrator. */
    public long countEnabledWithRole(Role role) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM staff_account a JOIN staff_role r ON r.staff_id = a.id
                WHERE r.role = :role AND a.enabled = TRUE
                """).param("role", role.name()).query(Long.class).single();
    }

    public void replaceRoles(long staffId, Set<Role> roles) {
        jdbc.sql("DELETE FROM staff_role WHERE staff_id = :id").param("id", staffId).update();
        for (Role role : roles) {
            jdbc.sql("INSERT INTO staff_role (staff_id, role) VALUES (:id, :role)")
                    .param("id", staffId).param("role", role.name()).update();
        }
    }

    /** Bumps the version, refusing the change if someone else changed the account since it was read. */
    public void touch(long id, long expectedVersion) {
        int updated = jdbc.sql("UPDATE staff_account SET version = version + 1 WHERE id = :id AND version = :v")
                .param("id", id).param("v", expectedVersion).update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("staff account " + id + " was changed concurrently");
        }
    }

    public void setEnabled(long id, boolean enabled) {
        jdbc.sql("UPDATE staff_account SET enabled = :enabled WHERE id = :id")
                .param("enabled", enabled).param("id", id).update();
    }

    public void setPassword(long id, String passwordHash, boolean mustChange, Instant now) {
        jdbc.sql("""
                UPDATE staff_account SET password_hash = :hash, must_change_password = :mustChange,
                       password_changed_at = :now, failed_attempts = 0, locked_until = NULL
                WHERE id = :id
                """)
                .param("hash", passwordHash).param("mustChange", mustChange).param("now", SqlTime.utc(now))
                .param("id", id).update();
    }

    public void unlock(long id) {
        jdbc.sql("UPDATE staff_account SET failed_attempts = 0, locked_until = NULL WHERE id = :id")
                .param("id", id).update();
    }

    /**
     * Counts a failed sign-in; on reaching the limit, locks the account until {@code lockUntil} and starts
     * counting afresh. One statement, so concurrent failures on several nodes cannot lose a count.
     *
     * @return whether this failure locked the account
     */
    public boolean recordFailedLogin(String username, int maxFailures, Instant lockUntil) {
        int locked = jdbc.sql("""
                UPDATE staff_account
                SET locked_until = :until, failed_attempts = 0
                WHERE username_key = :key AND failed_attempts + 1 >= :max
                """)
                .param("until", SqlTime.utc(lockUntil)).param("key", key(username)).param("max", maxFailures)
                .update();
        if (locked > 0) {
            return true;
        }
        jdbc.sql("UPDATE staff_account SET failed_attempts = failed_attempts + 1 WHERE username_key = :key")
                .param("key", key(username)).update();
        return false;
    }

    public void recordSuccessfulLogin(long id, Instant now) {
        jdbc.sql("UPDATE staff_account SET failed_attempts = 0, locked_until = NULL, last_login_at = :now WHERE id = :id")
                .param("now", SqlTime.utc(now)).param("id", id).update();
    }

    public Set<Role> roles(long staffId) {
        List<String> names = jdbc.sql("SELECT role FROM staff_role WHERE staff_id = :id")
                .param("id", staffId).query(String.class).list();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        names.forEach(name -> roles.add(Role.valueOf(name)));
        return roles;
    }

    private StoredAccount withRoles(StoredAccount stored) {
        return new StoredAccount(copyWithRoles(stored.view(), roles(stored.view().id())), stored.passwordHash());
    }

    private static StaffView copyWithRoles(StaffView v, Set<Role> roles) {
        return new StaffView(v.id(), v.username(), v.displayName(), v.email(), roles, v.enabled(),
                v.mustChangePassword(), v.lockedUntil(), v.createdAt(), v.lastLoginAt(), v.version());
    }

    private static StaffView view(ResultSet rs) throws SQLException {
        return new StaffView(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("email"), Set.of(), rs.getBoolean("enabled"), rs.getBoolean("must_change_password"),
                SqlTime.instant(rs, "locked_until"), SqlTime.requiredInstant(rs, "created_at"),
                SqlTime.instant(rs, "last_login_at"), rs.getLong("version"));
    }
}
