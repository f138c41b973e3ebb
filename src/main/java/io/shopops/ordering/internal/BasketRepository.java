package io.shopops.ordering.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.shopops.catalog.SkuId;
import io.shopops.customer.CustomerId;
import io.shopops.ordering.OrderBaskets.Basket;
import io.shopops.ordering.OrderBaskets.Line;
import io.shopops.ordering.OrderId;
import io.shopops.ordering.SalesChannel;
import io.shopops.shared.Money;
import io.shopops.shared.persistence.SqlTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Past orders' baskets in one query: the orders of a period (not cancelled) joined with their lines. */
@Repository
public class BasketRepository {

    private final JdbcClient jdbc;

    BasketRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Basket> placedBetween(Instant from, Instant to, int limit) {
        Map<Long, Basket> baskets = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT o.id, o.placed_at, o.channel, o.customer_id, o.currency, l.sku_id, l.quantity, l.unit_price,
                       l.discount_amount, l.payable_amount, l.cost_price
                FROM (SELECT id, placed_at, channel, customer_id, currency FROM shop_order
                      WHERE placed_at >= :from AND placed_at < :to AND status <> 'CANCELLED'
                      ORDER BY placed_at, id LIMIT :limit) o
                JOIN order_line l ON l.order_id = o.id
                ORDER BY o.placed_at, o.id, l.line_no
                """).param("from", SqlTime.utc(from)).param("to", SqlTime.utc(to)).param("limit", limit)
                .query(rs -> {
                    long id = rs.getLong("id");
                    Currency currency = Currency.getInstance(rs.getString("currency").trim());
                    Basket basket = baskets.computeIfAbsent(id, k -> {
                        try {
                            return new Basket(new OrderId(id), SqlTime.requiredInstant(rs, "placed_at"),
                                    SalesChannel.valueOf(rs.getString("channel")),
                                    new CustomerId(rs.getLong("customer_id")), new ArrayList<>());
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    basket.lines().add(new Line(new SkuId(rs.getLong("sku_id")), rs.getInt("quantity"),
                            Money.of(rs.getBigDecimal("unit_price"), currency),
                            Money.of(rs.getBigDecimal("discount_amount"), currency),
                            Money.of(rs.getBigDecimal("payable_amount"), currency),
                            Money.of(rs.getBigDecimal("cost_price"), currency)));
                });
        return List.copyOf(baskets.values());
    }
}
