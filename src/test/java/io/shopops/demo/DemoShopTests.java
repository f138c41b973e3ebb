package io.shopops.demo;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.shopops.catalog.Catalog;
import io.shopops.catalog.CatalogFigures;
import io.shopops.catalog.Categories;
import io.shopops.catalog.ProductStatus;
import io.shopops.fulfilment.Carriers;
import io.shopops.fulfilment.DeliveryPerformance;
import io.shopops.fulfilment.DeliveryPerformanceReport;
import io.shopops.inventory.Inventory;
import io.shopops.inventory.InventoryFigures;
import io.shopops.ordering.OrderPaymentReconciliation;
import io.shopops.ordering.OrderReconciliation;
import io.shopops.ordering.OrderStatus;
import io.shopops.payment.DailyReconciliation;
import io.shopops.payment.Payments;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.persistence.SqlTime;
import io.shopops.testing.PostgresDatabase;
import io.shopops.testing.PostgresTest;
import io.shopops.testing.ShopOpsTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The demo shop at its default size: the catalog the issue asks for with stock that reconciles, 8,000 customers and
 * 50,000 orders over 180 days with a realistic mix (seasons, statuses, returns, channels, returning customers),
 * payments that reconcile with the orders and with the provider's books on every day, shipments as carriers report
 * them, refused over an existing catalog, and the same shop from the same seed on H2 and on PostgreSQL. The clock
 * is fixed, so that the history (relative to now) is the same on both databases. Each database generates once
 * (about half a minute to a minute) and the tests look at the result; the contexts are closed afterwards, so their
 * data does not stay in memory for the rest of the build.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoShopTests {

    static final long SEED = 20261121L;
    /** A Saturday, 21:30 in Shanghai: the evening peak, with orders in every state. */
    static final Instant NOW = Instant.parse("2026-11-21T13:30:00Z");
    static final ZoneId SHOP_ZONE = ZoneId.of("Asia/Shanghai");
    /**
     * SHA-256 of the catalog and stock fingerprint of seed 20261121 as the catalog and stock generators made it
     * before customers and orders were added: adding them must not change a seed's catalog or stock.
     */
    static final String CATALOG_AND_STOCK = "2ddc66d76739c0c63e049394f0c10bcc3c38336a53bc28c95be28064f61378fa";

    private final Map<String, DemoReport> reports = new ConcurrentHashMap<>();
    private final Map<String, String> catalogFingerprints = new ConcurrentHashMap<>();
    private final Map<String, String> orderFingerprints = new ConcurrentHashMap<>();

    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClock {

        @Bean
        @Primary
        Clock demoClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @Import(FixedClock.class)
    abstract class Contract {

        @Autowired
        DemoShop demo;
        @Autowired
        Catalog catalog;
        @Autowired
        Categories categories;
        @Autowired
        Inventory inventory;
        @Autowired
        OrderReconciliation orderReconciliation;
        @Autowired
        Payments payments;
        @Autowired
        Carriers carriers;
        @Autowired
        DeliveryPerformance deliveryPerformance;
        @Autowired
        JdbcClient jdbc;
        @Autowired
        io.shopops.marketing.Campaigns campaigns;
        @Autowired
        io.shopops.marketing.CampaignReports campaignReports;

        /** The shop, generated on the first test of this database. */
        DemoReport report;

        @BeforeEach
        void generateOnce() {
            String name = getClass().getSimpleName();
            if (demo.isEmptyShop()) {
                reports.put(name, demo.generate(SEED));
            }
            report = reports.get(name);
            assertThat(report).as("this database's demo shop was generated by this test class").isNotNull();
        }

        @Test
        void generatesARealisticCatalogWhoseStockReconciles() {
            assertThat(report.categories()).isGreaterThanOrEqualTo(40);
            assertThat(categories.all()).anyMatch(c -> c.depth() == 3);
            assertThat(report.products()).isEqualTo(500);
            assertThat(report.skus()).isEqualTo(2000);
            assertThat(report.warehouses()).isEqualTo(3);
            CatalogFigures figures = catalog.figures();
            assertThat(figures.productsOnShelf()).isBetween(350L, 480L);
            assertThat(figures.productsByStatus().get(ProductStatus.DRAFT)).isPositive();
            assertThat(figures.productsByStatus().get(ProductStatus.ARCHIVED)).isPositive();
            InventoryFigures stock = inventory.figures();
            assertThat(stock.totalUnits()).as("the order history took nothing off today's stock")
                    .isEqualTo(report.unitsInStock()).isPositive();
            assertThat(stock.lowStockSkus()).isPositive().isLessThan(report.skus() / 4);
            assertThat(stock.stockValue().isZero()).isFalse();
            assertThat(inventory.reconcile().consistent()).isTrue();
            // Zipf-like popularity: the best-selling tenth of the SKUs holds far more than a tenth of the units
            long topTenth = jdbc.sql("""
                    SELECT COALESCE(SUM(units), 0) FROM (SELECT SUM(on_hand) AS units FROM stock GROUP BY sku_id
                                                         ORDER BY units DESC LIMIT 200) top""")
                    .query(Long.class).single();
            assertThat(topTenth).isGreaterThan(stock.totalUnits() / 4);

            String fingerprint = sha256(catalogFingerprint());
            catalogFingerprints.put(getClass().getSimpleName(), fingerprint);
            assertThat(fingerprint).as("the catalog and stock of the seed, as before orders were added")
                    .isEqualTo(CATALOG_AND_STOCK);
        }

        @Test
        void generatesSixMonthsOfOrdersByReturningCustomers() {
            assertThat(report.customers()).isEqualTo(8_000);
            assertThat(report.orders()).isEqualTo(50_000);
            assertThat(count("SELECT COUNT(*) FROM customer_account")).isEqualTo(8_000);
            assertThat(count("SELECT COUNT(*) FROM shop_order")).isGreaterThanOrEqualTo(50_000);

            List<Instant> placed = jdbc.sql("SELECT placed_at FROM shop_order")
                    .query((rs, n) -> SqlTime.requiredInstant(rs, "placed_at")).list();
            Instant start = NOW.minus(Duration.ofDays(180));
            assertThat(placed).allMatch(t -> !t.isBefore(start) && !t.isAfter(NOW));
            Map<LocalDate, Integer> byDay = new HashMap<>();
            int[] byHour = new int[24];
            placed.forEach(t -> {
                ZonedDateTime local = t.atZone(SHOP_ZONE);
                byDay.merge(local.toLocalDate(), 1, Integer::sum);
                byHour[local.getHour()]++;
            });
            assertThat(byDay).as("orders on every day of the 180").hasSizeGreaterThanOrEqualTo(180);
            assertThat(byHour[21]).as("the evening peak against the small hours").isGreaterThan(5 * byHour[4]);
            double weekend = average(byDay, true);
            double weekday = average(byDay, false);
            assertThat(weekend).as("weekends are busier").isGreaterThan(weekday * 1.1);
            LocalDate busiest = byDay.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            assertThat(busiest).as("双11 is the busiest day").isEqualTo(LocalDate.of(2026, 11, 11));

            // returning customers: a fifth of the buyers place about half of the orders or more
            List<Long> perCustomer = jdbc.sql("SELECT COUNT(*) FROM shop_order GROUP BY customer_id ORDER BY 1 DESC")
                    .query(Long.class).list();
            long topFifth = perCustomer.subList(0, perCustomer.size() / 5).stream().mapToLong(Long::longValue).sum();
            assertThat(topFifth).isGreaterThan(50_000 * 45 / 100);
            assertThat(perCustomer.stream().filter(n -> n > 1).count()).isGreaterThan(perCustomer.size() / 3);
            assertThat(count("""
                    SELECT COUNT(*) FROM shop_order o JOIN customer_account c ON c.id = o.customer_id
                    WHERE c.registered_at > o.placed_at""")).as("nobody orders before signing up").isZero();

            Map<String, Long> channels = new HashMap<>();
            jdbc.sql("SELECT channel, COUNT(*) AS n FROM shop_order GROUP BY channel")
                    .query(rs -> {
                        channels.put(rs.getString("channel"), rs.getLong("n"));
                    });
            assertThat(channels).containsKeys("WEB", "APP", "MINI_PROGRAM", "TAOBAO", "JD", "DOUYIN");
            assertThat(channels.get("WEB") + channels.get("APP") + channels.get("MINI_PROGRAM"))
                    .as("the shop's own storefronts sell most").isGreaterThan(30_000L);
            assertThat(count("SELECT COUNT(*) FROM shop_order WHERE campaign_code IS NOT NULL")).isPositive();
            assertThat(count("SELECT COUNT(*) FROM shop_order WHERE utm_source IS NOT NULL")).isPositive();

            assertThat(count("""
                    SELECT COUNT(*) FROM (SELECT order_id FROM order_line GROUP BY order_id
                                          HAVING COUNT(*) > 4) many""")).as("one to four lines").isZero();
            assertThat(count("""
                    SELECT COUNT(*) FROM order_line l JOIN sku s ON s.id = l.sku_id JOIN product p ON p.id = s.product_id
                    WHERE p.status <> 'ON_SHELF' OR l.unit_price <> s.sale_price""")).as("on-shelf SKUs at their sale price")
                    .isZero();
            // Zipf: the best-selling tenth of the SKUs sells far more than a tenth of the units
            long units = count("SELECT SUM(quantity) FROM order_line");
            long topSkus = count("""
                    SELECT COALESCE(SUM(n), 0) FROM (SELECT SUM(quantity) AS n FROM order_line GROUP BY sku_id
                                                     ORDER BY n DESC LIMIT 200) top""");
            assertThat(topSkus).isGreaterThan(units / 3);
        }

        @Test
        void ordersReachARealisticMixOfStatuses() {
            Map<OrderStatus, Long> byStatus = new EnumMap<>(OrderStatus.class);
            jdbc.sql("SELECT status, COUNT(*) AS n FROM shop_order GROUP BY status")
                    .query(rs -> {
                        byStatus.put(OrderStatus.valueOf(rs.getString("status")), rs.getLong("n"));
                    });
            long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
            assertThat(byStatus.get(OrderStatus.COMPLETED)).as("most are completed").isGreaterThan(total * 80 / 100);
            assertThat(byStatus.get(OrderStatus.CANCELLED)).isBetween(total * 5 / 100, total * 8 / 100);
            assertThat(count("SELECT COUNT(*) FROM shop_order WHERE status = 'CANCELLED' AND paid_at IS NULL"))
                    .as("cancelled mostly because the payment window closed")
                    .isGreaterThan(byStatus.get(OrderStatus.CANCELLED) * 6 / 10);
            assertThat(byStatus).as("the recent ones on their way").containsKeys(OrderStatus.DELIVERED,
                    OrderStatus.SHIPPED, OrderStatus.ALLOCATED, OrderStatus.PENDING_PAYMENT);
            assertThat(byStatus.get(OrderStatus.DELIVERED)).isGreaterThan(byStatus.get(OrderStatus.SHIPPED));
            assertThat(byStatus.getOrDefault(OrderStatus.UNDER_REVIEW, 0L)).isZero();
            assertThat(report.ordersByStatus().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(50_000);
            assertThat(count("""
                    SELECT COUNT(*) FROM shop_order WHERE status = 'COMPLETED'
                    AND completed_at < delivered_at + INTERVAL '7' DAY""")).as("completed a week after delivery")
                    .isZero();

            // open orders hold today's stock through live reservations, finished ones held it in the past
            long open = count("""
                    SELECT COALESCE(SUM(l.quantity), 0) FROM order_line l JOIN shop_order o ON o.id = l.order_id
                    JOIN order_allocation a ON a.order_id = o.id AND a.warehouse_id = l.warehouse_id
                    WHERE a.status IN ('RESERVED', 'SHIPMENT_CREATED')""");
            assertThat(count("SELECT COALESCE(SUM(reserved), 0) FROM stock")).isEqualTo(open).isPositive();
            assertThat(count("SELECT COUNT(*) FROM reservation WHERE status = 'ACTIVE'"))
                    .isEqualTo(count("SELECT COUNT(*) FROM order_allocation WHERE status IN ('RESERVED', 'SHIPMENT_CREATED')"));
            assertThat(inventory.reconcile().consistent()).isTrue();
        }

        @Test
        void refundsReturnsOfOneInEightDeliveredOrders() {
            long delivered = count("SELECT COUNT(*) FROM shop_order WHERE status IN ('DELIVERED', 'COMPLETED')");
            long returned = count("""
                    SELECT COUNT(*) FROM shop_order WHERE status IN ('DELIVERED', 'COMPLETED') AND refunded_amount > 0""");
            assertThat((double) returned / delivered).isBetween(0.10, 0.15);
            assertThat(report.returns()).isEqualTo((int) returned);
            assertThat(count("""
                    SELECT COUNT(*) FROM shop_order o WHERE status IN ('DELIVERED', 'COMPLETED') AND refunded_amount > 0
                    AND NOT EXISTS (SELECT 1 FROM order_line l WHERE l.order_id = o.id AND l.returned_quantity > 0
                                    AND l.refunded_amount > 0)""")).as("each return names its line").isZero();
            assertThat(count("""
                    SELECT COUNT(*) FROM shop_order o
                    WHERE refunded_amount <> (SELECT COALESCE(SUM(amount), 0) FROM order_refund r WHERE r.order_id = o.id)
                       OR paid_amount <> (SELECT COALESCE(SUM(amount), 0) FROM order_payment p WHERE p.order_id = o.id)"""))
                    .isZero();
            assertThat(count("""
                    SELECT COUNT(*) FROM shop_order WHERE status = 'CANCELLED' AND paid_amount > 0
                    AND refunded_amount <> paid_amount""")).as("a cancelled order's payment went back in full").isZero();
        }

        @Test
        void paymentsReconcileWithOrdersOnEveryDay() {
            LocalDate today = NOW.atZone(SHOP_ZONE).toLocalDate();
            long paidOrders = 0;
            for (LocalDate day = today.minusDays(181); !day.isAfter(today); day = day.plusDays(1)) {
                OrderPaymentReconciliation orders = orderReconciliation.report(day);
                assertThat(orders.findings()).as("orders and payments of %s", day).isEmpty();
                assertThat(orders.orders().count()).isEqualTo(orders.payments().count());
                assertThat(orders.orders().paid()).isEqualTo(orders.payments().paid());
                DailyReconciliation provider = payments.reconcile(day);
                assertThat(provider.mismatches()).as("ShopOps and the sandbox's books on %s", day).isEmpty();
                assertThat(provider.shopOps()).isEqualTo(provider.providers());
                paidOrders += orders.orders().count();
            }
            assertThat(paidOrders).isEqualTo(count("SELECT COUNT(*) FROM shop_order WHERE paid_at IS NOT NULL"));
            BigDecimal gmv = jdbc.sql("""
                    SELECT SUM(total_amount) FROM shop_order WHERE paid_at IS NOT NULL AND status <> 'CANCELLED'""")
                    .query(BigDecimal.class).single();
            assertThat(report.gmv().amount()).isEqualByComparingTo(gmv);
        }

        @Test
        void shipsWithTheConfiguredCarriersSomeOfThemLate() {
            List<String[]> numbers = jdbc.sql("SELECT carrier_code, tracking_number FROM shipment WHERE carrier_code IS NOT NULL")
                    .query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) }).list();
            assertThat(numbers).hasSizeGreaterThan(45_000)
                    .allMatch(n -> carriers.isTrackingNumber(n[0], n[1]));
            assertThat(numbers.stream().map(n -> n[0]).distinct()).hasSizeGreaterThanOrEqualTo(3);
            assertThat(count("SELECT COUNT(*) FROM shipment WHERE status = 'IN_TRANSIT'")).isPositive();
            assertThat(count("""
                    SELECT COUNT(*) FROM shipment WHERE carrier_code IS NOT NULL
                    AND (cost_amount <= 0 OR cost_basis <> 'CARRIER_RATE')""")).isZero();
            DeliveryPerformanceReport performance = deliveryPerformance.report(NOW.minus(Duration.ofDays(180)), NOW);
            DeliveryPerformanceReport.Figures overall = performance.overall();
            assertThat(overall.delivered()).isGreaterThan(40_000);
            assertThat(overall.late()).as("some are late").isBetween(overall.delivered() / 50, overall.delivered() / 4);
            assertThat(count("SELECT COUNT(*) FROM tracking_event")).isGreaterThan(4L * overall.delivered());
            assertThat(count("""
                    SELECT COUNT(*) FROM order_allocation a JOIN shipment s ON s.id = a.shipment_id
                    JOIN shop_order o ON o.id = a.order_id
                    WHERE s.order_reference <> o.order_no OR s.reservation_id <> a.reservation_id""")).isZero();
        }

        @Test
        void runsTwoCampaignsWhoseReportsAgreeWithTheLedger() {
            io.shopops.marketing.CampaignReport memberDay = campaignReports.report(campaigns.campaign("member-day").id());
            assertThat(memberDay.campaign().status()).isEqualTo(io.shopops.marketing.CampaignStatus.RUNNING);
            assertThat(memberDay.campaign().channels()).hasSize(5);
            String attributed = """
                    FROM shop_order WHERE status NOT IN ('PENDING_PAYMENT', 'CANCELLED')
                    AND (UPPER(utm_campaign) = 'MEMBER-DAY' OR UPPER(campaign_code) = 'MEMBER-DAY')
                    AND placed_at >= :from AND placed_at < :to""";
            Instant from = NOW.minus(Duration.ofDays(6));
            assertThat(memberDay.orders()).isPositive().isEqualTo(jdbc.sql("SELECT COUNT(*) " + attributed)
                    .param("from", SqlTime.utc(from)).param("to", SqlTime.utc(NOW)).query(Long.class).single());
            assertThat(memberDay.gmv().amount()).isEqualByComparingTo(jdbc.sql("SELECT SUM(total_amount) " + attributed)
                    .param("from", SqlTime.utc(from)).param("to", SqlTime.utc(NOW)).query(BigDecimal.class).single());
            assertThat(memberDay.spend().amount()).isPositive().isEqualByComparingTo(jdbc.sql("""
                    SELECT SUM(s.amount) FROM campaign_spend s JOIN campaign c ON c.id = s.campaign_id
                    WHERE c.code = 'member-day'""").query(BigDecimal.class).single());
            assertThat(memberDay.roas()).isNotNull();

            io.shopops.marketing.CampaignReport vip = campaignReports.report(campaigns.campaign("VIP-RECALL").id());
            assertThat(vip.campaign().treatmentSize() + vip.campaign().holdoutSize()).isEqualTo(600);
            assertThat(vip.campaign().holdoutSize()).isBetween(30L, 95L);
            assertThat(count("""
                    SELECT COUNT(*) FROM coupon c JOIN coupon_template t ON t.id = c.template_id
                    WHERE t.campaign_code = 'VIP-RECALL'""")).isEqualTo(vip.campaign().treatmentSize());
            assertThat(count("""
                    SELECT COUNT(*) FROM coupon c JOIN coupon_template t ON t.id = c.template_id
                    JOIN campaign k ON k.code = t.campaign_code
                    JOIN campaign_member m ON m.campaign_id = k.id AND m.customer_id = c.customer_id
                    WHERE m.holdout""")).as("the hold-out group got no coupon").isZero();
            assertThat(vip.incremental()).isNotNull();
            assertThat(vip.incremental().incrementalGmvInterval()).isNotNull();
        }

        @Test
        void theSameSeedGivesTheSameOrders() {
            orderFingerprints.put(getClass().getSimpleName(), sha256(orderFingerprint()));
            assertThatThrownBy(() -> demo.generate(1)).isInstanceOf(BusinessRuleException.class);
        }

        long count(String sql) {
            Long n = jdbc.sql(sql).query(Long.class).single();
            return n == null ? 0 : n;
        }

        /** What a seed decides of the catalog: codes, titles, prices, specs, statuses and stock, in a stable order. */
        private String catalogFingerprint() {
            return String.join("\n", jdbc.sql("""
                    SELECT p.spu_code || '|' || p.title || '|' || p.status || '|' || s.sku_code || '|'
                           || CAST(s.list_price AS VARCHAR(20)) || '|' || CAST(s.sale_price AS VARCHAR(20)) || '|'
                           || CAST(s.cost_price AS VARCHAR(20)) || '|'
                           || CAST(COALESCE((SELECT SUM(on_hand) FROM stock st WHERE st.sku_id = s.id), 0) AS VARCHAR(20))
                    FROM product p JOIN sku s ON s.product_id = p.id ORDER BY s.sku_code""")
                    .query(String.class).list());
        }

        /**
         * What a seed decides of the orders: number, customer, times, status, channel, attribution, amounts, lines,
         * parcels with carrier and tracking number, payments and refunds, in a stable order.
         */
        private String orderFingerprint() {
            List<String> rows = new ArrayList<>();
            jdbc.sql("""
                    SELECT o.*, c.nickname FROM shop_order o JOIN customer_account c ON c.id = o.customer_id
                    ORDER BY o.order_no""")
                    .query(rs -> {
                        rows.add(String.join("|", rs.getString("order_no"), rs.getString("nickname"),
                                rs.getString("status"), rs.getString("channel"), plain(rs.getBigDecimal("total_amount")),
                                plain(rs.getBigDecimal("discount_amount")), plain(rs.getBigDecimal("paid_amount")),
                                plain(rs.getBigDecimal("refunded_amount")), rs.getString("ship_city"),
                                String.valueOf(rs.getString("utm_source")), String.valueOf(rs.getString("campaign_code")),
                                String.valueOf(SqlTime.instant(rs, "placed_at")),
                                String.valueOf(SqlTime.instant(rs, "paid_at")),
                                String.valueOf(SqlTime.instant(rs, "shipped_at")),
                                String.valueOf(SqlTime.instant(rs, "delivered_at")),
                                String.valueOf(SqlTime.instant(rs, "completed_at")),
                                String.valueOf(SqlTime.instant(rs, "cancelled_at"))));
                    });
            jdbc.sql("""
                    SELECT o.order_no, l.line_no, l.sku_code, l.quantity, l.payable_amount, l.refunded_amount,
                           l.returned_quantity, w.code
                    FROM order_line l JOIN shop_order o ON o.id = l.order_id JOIN warehouse w ON w.id = l.warehouse_id
                    ORDER BY o.order_no, l.line_no""")
                    .query(rs -> {
                        rows.add(String.join("|", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                plain(rs.getBigDecimal(5)), plain(rs.getBigDecimal(6)), rs.getString(7), rs.getString(8)));
                    });
            jdbc.sql("""
                    SELECT s.order_reference, s.status, s.carrier_code, s.tracking_number, s.on_time, s.cost_amount,
                           s.delivered_at, w.code
                    FROM shipment s JOIN warehouse w ON w.id = s.warehouse_id ORDER BY s.order_reference, w.code""")
                    .query(rs -> {
                        rows.add(String.join("|", rs.getString(1), rs.getString(2), String.valueOf(rs.getString(3)),
                                String.valueOf(rs.getString(4)), String.valueOf(rs.getObject(5)),
                                plain(rs.getBigDecimal(6)), String.valueOf(SqlTime.instant(rs, "delivered_at")),
                                rs.getString(8)));
                    });
            jdbc.sql("""
                    SELECT p.reference, p.amount, p.refunded_amount, p.provider_transaction_id, p.paid_at
                    FROM payment p ORDER BY p.reference""")
                    .query(rs -> {
                        rows.add(String.join("|", rs.getString(1), plain(rs.getBigDecimal(2)),
                                plain(rs.getBigDecimal(3)), rs.getString(4), String.valueOf(SqlTime.instant(rs, "paid_at"))));
                    });
            return String.join("\n", rows);
        }
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? "-" : amount.stripTrailingZeros().toPlainString();
    }

    private static double average(Map<LocalDate, Integer> byDay, boolean weekend) {
        return byDay.entrySet().stream()
                .filter(e -> !e.getKey().equals(NOW.atZone(SHOP_ZONE).toLocalDate()))
                .filter(e -> !e.getKey().isBefore(NOW.atZone(SHOP_ZONE).toLocalDate().minusDays(179)))
                .filter(e -> (e.getKey().getDayOfWeek() == DayOfWeek.SATURDAY
                        || e.getKey().getDayOfWeek() == DayOfWeek.SUNDAY) == weekend)
                .filter(e -> e.getKey().getMonthValue() != 11 || e.getKey().getDayOfMonth() > 11)
                .mapToInt(Map.Entry::getValue).average().orElseThrow();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Nested
    @ShopOpsTest
    @DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
    @TestPropertySource(properties = { "shopops.demo.context=h2-demo",
            "spring.datasource.url=jdbc:h2:file:./target/test-data/demo-h2-${random.uuid};LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE" })
    class OnH2 extends Contract {
    }

    @Nested
    @PostgresTest
    @DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
    @TestPropertySource(properties = "shopops.demo.context=postgres-demo")
    class OnPostgres extends Contract {
    }

    /** The H2 file of the demo shop (about 1 GB before H2 compacts it): deleted once its context is closed. */
    @AfterAll
    void deleteTheH2File() throws java.io.IOException {
        deleteH2Files(java.nio.file.Path.of("target", "test-data"));
    }

    static void deleteH2Files(java.nio.file.Path directory) throws java.io.IOException {
        if (!java.nio.file.Files.isDirectory(directory)) {
            return;
        }
        try (var files = java.nio.file.Files.newDirectoryStream(directory, "demo-h2-*")) {
            for (java.nio.file.Path file : files) {
                java.nio.file.Files.deleteIfExists(file);
            }
        }
    }

    @AfterAll
    void theSameSeedGivesTheSameShopOnBothDatabases() {
        if (PostgresDatabase.required()) {
            assertThat(orderFingerprints).containsOnlyKeys("OnH2", "OnPostgres");
        }
        if (orderFingerprints.size() == 2) {
            assertThat(orderFingerprints.get("OnH2")).isEqualTo(orderFingerprints.get("OnPostgres")).isNotBlank();
        }
        if (catalogFingerprints.size() == 2) {
            assertThat(catalogFingerprints.get("OnH2")).isEqualTo(catalogFingerprints.get("OnPostgres"));
        }
    }
}
