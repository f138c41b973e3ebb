package io.shopops.ordering.internal;

import java.time.Instant;
import java.util.Currency;
import java.util.List;

import io.shopops.customer.CustomerId;
import io.shopops.ordering.OrderFigures.Figure;
import io.shopops.ordering.OrderId;
import io.shopops.ordering.SalesChannel;
import io.shopops.shared.Money;
import io.shopops.shared.persistence.SqlTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Paid orders of a period with their goods' paid and cost totals, in one query. */
@Repository
public class OrderFigureRepository {

    /** The statuses {@link io.shopops.ordering.OrderStatus#isPaid()} accepts. */
    private static final String PAID = "status NOT IN ('PENDING_PAYMENT', 'CANCELLED')";

    private final JdbcClient jdbc;

    OrderFigureRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public io.shopops.ordering.OrderFigures.Totals paidTotalsBetween(Instant from, Instant to) {
        return jdbc.sql("""
                SELECT COALESCE(SUM(o.total_amount), 0) AS gmv, COUNT(*) AS orders,
                       COUNT(DISTINCT o.customer_id) AS buyers,
                       COUNT(DISTINCT CASE WHEN NOT EXISTS (SELECT 1 FROM shop_order p WHERE p.customer_id = o.customer_id
                                AND p.%1$s AND (p.placed_at < o.placed_at OR (p.placed_at = o.placed_at AND p.id < o.id)))
                            THEN o.customer_id END) AS new_buyers
                FROM shop_order o
                WHERE o.placed_at >= :from AND o.placed_at < :to AND o.%1$s
                """.formatted(PAID)).param("from", SqlTime.utc(from)).param("to", SqlTime.utc(to))
                .query((rs, n) -> new io.shopops.ordering.OrderFigures.Totals(rs.getBigDecimal("gmv"),
                        rs.getLong("orders"), rs.getLong("buyers"), rs.getLong("new_buyers"))).single();
    }

    public List<Figure> paidPlacedBetween(Instant from, Instant to, int limit) {
        return jdbc.sql("""
                SELECT o.id, o.customer_id, o.placed_at, o.channel, o.utm_source, o.utm_campaign, o.campaign_code, o.currency,
                       o.total_amount, o.refunded_amount,
                       (SELECT COALESCE(SUM(l.payable_amount), 0) FROM order_line l WHERE l.order_id = o.id) AS goods_paid,
                       (SELECT COALESCE(SUM(l.cost_price * l.quantity), 0) FROM order_line l WHERE l.order_id = o.id)
                           AS goods_cost,
                       CASE WHEN EXISTS (SELECT 1 FROM shop_order p WHERE p.customer_id = o.customer_id
                                AND p.%1$s AND (p.placed_at < o.placed_at OR (p.placed_at = o.placed_at AND p.id < o.id)))
                            THEN 0 ELSE 1 END AS first_order
                FROM shop_order o
                WHERE o.placed_at >= :from AND o.placed_at < :to AND o.%1$s
                ORDER BY o.placed_at, o.id
                LIMIT :limit
                """.formatted(PAID)).param("from", SqlTime.utc(from)).param("to", SqlTime.utc(to))
                .param("limit", limit)
                .query((rs, n) -> {
                    Currency currency = Currency.getInstance(rs.getString("currency").trim());
                    return new Figure(new OrderId(rs.getLong("id")), new CustomerId(rs.getLong("customer_id")),
                            SqlTime.requiredInstant(rs, "placed_at"), SalesChannel.valueOf(rs.getString("channel")),
                            rs.getString("utm_source"), rs.getString("utm_campaign"), rs.getString("campaign_code"),
                            Money.of(rs.getBigDecimal("total_amount"), currency),
                            Money.of(rs.getBigDecimal("goods_paid"), currency),
                            Money.of(rs.getBigDecimal("goods_cost"), currency),
                            Money.of(rs.getBigDecimal("refunded_amount"), currency), rs.getInt("first_order") == 1);
                }).list();
    }
}
