package io.shopops.ordering;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.shopops.catalog.SkuId;
import io.shopops.fulfilment.HistoricalShipment;
import io.shopops.fulfilment.ShipmentId;
import io.shopops.fulfilment.ShipmentLine;
import io.shopops.fulfilment.Shipments;
import io.shopops.fulfilment.ShippingMethod;
import io.shopops.fulfilment.TrackingEventType;
import io.shopops.inventory.HistoricalReservation;
import io.shopops.inventory.ReservationId;
import io.shopops.inventory.ReservationLine;
import io.shopops.inventory.ReservationStatus;
import io.shopops.inventory.Reservations;
import io.shopops.inventory.WarehouseId;
import io.shopops.inventory.WarehouseView;
import io.shopops.payment.HistoricalPayment;
import io.shopops.payment.ImportedPayment;
import io.shopops.payment.Payments;
import io.shopops.shared.ConflictException;
import io.shopops.shared.FieldViolation;
import io.shopops.shared.InvalidInputException;
import io.shopops.shared.Money;
import io.shopops.testing.PostgresTest;
import io.shopops.testing.ShopOpsTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Importing orders as they went, after their payment, reservations and shipments were imported by their modules:
 * the order with its lines, parcels, payment, refunds and timeline, reconciling with the payment module on its day;
 * nothing published, stock untouched; refused whole when any of them is wrong.
 */
class OrderImportTests {

    static final ZoneId SHOP = ZoneId.of("Asia/Shanghai");

    abstract static class Contract {

        @Autowired
        OrderImport orderImport;
        @Autowired
        Orders orders;
        @Autowired
        OrderReconciliation reconciliation;
        @Autowired
        Reservations reservations;
        @Autowired
        Payments payments;
        @Autowired
        Shipments shipments;
        @Autowired
        OrderFixtures fixtures;
        @Autowired
        JdbcClient jdbc;

        @Test
        void handsOutTheNumbersOrdersPlacedThenWouldHaveHadAscendingWithTheirTimes() {
            Instant later = Instant.parse("2023-05-02T03:00:00Z");
            Instant earlier = Instant.parse("2023-05-01T17:00:00Z");

            List<OrderNumber> numbers = orderImport.numbers(List.of(later, earlier));

            assertThat(numbers.get(1).id().value()).isLessThan(numbers.get(0).id().value());
            assertThat(numbers.get(0).number()).isEqualTo("SO230502%010d".formatted(numbers.get(0).id().value()));
            assertThat(numbers.get(1).number()).as("the shop's day, in Shanghai")
                    .isEqualTo("SO230502%010d".formatted(numbers.get(1).id().value()));
        }

