package io.shopops.ordering;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.shopops.catalog.SkuId;
import io.shopops.inventory.Inventory;
import io.shopops.inventory.ReservationStatus;
import io.shopops.inventory.ReservationView;
import io.shopops.inventory.Reservations;
import io.shopops.inventory.WarehouseView;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.DomainException;
import io.shopops.shared.FieldViolation;
import io.shopops.shared.InvalidInputException;
import io.shopops.shared.Money;
import io.shopops.shared.NotFoundException;
import io.shopops.shared.PageQuery;
import io.shopops.testing.PostgresTest;
import io.shopops.testing.ShopOpsTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.shopops.ordering.OrderFixtures.key;
import static io.shopops.ordering.OrderFixtures.line;
import static io.shopops.ordering.OrderFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Checkout's behaviour, the same on H2 and on PostgreSQL. */
class CheckoutContractTests {

    abstract static class Contract {

        @Autowired
        Checkout checkout;
        @Autowired
        Carts carts;
        @Autowired
        Orders orders;
        @Autowired
        OrderFixtures fixtures;
        @Autowired
        Inventory inventory;
        @Autowired
        Reservations reservations;
        @Autowired
        JdbcClient jdbc;
        @Autowired
        OrderingTestConfiguration.OrderEvents events;

        static Money cny(String amount) {
            return Money.of(amount, Money.CNY);
        }

        static void assertRefused(Runnable action, Class<? extends DomainException> type, String field) {
            assertThatThrownBy(action::run).isInstanceOf(type)
                    .satisfies(e -> assertThat(((DomainException) e).violations()).extracting(FieldViolation::field)
                            .contains(field));
        }

        long count(String table) {
            return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
        }

        @Test
        void placesAnOrderPricedAtTheSalePriceWithItsStockReservedOnItsTimelineAndOutOfTheCart() {
            SkuId shirt = fixtures.sku("30.00");
            SkuId mug = fixtures.sku("12.50");
            SkuId other = fixtures.sku("5.00");
            WarehouseView east = fixtures.warehouse("华东");
            fixtures.stock(shirt, east, 10);
            fixtures.stock(mug, east, 10);
            fixtures.stock(other, east, 10);
            OrderFixtures.Shopper shopper = fixtures.shopper();
            carts.add(shopper.id(), shirt, 1);
            carts.add(shopper.id(), other, 2);

            OrderView order = fixtures.place(shopper, line(shirt, 2), line(mug, 1));

            assertThat(order.orderNumber()).matches("SO\\d{6}\\d{10}").endsWith("%010d".formatted(order.id().value()));
            assertThat(order.status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
            assertThat(order.lines()).extracting(OrderView.Line::skuId, OrderView.Line::quantity, OrderView.Line::payable)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(shirt, 2, cny("60.00")),
                            org.assertj.core.groups.Tuple.tuple(mug, 1, cny("12.50")));
            assertThat(order.itemsAmount()).isEqualTo(cny("72.50"));
            assertThat(order.shippingFee()).isEqualTo(cny("10.00"));
            assertThat(order.total()).isEqualTo(cny("82.50"));
            assertThat(order.priceRules()).extracting(AppliedRule::code).containsExactly("shipping-fee");
            assertThat(order.paymentDeadline()).isEqualTo(order.placedAt().plus(Duration.ofMinutes(30)));
            assertThat(order.destination().recipient()).isEqualTo("张三");
            assertThat(order.timeline()).extracting(TimelineEntry::kind).containsExactly(TimelineEntry.Kind.PLACED);
            assertThat(orders.order(shopper.id(), order.id())).isEqualTo(order);

            assertThat(inventory.level(shirt, east.id()).reserved()).isEqualTo(2);
            assertThat(inventory.level(mug, east.id()).reserved()).isEqualTo(1);
            ReservationView reservation = reservations.find(order.orderNumber() + "/" + east.code(), null,
                    PageQuery.first(5)).items().getFirst();
            assertThat(reservation.status()).isEqualTo(ReservationStatus.ACTIVE);
            assertThat(reservation.expiresAt()).isBetween(order.placedAt().plus(Duration.ofMinutes(45)),
                    order.placedAt().plus(Duration.ofMinutes(46)));
            assertThat(carts.cart(shopper.id()).items()).extracting(CartView.Item::skuId).containsExactly(other);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(events.of(OrderPlaced.class))
                    .filteredOn(e -> e.orderId().equals(order.id())).singleElement().satisfies(placed -> {
                        assertThat(placed.customerId()).isEqualTo(shopper.id());
                        assertThat(placed.total()).isEqualTo(cny("82.50"));
                        assertThat(placed.lines()).containsExactly(new OrderPlaced.Line(shirt, 2),
                                new OrderPlaced.Line(mug, 1));
                    }));
        }

