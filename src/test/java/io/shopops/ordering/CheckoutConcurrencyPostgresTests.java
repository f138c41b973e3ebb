package io.shopops.ordering;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;

import io.shopops.catalog.SkuId;
import io.shopops.inventory.Inventory;
import io.shopops.inventory.StockLevel;
import io.shopops.inventory.WarehouseView;
import io.shopops.shared.BusinessRuleException;
import io.shopops.testing.PostgresTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.shopops.ordering.OrderFixtures.key;
import static io.shopops.ordering.OrderFixtures.line;
import static io.shopops.ordering.OrderFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many shoppers checking out at once on the machine's PostgreSQL: never more sold than there is, and every unit
 * accounted for the same way by the stock rows, the reservations, the ledger and the order lines.
 */
@PostgresTest
@Import(OrderingTestConfiguration.class)
class CheckoutConcurrencyPostgresTests {

    @Autowired
    Checkout checkout;
    @Autowired
    OrderFixtures fixtures;
    @Autowired
    Inventory inventory;
    @Autowired
    JdbcClient jdbc;

    List<OrderFixtures.Shopper> shoppers(int count, String... provinces) {
        List<OrderFixtures.Shopper> shoppers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            shoppers.add(fixtures.shopper(provinces[i % provinces.length]));
        }
        return shoppers;
    }

    @Test
    void aThousandCheckoutsForAHundredUnitsMakeExactlyAHundredOrders() throws Exception {
        SkuId hot = fixtures.sku("9.90");
        WarehouseView east = fixtures.warehouse("华东");
        fixtures.stock(hot, east, 100);
        List<OrderFixtures.Shopper> shoppers = shoppers(20, "上海市");
        List<Callable<String>> buyers = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            OrderFixtures.Shopper shopper = shoppers.get(i % shoppers.size());
            buyers.add(() -> {
                try {
                    checkout.place(shopper.id(), key(), order(shopper.addressId(), line(hot, 1)));
                    return "placed";
                } catch (BusinessRuleException refused) {
                    return refused.code();
                }
            });
        }

        List<String> outcomes = Race.run(48, buyers);

        assertThat(Collections.frequency(outcomes, "placed")).isEqualTo(100);
        assertThat(Collections.frequency(outcomes, "insufficient-stock")).isEqualTo(900);
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT order_id) FROM order_line WHERE sku_id = :sku")
                .param("sku", hot.value()).query(Long.class).single()).isEqualTo(100);
        StockLevel level = inventory.level(hot, east.id());
        assertThat(level.reserved()).isEqualTo(100);
        assertThat(level.available()).isZero();
        assertThat(inventory.reconcile().mismatches()).isEmpty();
    }

    @Test
    void twoThousandRandomCheckoutsOverFiftySkusAndThreeWarehousesAgreeWithStockReservationsLedgerAndLines()
            throws Exception {
        List<SkuId> skus = fixtures.skus(50, "15.00");
        List<WarehouseView> warehouses = List.of(fixtures.warehouse("华东"), fixtures.warehouse("华南"),
                fixtures.warehouse("华北"));
        Random random = new Random(20261122);
        Map<String, Long> initial = new HashMap<>();
        for (SkuId sku : skus) {
            for (WarehouseView warehouse : warehouses) {
                int units = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(30);
                if (units > 0) {
                    fixtures.stock(sku, warehouse, units);
                }
                initial.put(sku + "@" + warehouse.id(), (long) units);
            }
        }
        List<OrderFixtures.Shopper> shoppers = shoppers(20, "上海市", "广东省", "北京市", "四川省");
        List<Callable<String>> buyers = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            OrderFixtures.Shopper shopper = shoppers.get(random.nextInt(shoppers.size()));
            Set<SkuId> chosen = new LinkedHashSet<>();
            int lines = 1 + random.nextInt(3);
            while (chosen.size() < lines) {
                chosen.add(skus.get(random.nextInt(skus.size())));
            }
            List<NewOrder.Line> wanted = chosen.stream().map(sku -> line(sku, 1 + random.nextInt(3))).toList();
            buyers.add(() -> {
                try {
                    checkout.place(shopper.id(), key(), new NewOrder(wanted, shopper.addressId(), SalesChannel.WEB,
                            null, null));
                    return "placed";
                } catch (BusinessRuleException refused) {
                    return refused.code();
                }
            });
        }

        List<String> outcomes = Race.run(48, buyers);

        assertThat(outcomes).containsOnly("placed", "insufficient-stock");
        long placed = Collections.frequency(outcomes, "placed");
        assertThat(placed).isPositive();
        assertThat(placed).isLessThan(2_000);
        List<Long> skuIds = skus.stream().map(SkuId::value).toList();
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT order_id) FROM order_line WHERE sku_id IN (:skus)")
                .param("skus", skuIds).query(Long.class).single()).isEqualTo(placed);
        Map<String, Long> inLines = new HashMap<>();
        jdbc.sql("SELECT sku_id, warehouse_id, SUM(quantity) FROM order_line WHERE sku_id IN (:skus) GROUP BY sku_id, warehouse_id")
                .param("skus", skuIds)
                .query(rs -> {
                    inLines.put(rs.getLong(1) + "@" + rs.getLong(2), rs.getLong(3));
                });
        Map<String, Long> inReservations = new HashMap<>();
        jdbc.sql("""
                SELECT l.sku_id, l.warehouse_id, SUM(l.quantity) FROM reservation_line l
                JOIN reservation r ON r.id = l.reservation_id
                WHERE r.status = 'ACTIVE' AND l.sku_id IN (:skus) GROUP BY l.sku_id, l.warehouse_id
                """)
                .param("skus", skuIds)
                .query(rs -> {
                    inReservations.put(rs.getLong(1) + "@" + rs.getLong(2), rs.getLong(3));
                });
        for (SkuId sku : skus) {
            for (WarehouseView warehouse : warehouses) {
                String key = sku + "@" + warehouse.id();
                StockLevel level = inventory.level(sku, warehouse.id());
                assertThat(level.onHand()).as(key).isEqualTo(initial.get(key));
                assertThat(level.available()).as(key).isGreaterThanOrEqualTo(0);
                assertThat(level.reserved()).as(key).isEqualTo(inLines.getOrDefault(key, 0L))
                        .isEqualTo(inReservations.getOrDefault(key, 0L));
            }
        }
        assertThat(inventory.reconcile().mismatches()).isEmpty();
    }
}