        @Test
        void importsACompletedOrderWithItsReturnThatReconcilesWithItsPayment() {
            LocalDate day = LocalDate.of(2022, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(365));
            Instant placed = day.atTime(20, 15).atZone(SHOP).toInstant();
            Instant paid = placed.plusSeconds(120);
            Instant dispatched = paid.plus(Duration.ofHours(15));
            Instant delivered = dispatched.plus(Duration.ofDays(2));
            Instant refunded = delivered.plus(Duration.ofDays(3));
            Instant completed = delivered.plus(Duration.ofDays(7));
            OrderFixtures.Shopper shopper = fixtures.shopper();
            List<SkuId> skus = fixtures.skus(2, "59.00");
            WarehouseView warehouse = fixtures.warehouse("华东");
            fixtures.stock(skus.get(0), warehouse, 10);
            long published = count("SELECT COUNT(*) FROM event_publication");
            long reserved = count("SELECT COALESCE(SUM(reserved), 0) FROM stock");

            OrderNumber number = orderImport.numbers(List.of(placed)).getFirst();
            ReservationId reservation = reservations.importHistorical(List.of(new HistoricalReservation(
                    number.number() + "/" + warehouse.code(), ReservationStatus.SHIPPED,
                    List.of(new ReservationLine(skus.get(0), warehouse.id(), 2),
                            new ReservationLine(skus.get(1), warehouse.id(), 1)), placed, dispatched))).getFirst();
            Money total = cny("177.00");
            String transaction = transaction();
            ImportedPayment payment = payments.importHistorical(List.of(new HistoricalPayment(number.number(),
                    "sandbox", total, "ShopOps " + number.number(), placed.plusSeconds(30), paid, transaction,
                    List.of(new HistoricalPayment.Refund(cny("59.00"), "七天无理由退货", refunded.minus(Duration.ofDays(1)),
                            refunded, transaction()))))).getFirst();
            ShipmentId shipment = shipments.importHistorical(List.of(new HistoricalShipment(number.number(),
                    warehouse.id(), reservation, List.of(new ShipmentLine(skus.get(0), 2), new ShipmentLine(skus.get(1), 1)),
                    new io.shopops.fulfilment.Destination("张三", "13800138000", "上海市", "上海市", "浦东新区", "世纪大道 100 号",
                            "200120"),
                    ShippingMethod.STANDARD, paid.plusSeconds(5), paid.plus(Duration.ofDays(3)),
                    paid.plus(Duration.ofHours(12)), paid.plus(Duration.ofHours(14)),
                    new HistoricalShipment.Dispatched("SF", sfNumber(), 900, dispatched), null,
                    List.of(new HistoricalShipment.Event(TrackingEventType.DELIVERED, delivered, "上海", null))))).getFirst();
            String tracking = shipments.shipment(shipment).trackingNumber();

            int imported = orderImport.importHistorical(List.of(new HistoricalOrder(number.id(), number.number(),
                    shopper.id(), SalesChannel.APP, new Attribution("wechat", "social", "double11", "D11"),
                    destination(), null,
                    List.of(line(skus.get(0), 2, "59.00", warehouse.id(), "59.00", 1),
                            line(skus.get(1), 1, "59.00", warehouse.id(), "0", 0)),
                    List.of(new AppliedRule(AppliedRule.Kind.SHIPPING, "free-shipping", "Free shipping", cny("0"))),
                    OrderStatus.COMPLETED, placed, paid, paid.plusSeconds(5), dispatched, delivered, completed, null,
                    new HistoricalOrder.Payment(payment.id(), "sandbox", transaction),
                    List.of(new HistoricalOrder.Refund(payment.refunds().getFirst(), cny("59.00"), refunded)),
                    List.of(new HistoricalOrder.Parcel(warehouse.id(), reservation, shipment, "SF", tracking, dispatched,
                            delivered)))));

            assertThat(imported).isEqualTo(1);
            OrderDetail detail = orders.detail(number.id());
            assertThat(detail.status()).isEqualTo(OrderStatus.COMPLETED);
            assertThat(detail.total()).isEqualTo(total);
            assertThat(detail.paidAmount()).isEqualTo(total);
            assertThat(detail.refundedAmount()).isEqualTo(cny("59.00"));
            assertThat(detail.lines().getFirst().returnedQuantity()).isEqualTo(1);
            // what went back before the import stays claimed: after-sales cannot pay it out a second time
            assertThat(jdbc.sql("SELECT claimed_amount FROM order_line WHERE order_id = :id AND line_no = 1")
                    .param("id", number.id().value()).query(java.math.BigDecimal.class).single())
                    .isEqualByComparingTo(detail.lines().getFirst().refundedAmount().amount());
            assertThat(detail.lines().getFirst().title()).as("named by the catalog").startsWith("订单测试");
            assertThat(detail.destination().recipient()).as("masked for staff").isEqualTo("张*");
            assertThat(detail.allocations()).singleElement().satisfies(a -> {
                assertThat(a.status()).isEqualTo("DELIVERED");
                assertThat(a.shipmentId()).isEqualTo(shipment.value());
                assertThat(a.trackingNumber()).isEqualTo(tracking);
            });
            assertThat(detail.payments()).singleElement().satisfies(p -> assertThat(p.outcome()).isEqualTo("ACCEPTED"));
            assertThat(detail.timeline()).extracting(TimelineEntry::kind).containsExactly(TimelineEntry.Kind.PLACED,
                    TimelineEntry.Kind.PAID, TimelineEntry.Kind.ALLOCATED, TimelineEntry.Kind.PARCEL_DISPATCHED,
                    TimelineEntry.Kind.SHIPPED, TimelineEntry.Kind.PARCEL_DELIVERED, TimelineEntry.Kind.DELIVERED,
                    TimelineEntry.Kind.REFUNDED, TimelineEntry.Kind.COMPLETED);
            assertThat(detail.timeline().getFirst().actor()).isEqualTo("customer:" + shopper.id().value());

            OrderPaymentReconciliation report = reconciliation.report(paid.atZone(SHOP).toLocalDate());
            assertThat(report.findings()).isEmpty();
            assertThat(report.orders().count()).isEqualTo(1);
            assertThat(reconciliation.report(refunded.atZone(SHOP).toLocalDate()).findings()).isEmpty();
            assertThat(payments.reconcile(refunded.atZone(SHOP).toLocalDate()).mismatches()).isEmpty();
            assertThat(count("SELECT COUNT(*) FROM event_publication")).as("nothing published").isEqualTo(published);
            assertThat(count("SELECT COALESCE(SUM(reserved), 0) FROM stock")).as("no stock held")
                    .isEqualTo(reserved);
        }