        @Test
        void splitsALineOverWarehousesWhenNoneHoldsEnoughSharingTheCampaignDiscountAndShippingFreeFromTheThreshold() {
            SkuId lamp = fixtures.sku("40.00");
            WarehouseView east = fixtures.warehouse("华东");
            WarehouseView south = fixtures.warehouse("华南");
            fixtures.stock(lamp, east, 3);
            fixtures.stock(lamp, south, 5);
            OrderFixtures.Shopper shopper = fixtures.shopper();

            OrderView order = checkout.place(shopper.id(), key(), new NewOrder(List.of(line(lamp, 6)),
                    shopper.addressId(), SalesChannel.APP, "请尽快发货",
                    new Attribution("wechat", "social", "double11", OrderingTestConfiguration.TEN_OFF)));

            assertThat(order.discountAmount()).isEqualTo(cny("24.00"));
            assertThat(order.shippingFee()).isEqualTo(cny("0.00"));
            assertThat(order.total()).isEqualTo(cny("216.00"));
            assertThat(order.priceRules()).extracting(AppliedRule::code).containsExactly("ten-off", "free-shipping");
            assertThat(order.lines()).hasSize(2).allSatisfy(l -> {
                assertThat(l.quantity()).isEqualTo(3);
                assertThat(l.discount()).isEqualTo(cny("12.00"));
                assertThat(l.payable()).isEqualTo(cny("108.00"));
            });
            assertThat(order.parcels()).hasSize(2);
            assertThat(inventory.level(lamp, east.id()).available()).isZero();
            assertThat(inventory.level(lamp, south.id()).reserved()).isEqualTo(3);
            OrderDetail detail = orders.detail(order.id());
            assertThat(detail.lines()).extracting(OrderDetail.Line::warehouseId).containsExactly(east.id(), south.id());
            assertThat(detail.lines()).extracting(OrderDetail.Line::costPrice).containsOnly(cny("16.00"));
            assertThat(detail.channel()).isEqualTo(SalesChannel.APP);
            assertThat(detail.attribution().campaignCode()).isEqualTo(OrderingTestConfiguration.TEN_OFF);
            assertThat(detail.destination().recipient()).isEqualTo("张*");
            assertThat(detail.destination().phone()).isEqualTo("138****8000");
        }

        @Test
        void refusesEveryBadInputNamingTheFieldAndWritesNothing() {
            SkuId good = fixtures.sku("10.00");
            SkuId withdrawn = fixtures.sku("10.00");
            WarehouseView east = fixtures.warehouse("华东");
            fixtures.stock(good, east, 10);
            fixtures.stock(withdrawn, east, 10);
            fixtures.offShelf(withdrawn);
            OrderFixtures.Shopper shopper = fixtures.shopper();
            OrderFixtures.Shopper stranger = fixtures.shopper();
            long orders = count("shop_order");
            long keys = count("idempotency_record");
            long held = count("reservation");

            assertRefused(() -> checkout.place(shopper.id(), key(), order(shopper.addressId(),
                    line(new SkuId(987_654_321L), 1))), InvalidInputException.class, "lines[0].skuId");
            assertRefused(() -> checkout.place(shopper.id(), key(), order(shopper.addressId(), line(good, 1),
                    line(withdrawn, 1))), BusinessRuleException.class, "lines[1].skuId");
            for (int quantity : new int[] { 0, -1, 1_000, 1_000_000_000 }) {
                assertRefused(() -> checkout.place(shopper.id(), key(), order(shopper.addressId(),
                        line(good, quantity))), InvalidInputException.class, "lines[0].quantity");
            }
            assertRefused(() -> checkout.place(shopper.id(), key(), order(shopper.addressId())),
                    InvalidInputException.class, "lines");
            List<NewOrder.Line> tooMany = new ArrayList<>();
            for (int i = 0; i < 51; i++) {
                tooMany.add(line(new SkuId(1_000_000L + i), 1));
            }
            assertRefused(() -> checkout.place(shopper.id(), key(), new NewOrder(tooMany, shopper.addressId(), null,
                    null, null)), InvalidInputException.class, "lines");
            assertRefused(() -> checkout.place(shopper.id(), key(), order(shopper.addressId(), line(good, 1),
                    line(good, 2))), InvalidInputException.class, "lines[1].skuId");
            assertRefused(() -> checkout.place(shopper.id(), key(), order(stranger.addressId(), line(good, 1))),
                    NotFoundException.class, "addressId");
            assertRefused(() -> checkout.place(shopper.id(), key(), new NewOrder(List.of(line(good, 1)),
                    shopper.addressId(), SalesChannel.TAOBAO, null, null)), InvalidInputException.class, "channel");
            assertRefused(() -> checkout.place(shopper.id(), null, order(shopper.addressId(), line(good, 1))),
                    InvalidInputException.class, "Idempotency-Key");
            assertRefused(() -> checkout.place(shopper.id(), " ", order(shopper.addressId(), line(good, 1))),
                    InvalidInputException.class, "Idempotency-Key");

            assertThat(count("shop_order")).isEqualTo(orders);
            assertThat(count("idempotency_record")).isEqualTo(keys);
            assertThat(count("reservation")).isEqualTo(held);
            assertThat(inventory.level(good, east.id()).reserved()).isZero();
        }

