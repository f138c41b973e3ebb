package io.shopops.loyalty.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.shopops.customer.CustomerId;
import io.shopops.loyalty.PointsEntry;
import io.shopops.loyalty.PointsEntryKind;
import io.shopops.shared.persistence.SqlTime;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The points ledger's writes, each inside the caller's transaction and under the customer's account row lock, so
 * one customer's operations happen one at a time on every node: the idempotency key is checked under the lock
 * (a replay finds its entry and changes nothing), lots are used first-to-expire first, and the balance moves by
 * conditional UPDATE under its CHECK, never below zero.
 */
@Repository
public class PointsLedger {

    private final JdbcClient jdbc;
    private final TransactionTemplate savepoint;

    PointsLedger(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** Takes the customer's account row lock, opening the account at 0 first. */
    public void lock(long customer, Instant now) {
        if (touch(customer, now)) {
            return;
        }
        try {
            savepoint.executeWithoutResult(s -> jdbc.sql("""
                    INSERT INTO points_account (customer_id, balance, updated_at) VALUES (:c, 0, :now)
                    """).param("c", customer).param("now", SqlTime.utc(now)).update());
        } catch (DuplicateKeyException opened) {
            // a parallel operation of the same customer opened it: wait for its lock below
        }
        touch(customer, now);
    }

    private boolean touch(long customer, Instant now) {
        return jdbc.sql("UPDATE points_account SET updated_at = :now WHERE customer_id = :c")
                .param("now", SqlTime.utc(now)).param("c", customer).update() == 1;
    }

    public Optional<PointsEntry> byKey(String key) {
        return jdbc.sql("SELECT * FROM points_entry WHERE idempotency_key = :key").param("key", key)
                .query(PointsLedger::entry).optional();
    }

    public long balance(long customer) {
        return jdbc.sql("SELECT balance FROM points_account WHERE customer_id = :c").param("c", customer)
                .query(Long.class).optional().orElse(0L);
    }

    /** Σ remaining of the lots not expired at {@code now}: what may be spent. */
    public long available(long customer, Instant now) {
        return jdbc.sql("""
                SELECT COALESCE(SUM(remaining), 0) FROM points_entry
                WHERE customer_id = :c AND remaining > 0 AND expires_at > :now
                """).param("c", customer).param("now", SqlTime.utc(now)).query(Long.class).single();
    }

    /** An operation: who, why, and its idempotency key. */
    public record Move(long customer, PointsEntryKind kind, String key, @Nullable Long orderId, @Nullable String note,
            String by, Instant at) {
    }

    /** Adds a lot of {@code points} (> 0) expiring at {@code expiresAt}; a replay returns the first entry. */
    public PointsEntry credit(Move m, long points, Instant expiresAt, @Nullable BigDecimal basis) {
        if (points <= 0) {
            throw new IllegalArgumentException("a credit is positive");
        }
        lock(m.customer(), m.at());
        Optional<PointsEntry> seen = byKey(m.key());
        if (seen.isPresent()) {
            return seen.get();
        }
        jdbc.sql("UPDATE points_account SET balance = balance + :p WHERE customer_id = :c").param("p", points)
                .param("c", m.customer()).update();
        return insert(m, points, balance(m.customer()), points, expiresAt, basis);
    }

    /**
     * Takes points from the customer's lots, first-to-expire first ({@code firstLot} before the others when given):
     * exactly {@code points} when {@code partial} is false (empty when the lots do not hold that many), or as many
     * of them as there are when it is true (a reversal; recorded even at 0). A replay returns the first entry.
     *
     * @param spendable only lots not expired at the move's time (spending), or every lot with points left (taking
     *                  back, expiring)
     */
    public Optional<PointsEntry> debit(Move m, long points, boolean partial, boolean spendable,
            @Nullable Long firstLot) {
        if (points <= 0) {
            throw new IllegalArgumentException("a debit is positive");
        }
        lock(m.customer(), m.at());
        Optional<PointsEntry> seen = byKey(m.key());
        if (seen.isPresent()) {
            return seen;
        }
        List<long[]> lots = jdbc.sql("""
                SELECT id, remaining FROM points_entry
                WHERE customer_id = :c AND remaining > 0 AND (:all = 1 OR expires_at > :now)
                ORDER BY CASE WHEN id = :first THEN 0 ELSE 1 END, expires_at, id
                """).param("c", m.customer()).param("all", spendable ? 0 : 1).param("now", SqlTime.utc(m.at()))
                .param("first", firstLot == null ? -1 : firstLot)
                .query((rs, n) -> new long[] {rs.getLong("id"), rs.getLong("remaining")}).list();
        long there = lots.stream().mapToLong(l -> l[1]).sum();
        if (!partial && there < points) {
            return Optional.empty();
        }
        long take = Math.min(points, there);
        long left = take;
        for (long[] lot : lots) {
            if (left == 0) {
                break;
            }
            long used = Math.min(left, lot[1]);
            jdbc.sql("UPDATE points_entry SET remaining = remaining - :used WHERE id = :id").param("used", used)
                    .param("id", lot[0]).update();
            left -= used;
        }
        if (take > 0 && jdbc.sql("UPDATE points_account SET balance = balance - :p WHERE customer_id = :c"
                + " AND balance >= :p").param("p", take).param("c", m.customer()).update() != 1) {
            throw new IllegalStateException("points ledger of customer " + m.customer() + " disagrees with its lots");
        }
        return Optional.of(insert(m, -take, balance(m.customer()), null, null, null));
    }

    private PointsEntry insert(Move m, long points, long balanceAfter, @Nullable Long remaining,
            @Nullable Instant expiresAt, @Nullable BigDecimal basis) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO points_entry (customer_id, kind, points, balance_after, remaining, expires_at, order_id, basis,
                    idempotency_key, note, created_by, created_at)
                VALUES (:c, :kind, :points, :after, :remaining, :expires, :order, :basis, :key, :note, :by, :at)
                """).param("c", m.customer()).param("kind", m.kind().name()).param("points", points)
                .param("after", balanceAfter).param("remaining", remaining).param("expires", SqlTime.utc(expiresAt))
                .param("order", m.orderId()).param("basis", basis).param("key", m.key()).param("note", m.note())
                .param("by", m.by()).param("at", SqlTime.utc(m.at())).update(key, "id");
        return new PointsEntry(key.getKeyAs(Number.class).longValue(), new CustomerId(m.customer()), m.kind(), points,
                balanceAfter, remaining, expiresAt, m.orderId(), m.note(), m.by(), m.at());
    }

    // --- reads ---------------------------------------------------------------------------------------------

    /** The customer's entries, latest first. */
    public List<PointsEntry> entries(long customer, int limit, long offset) {
        return jdbc.sql("SELECT * FROM points_entry WHERE customer_id = :c ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .param("c", customer).param("limit", limit).param("offset", offset).query(PointsLedger::entry).list();
    }

    public long count(long customer) {
        return jdbc.sql("SELECT COUNT(*) FROM points_entry WHERE customer_id = :c").param("c", customer)
                .query(Long.class).single();
    }

    /** The order's entries of a kind, oldest first. */
    public List<PointsEntry> ofOrder(long order, PointsEntryKind kind) {
        return jdbc.sql("SELECT * FROM points_entry WHERE order_id = :o AND kind = :kind ORDER BY id")
                .param("o", order).param("kind", kind.name()).query(PointsLedger::entry).list();
    }

    /** The basis (paid amount) an order's points were earned on. */
    public Optional<BigDecimal> basis(long entryId) {
        return jdbc.sql("SELECT basis FROM points_entry WHERE id = :id").param("id", entryId).query(BigDecimal.class)
                .optional();
    }

    /** Lots with points left whose expiry has come, oldest expiry first: [id, customer]. */
    public List<long[]> expiredLots(Instant now, int limit) {
        return jdbc.sql("""
                SELECT id, customer_id FROM points_entry WHERE remaining > 0 AND expires_at <= :now
                ORDER BY expires_at, id LIMIT :limit
                """).param("now", SqlTime.utc(now)).param("limit", limit)
                .query((rs, n) -> new long[] {rs.getLong("id"), rs.getLong("customer_id")}).list();
    }

    /** What is left of a lot (under the customer's lock). */
    public long remaining(long lot) {
        return jdbc.sql("SELECT remaining FROM points_entry WHERE id = :id").param("id", lot).query(Long.class)
                .optional().orElse(0L);
    }

    /** The next expiry with points left: [points, epoch second], or empty. */
    public Optional<Object[]> nextExpiry(long customer, Instant now) {
        return jdbc.sql("""
                SELECT expires_at, SUM(remaining) AS points FROM points_entry
                WHERE customer_id = :c AND remaining > 0 AND expires_at > :now
                GROUP BY expires_at ORDER BY expires_at LIMIT 1
                """).param("c", customer).param("now", SqlTime.utc(now))
                .query((rs, n) -> new Object[] {rs.getLong("points"), SqlTime.requiredInstant(rs, "expires_at")})
                .optional();
    }

    private static PointsEntry entry(ResultSet rs, int n) throws SQLException {
        long remaining = rs.getLong("remaining");
        Long lot = rs.wasNull() ? null : remaining;
        long order = rs.getLong("order_id");
        Long orderId = rs.wasNull() ? null : order;
        return new PointsEntry(rs.getLong("id"), new CustomerId(rs.getLong("customer_id")),
                PointsEntryKind.valueOf(rs.getString("kind")), rs.getLong("points"), rs.getLong("balance_after"), lot,
                SqlTime.instant(rs, "expires_at"), orderId, rs.getString("note"), rs.getString("created_by"),
                SqlTime.requiredInstant(rs, "created_at"));
    }
}