        @Test
        void refusesTheWholeImportNamingEveryBadFieldAndWritesNothing() {
            Instant placed = Instant.parse("2022-06-18T12:00:00Z");
            List<OrderNumber> numbers = orderImport.numbers(List.of(placed, placed, placed));
            OrderFixtures.Shopper shopper = fixtures.shopper();
            SkuId sku = fixtures.sku("20.00");
            WarehouseView warehouse = fixtures.warehouse("华南");
            long before = count("SELECT COUNT(*) FROM shop_order");
            HistoricalOrder.Parcel parcel = new HistoricalOrder.Parcel(warehouse.id(), new ReservationId(1), null, null,
                    null, null, null);
            List<HistoricalOrder> bad = List.of(
                    // paid, without its payment; a line with more discount than it costs; a number not handed out
                    new HistoricalOrder(numbers.get(0).id(), "SO-MADE-UP", shopper.id(), SalesChannel.WEB, null,
                            destination(), null, List.of(new HistoricalOrder.Line(sku, 1, cny("20.00"), cny("25.00"),
                                    warehouse.id(), null, 0)),
                            List.of(new AppliedRule(AppliedRule.Kind.SHIPPING, "shipping-fee", "Shipping fee",
                                    cny("10.00"))),
                            OrderStatus.PAID, placed, null, null, null, null, null, null, null, List.of(),
                            List.of(parcel)),
                    // a SKU the catalog does not know, shipped before it was placed, under review
                    new HistoricalOrder(numbers.get(1).id(), numbers.get(1).number(), shopper.id(), SalesChannel.WEB,
                            null, destination(), null, List.of(new HistoricalOrder.Line(new SkuId(Long.MAX_VALUE), 1,
                                    cny("20.00"), cny("0"), warehouse.id(), null, 0)),
                            List.of(), OrderStatus.UNDER_REVIEW, placed, null, null, null, null, null, null, null,
                            List.of(), List.of(new HistoricalOrder.Parcel(warehouse.id(), new ReservationId(2), null,
                                    null, null, null, null))));

            InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
                    () -> orderImport.importHistorical(bad));

            assertThat(refused.violations()).extracting(FieldViolation::field).containsExactlyInAnyOrder(
                    "orders[0].orderNumber", "orders[0].lines[0].discount", "orders[0].rules", "orders[0].paidAt",
                    "orders[0].payment", "orders[1].rules", "orders[1].status");
            assertThat(count("SELECT COUNT(*) FROM shop_order")).as("nothing written").isEqualTo(before);