        @Test
        void refusesACheckoutWhoseTotalIsNoLongerTheOneTheCustomerWasShownAndWritesNothing() {
            SkuId tea = fixtures.sku("45.00");
            WarehouseView east = fixtures.warehouse("华东");
            fixtures.stock(tea, east, 10);
            OrderFixtures.Shopper shopper = fixtures.shopper();
            long orders = count("shop_order");

            // 2 × 45.00 = 90.00, under the free-shipping threshold: 100.00 with the shipping fee
            assertThatThrownBy(() -> checkout.place(shopper.id(), key(), new NewOrder(List.of(line(tea, 2)),
                    shopper.addressId(), null, null, null, new java.math.BigDecimal("90.00"))))
                    .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
                        assertThat(e.code()).isEqualTo("price-changed");
                        assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("expectedTotal");
                    });
            assertThat(count("shop_order")).isEqualTo(orders);
            assertThat(inventory.level(tea, east.id()).reserved()).isZero();
            assertThat(checkout.place(shopper.id(), key(), new NewOrder(List.of(line(tea, 2)), shopper.addressId(),
                    null, null, null, new java.math.BigDecimal("100.00"))).total().amount())
                    .isEqualByComparingTo("100.00");
        }

        @Test
        void refusesALineNoWarehouseCanServeUndoingEverythingSoThatTheSameKeyWorksOnceStockArrives() {
            SkuId plenty = fixtures.sku("10.00");
            SkuId scarce = fixtures.sku("10.00");
            WarehouseView east = fixtures.warehouse("华东");
            fixtures.stock(plenty, east, 10);
            fixtures.stock(scarce, east, 2);
            OrderFixtures.Shopper shopper = fixtures.shopper();
            String key = key();
            NewOrder wanted = order(shopper.addressId(), line(plenty, 1), line(scarce, 3));
            long orders = count("shop_order");

            assertThatThrownBy(() -> checkout.place(shopper.id(), key, wanted))
                    .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
                        assertThat(e.code()).isEqualTo("insufficient-stock");
                        assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("lines[1].quantity");
                    });
            assertThat(count("shop_order")).isEqualTo(orders);
            assertThat(inventory.level(plenty, east.id()).reserved()).isZero();

            fixtures.stock(scarce, east, 1);
            OrderView placed = checkout.place(shopper.id(), key, wanted);
            assertThat(placed.lines()).extracting(OrderView.Line::quantity).containsExactly(1, 3);
        }

        @Test
        void aRepeatedKeyAnswersTheSameOrderOnceAndADifferentRequestWithTheKeyIsRefused() {
            SkuId sku = fixtures.sku("10.00");
            WarehouseView east = fixtures.warehouse("华东");
            fixtures.stock(sku, east, 10);
            OrderFixtures.Shopper shopper = fixtures.shopper();
            String key = key();

            OrderView first = checkout.place(shopper.id(), key, order(shopper.addressId(), line(sku, 2)));
            OrderView again = checkout.place(shopper.id(), key, order(shopper.addressId(), line(sku, 2)));

            assertThat(again).isEqualTo(first);
            assertThat(inventory.level(sku, east.id()).reserved()).isEqualTo(2);
            assertThatThrownBy(() -> checkout.place(shopper.id(), key, order(shopper.addressId(), line(sku, 3))))
                    .isInstanceOfSatisfying(BusinessRuleException.class,
                            e -> assertThat(e.code()).isEqualTo("idempotency-key-reused"));
            // keys belong to their customer: another customer's identical key is a new order
            OrderFixtures.Shopper other = fixtures.shopper();
            OrderView theirs = checkout.place(other.id(), key, order(other.addressId(), line(sku, 2)));
            assertThat(theirs.id()).isNotEqualTo(first.id());
        }
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
