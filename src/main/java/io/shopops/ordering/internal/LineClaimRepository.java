package io.shopops.ordering.internal;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import io.shopops.ordering.LineClaim;
import io.shopops.ordering.OrderId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What after-sales has claimed of each order line, and what went back. Every change is one conditional UPDATE
 * whose WHERE clause is the invariant, so concurrent requests can never claim more than was paid.
 */
@Repository
public class LineClaimRepository {

    private final JdbcClient jdbc;

    LineClaimRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Claimed amount and quantity per line number. */
    public record Claimed(BigDecimal amount, int quantity) {
    }

    public Map<Integer, Claimed> claimed(OrderId order) {
        Map<Integer, Claimed> claimed = new HashMap<>();
        jdbc.sql("SELECT line_no, claimed_amount, claimed_quantity FROM order_line WHERE order_id = :order")
                .param("order", order.value())
                .query(rs -> {
                    claimed.put(rs.getInt("line_no"),
                            new Claimed(rs.getBigDecimal("claimed_amount"), rs.getInt("claimed_quantity")));
                });
        return claimed;
    }

    /** Adds the claim if the line has that much left; false (nothing changed) if it has not. */
    public boolean claim(OrderId order, LineClaim claim) {
        return jdbc.sql("""
                UPDATE order_line SET claimed_amount = claimed_amount + :amount,
                                      claimed_quantity = claimed_quantity + :quantity
                WHERE order_id = :order AND line_no = :line
                  AND claimed_amount + :amount <= payable_amount AND claimed_quantity + :quantity <= quantity
                """)
                .param("amount", claim.amount().amount()).param("quantity", claim.quantity())
                .param("order", order.value()).param("line", claim.lineNo()).update() == 1;
    }

    /** Gives a claim back (a request rejected or withdrawn); false if the line holds less than that. */
    public boolean release(OrderId order, LineClaim claim) {
        return jdbc.sql("""
                UPDATE order_line SET claimed_amount = claimed_amount - :amount,
                                      claimed_quantity = claimed_quantity - :quantity
                WHERE order_id = :order AND line_no = :line
                  AND claimed_amount >= :amount AND claimed_quantity >= :quantity
                """)
                .param("amount", claim.amount().amount()).param("quantity", claim.quantity())
                .param("order", order.value()).param("line", claim.lineNo()).update() == 1;
    }

    /** Money went back for the line: never more than was paid for it (and the CHECK agrees). */
    public boolean refunded(OrderId order, int lineNo, BigDecimal amount) {
        return jdbc.sql("""
                UPDATE order_line SET refunded_amount = refunded_amount + :amount
                WHERE order_id = :order AND line_no = :line AND refunded_amount + :amount <= payable_amount
                """)
                .param("amount", amount).param("order", order.value()).param("line", lineNo).update() == 1;
    }

    /** Units came back for the line: never more than were bought. */
    public boolean returned(OrderId order, int lineNo, int quantity) {
        return jdbc.sql("""
                UPDATE order_line SET returned_quantity = returned_quantity + :quantity
                WHERE order_id = :order AND line_no = :line AND returned_quantity + :quantity <= quantity
                """)
                .param("quantity", quantity).param("order", order.value()).param("line", lineNo).update() == 1;
    }
}