            InvalidInputException unknownSku = catchThrowableOfType(InvalidInputException.class,
                    () -> orderImport.importHistorical(List.of(new HistoricalOrder(numbers.get(2).id(),
                            numbers.get(2).number(), shopper.id(), SalesChannel.WEB, null, destination(), null,
                            List.of(new HistoricalOrder.Line(new SkuId(Long.MAX_VALUE), 1, cny("20.00"), cny("0"),
                                    warehouse.id(), null, 0)),
                            List.of(new AppliedRule(AppliedRule.Kind.SHIPPING, "shipping-fee", "Shipping fee",
                                    cny("10.00"))),
                            OrderStatus.PENDING_PAYMENT, placed, null, null, null, null, null, null, null, List.of(),
                            List.of(parcel)))));
            assertThat(unknownSku.violations()).extracting(FieldViolation::field)
                    .containsExactly("orders[0].lines[0].skuId");
            assertThat(count("SELECT COUNT(*) FROM shop_order")).isEqualTo(before);
        }

        @Test
        void refusesAnIdUsedByAnOrderAlreadyWithAConflict() {
            Instant placed = Instant.parse("2022-03-08T02:00:00Z");
            OrderNumber number = orderImport.numbers(List.of(placed)).getFirst();
            OrderFixtures.Shopper shopper = fixtures.shopper();
            SkuId sku = fixtures.sku("120.00");
            WarehouseView warehouse = fixtures.warehouse("华北");
            ReservationId reservation = reservations.importHistorical(List.of(new HistoricalReservation(
                    number.number() + "/" + warehouse.code(), ReservationStatus.RELEASED,
                    List.of(new ReservationLine(sku, warehouse.id(), 1)), placed, placed.plus(Duration.ofMinutes(30)))))
                    .getFirst();
            HistoricalOrder unpaid = new HistoricalOrder(number.id(), number.number(), shopper.id(), SalesChannel.TAOBAO,
                    null, destination(), null, List.of(line(sku, 1, "120.00", warehouse.id(), "0", 0)),
                    List.of(new AppliedRule(AppliedRule.Kind.SHIPPING, "free-shipping", "Free shipping", cny("0"))),
                    OrderStatus.CANCELLED, placed, null, null, null, null, null,
                    new HistoricalOrder.Cancellation(placed.plus(Duration.ofMinutes(30)),
                            OrderCancelled.CancelledBy.PAYMENT_WINDOW, "not paid within 30 minutes"),
                    null, List.of(), List.of(new HistoricalOrder.Parcel(warehouse.id(), reservation, null, null, null,
                            null, null)));
            orderImport.importHistorical(List.of(unpaid));
            assertThat(orders.detail(number.id()).timeline()).extracting(TimelineEntry::kind)
                    .containsExactly(TimelineEntry.Kind.PLACED, TimelineEntry.Kind.CANCELLED,
                            TimelineEntry.Kind.STOCK_RELEASED);

            ConflictException refused = catchThrowableOfType(ConflictException.class,
                    () -> orderImport.importHistorical(List.of(unpaid)));

            assertThat(refused.violations()).extracting(FieldViolation::field).containsExactly("orders[0].id");
        }

        private long count(String sql) {
            return jdbc.sql(sql).query(Long.class).single();
        }
    }

    static HistoricalOrder.Line line(SkuId sku, int quantity, String unitPrice, WarehouseId warehouse, String refunded,
            int returned) {
        return new HistoricalOrder.Line(sku, quantity, cny(unitPrice), cny("0"), warehouse, cny(refunded), returned);
    }

    static Destination destination() {
        return new Destination("张三", "13800138000", "上海市", "上海市", "浦东新区", "世纪大道 100 号", "200120");
    }

    static Money cny(String amount) {
        return Money.of(new BigDecimal(amount), Money.CNY);
    }

    static String transaction() {
        return "2022" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    static String sfNumber() {
        return "SF" + DateTimeFormatter.ofPattern("HHmmss").format(java.time.LocalTime.now())
                + "%07d".formatted(ThreadLocalRandom.current().nextInt(10_000_000));
    }

    @Nested
    @ShopOpsTest
    @Import(OrderingTestConfiguration.class)
    class OnH2 extends Contract {
    }

    @Nested
    @PostgresTest
    @Import(OrderingTestConfiguration.class)
    class OnPostgres extends Contract {
    }
}
