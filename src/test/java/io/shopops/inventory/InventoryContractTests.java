package io.shopops.inventory;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.shopops.audit.AuditLog;
import io.shopops.audit.AuditQuery;
import io.shopops.catalog.SkuId;
import io.shopops.catalog.SkuStock;
import io.shopops.catalog.SkuView;
import io.shopops.catalog.StockLevels;
import io.shopops.catalog.StockState;
import io.shopops.shared.Actor;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.ConflictException;
import io.shopops.shared.DomainException;
import io.shopops.shared.FieldViolation;
import io.shopops.shared.InvalidInputException;
import io.shopops.shared.Money;
import io.shopops.shared.NotFoundException;
import io.shopops.shared.PageQuery;
import io.shopops.testing.PostgresTest;
import io.shopops.testing.ShopOpsTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The inventory facade's behaviour, the same on H2 and on PostgreSQL. */
class InventoryContractTests {

    @Import(InventoryTestConfiguration.class)
    abstract static class Contract {

        @Autowired
        Inventory inventory;
        @Autowired
        Warehouses warehouses;
        @Autowired
        Reservations reservations;
        @Autowired
        InventoryFixtures fixtures;
        @Autowired
        StockLevels stockLevels;
        @Autowired
        AuditLog auditLog;
        @Autowired
        JdbcClient jdbc;
        @Autowired
        MutableClock clock;

        @AfterEach
        void signOut() {
            SecurityContextHolder.clearContext();
        }

        long ledgerSize() {
            return inventory.movements(MovementQuery.all(), PageQuery.first(1)).totalItems();
        }

        static void assertRefused(Runnable action, Class<? extends DomainException> type, String field) {
            assertThatThrownBy(action::run).isInstanceOf(type)
                    .satisfies(e -> assertThat(((DomainException) e).violations()).extracting(FieldViolation::field)
                            .contains(field));
        }

        // --- receipts, adjustments, transfers, returns -------------------------------------------------------

        @Test
        void receivingAddsToOnHandAndWritesAReceiptToTheLedger() {
            SkuView sku = fixtures.sku();
            WarehouseView warehouse = fixtures.warehouse();

            StockChange change = inventory.receive(new Receipt(sku.id(), warehouse.id(), 40, "PO-1", null));
            inventory.receive(new Receipt(sku.id(), warehouse.id(), 2, null, null));

            assertThat(change.movements()).singleElement().satisfies(m -> {
                assertThat(m.type()).isEqualTo(MovementType.RECEIPT);
                assertThat(m.onHandDelta()).isEqualTo(40);
                assertThat(m.reservedDelta()).isZero();
                assertThat(m.reference()).isEqualTo("PO-1");
                assertThat(m.actor()).isEqualTo("system");
            });
            assertThat(inventory.level(sku.id(), warehouse.id())).isEqualTo(new StockLevel(sku.id(), warehouse.id(), 42, 0));
            assertThat(inventory.movements(new MovementQuery(sku.id(), null, null, null, null, null, null),
                    PageQuery.first(10)).items()).extracting(MovementView::onHandDelta).containsExactly(2L, 40L);
        }

        @Test
        void refusesQuantitiesOutsideOneToAMillionNamingTheField() {
            SkuView sku = fixtures.sku();
            WarehouseView warehouse = fixtures.warehouse();
            long before = ledgerSize();

            for (int quantity : new int[] { 0, -5, 1_000_001, Integer.MAX_VALUE }) {
                assertRefused(() -> inventory.receive(new Receipt(sku.id(), warehouse.id(), quantity, null, null)),
                        InvalidInputException.class, "quantity");
                assertRefused(() -> reservations.reserve(NewReservation.of(FixturesRef.next(),
                        new ReservationLine(sku.id(), warehouse.id(), quantity))), InvalidInputException.class,
                        "lines[0].quantity");
            }
            inventory.receive(new Receipt(sku.id(), warehouse.id(), 1_000_000, null, null));

            assertThat(ledgerSize()).isEqualTo(before + 1);
        }

        @Test
        void refusesUnknownSkusAndWarehousesNamingTheField() {
            SkuView sku = fixtures.sku();
            WarehouseView warehouse = fixtures.warehouse();
            long before = ledgerSize();

            assertRefused(() -> inventory.receive(new Receipt(new SkuId(987_654_321L), warehouse.id(), 1, null, null)),
                    NotFoundException.class, "skuId");
            assertRefused(() -> inventory.receive(new Receipt(sku.id(), new WarehouseId(987_654_321L), 1, null, null)),
                    NotFoundException.class, "warehouseId");
            assertRefused(() -> reservations.reserve(NewReservation.of(FixturesRef.next(),
                    new ReservationLine(new SkuId(987_654_321L), warehouse.id(), 1))), NotFoundException.class,
                    "lines[0].skuId");
            assertRefused(() -> reservations.reserve(NewReservation.of(FixturesRef.next(),
                    new ReservationLine(sku.id(), new WarehouseId(987_654_321L), 1))), NotFoundException.class,
                    "lines[0].warehouseId");

            assertThat(ledgerSize()).isEqualTo(before);
        }

        @Test
        void adjustsByADeltaWithAReasonAndRefusesOneWithout() {
            SkuView sku = fixtures.sku();
            WarehouseView warehouse = fixtures.warehouse();
            fixtures.stock(sku.id(), warehouse.id(), 10);

            assertRefused(() -> inventory.adjust(new Adjustment(sku.id(), warehouse.id(), -2, null, " ", null)),
                    InvalidInputException.class, "reason");
            StockChange change = inventory.adjust(Adjustment.byDelta(sku.id(), warehouse.id(), -3, "破损 damaged"));

            assertThat(change.movements().getFirst().type()).isEqualTo(MovementType.ADJUSTMENT);
            assertThat(change.movements().getFirst().reason()).isEqualTo("破损 damaged");
            assertThat(change.levels().getFirst().onHand()).isEqualTo(7);
        }

        @Test
        void countingSetsOnHandToTheCountedQuantityAndLedgersTheDifference() {
            SkuView sku = fixtures.sku();
            WarehouseView warehouse = fixtures.warehouse();
            fixtures.stock(sku.id(), warehouse.id(), 10);

            StockChange change = inventory.adjust(Adjustment.toCounted(sku.id(), warehouse.id(), 13, "盘点 2026-11"));

            assertThat(change.movements().getFirst().onHandDelta()).isEqualTo(3);
            assertThat(inventory.level(sku.id(), warehouse.id()).onHand()).isEqualTo(13);
            assertThat(inventory.adjust(Adjustment.toCounted(sku.id(), warehouse.id(), 0, "盘点")).movements()
                    .getFirst().onHandDelta()).isEqualTo(-13);
        }

        @Test
        void refusesAdjustmentsThatWouldLeaveOnHandBelowReserved() {
            SkuView sku = fixtures.sku();
            WarehouseView warehouse = fixtures.warehouse();
            fixtures.stock(sku.id(), warehouse.id(), 10);
            reservations.reserve(NewReservation.of(FixturesRef.next(), new ReservationLine(sku.id(), warehouse.id(), 6)));
            long before = ledgerSize();

            assertThatThrownBy(() -> inventory.adjust(Adjustment.byDelta(sku.id(), warehouse.id(), -5, "lost")))
                    .isInstanceOfSatisfying(BusinessRuleException.class,
                            e -> assertThat(e.code()).isEqualTo("below-reserved"));
            assertThatThrownBy(() -> inventory.adjust(Adjustment.toCounted(sku.id(), warehouse.id(), 5, "count")))
                    .isInstanceOfSatisfying(BusinessRuleException.class,
                            e -> assertThat(e.code()).isEqualTo("below-reserved"));
            inventory.adjust(Adjustment.byDelta(sku.id(), warehouse.id(), -4, "lost"));

            assertThat(inventory.level(sku.id(), warehouse.id())).isEqualTo(new StockLevel(sku.id(), warehouse.id(), 6, 6));
            assertThat(ledgerSize()).isEqualTo(before + 1);
        }

        @Test
        void transferMovesAvailableUnitsWithTwoLegsSharingATransferId() {
            SkuView sku = fixtures.sku();
            WarehouseView from = fixtures.warehouse();
            WarehouseView to = fixtures.warehouse();
            fixtures.stock(sku.id(), from.id(), 10);

            StockChange change = inventory.transfer(new Transfer(sku.id(), from.id(), to.id(), 4, "TR-1", "rebalance"));

            assertThat(change.movements()).extracting(MovementView::onHandDelta).containsExactly(-4L, 4L);
            assertThat(change.movements()).extracting(MovementView::type).containsOnly(MovementType.TRANSFER);
            assertThat(change.movements().get(0).transferId()).isNotNull()
                    .isEqualTo(change.movements().get(1).transferId());
            assertThat(inventory.level(sku.id(), from.id()).onHand()).isEqualTo(6);
            assertThat(inventory.level(sku.id(), to.id()).onHand()).isEqualTo(4);
            inventory.transfer(new Transfer(sku.id(), to.id(), from.id(), 1, null, null));
            assertThat(inventory.level(sku.id(), from.id()).onHand()).isEqualTo(7);
        }

        @Test
        void refusesATransferBeyondAvailableAndChangesNeitherWarehouse() {
            SkuView sku = fixtures.sku();
            WarehouseView from = fixtures.warehouse();
            WarehouseView to = fixtures.warehouse();
            fixtures.stock(sku.id(), from.id(), 10);
            reservations.reserve(NewReservation.of(FixturesRef.next(), new ReservationLine(sku.id(), from.id(), 7)));
            long before = ledgerSize();

            assertThatThrownBy(() -> inventory.transfer(new Transfer(sku.id(), from.id(), to.id(), 4, null, null)))
                    .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
                        assertThat(e.code()).isEqualTo("insufficient-stock");
                        assertThat(e.violations().getFirst().reason()).contains("only 3 available");
                    });
            assertRefused(() -> inventory.transfer(new Transfer(sku.id(), from.id(), from.id(), 1, null, null)),
                    InvalidInputException.class, "toWarehouseId");

            assertThat(inventory.level(sku.id(), from.id()).onHand()).isEqualTo(10);
            assertThat(inventory.level(sku.id(), to.id()).onHand()).isZero();
            assertThat(ledgerSize()).isEqualTo(before);
        }

        @Test
        void returnsGoBackOnHand() {
            SkuView sku = fixtures.sku();
            WarehouseView warehouse = fixtures.warehouse();

            StockChange change = inventory.returnToStock(new StockReturn(sku.id(), warehouse.id(), 2, "ORDER-9", "退货"));

            assertThat(change.movements().getFirst().type()).isEqualTo(MovementType.RETURN);
            assertThat(inventory.level(sku.id(), warehouse.id()).onHand()).isEqualTo(2);
        }

        // --- reservations -----------------------------------------------------------------------------------

        @Test
        void reservingHoldsUnitsAndWritesAReserveEntryPerLine() {
            SkuView a = fixtures.sku();
            SkuView b = fixtures.sku();
            WarehouseView warehouse = fixtures.warehouse();
            fixtures.stock(a.id(), warehouse.id(), 5);
            fixtures.stock(b.id(), warehouse.id(), 5);
            String reference = FixturesRef.next();

            ReservationView reservation = reservations.reserve(NewReservation.of(reference,
                    new ReservationLine(b.id(), warehouse.id(), 2), new ReservationLine(a.id(), warehouse.id(), 5)));

            assertThat(reservation.status()).isEqualTo(ReservationStatus.ACTIVE);
            assertThat(reservation.expiresAt()).isEqualTo(reservation.createdAt().plus(Duration.ofMinutes(30)));
            assertThat(reservations.reservation(reservation.id())).isEqualTo(reservation);
            assertThat(inventory.level(a.id(), warehouse.id()).available()).isZero();
            assertThat(inventory.level(b.id(), warehouse.id()).reserved()).isEqualTo(2);
            assertThat(inventory.movements(new MovementQuery(null, null, null, MovementType.RESERVE, reference, null,
                    null), PageQuery.first(10)).items()).extracting(MovementView::reservedDelta)
                    .containsExactlyInAnyOrder(2L, 5L);
        }

        @Test
        void reservesAllLinesOrNoneAndNamesTheLineThatIsShort() {
            SkuView a = fixtures.sku();
            SkuView b = fixtures.sku();
            WarehouseView warehouse = fixtures.warehouse();
            fixtures.stock(a.id(), warehouse.id(), 5);
            fixtures.stock(b.id(), warehouse.id(), 3);
            long before = ledgerSize();
            String reference = FixturesRef.next();

            assertThatThrownBy(() -> reservations.reserve(NewReservation.of(reference,
                    new ReservationLine(a.id(), warehouse.id(), 5), new ReservationLine(b.id(), warehouse.id(), 4))))
                    .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
                        assertThat(e.code()).isEqualTo("insufficient-stock");
                        assertThat(e.violations()).singleElement().satisfies(v -> {
                            assertThat(v.field()).isEqualTo("lines[1].quantity");
                            assertThat(v.reason()).contains("only 3 available").contains(b.skuCode());
                        });
                    });

            assertThat(inventory.level(a.id(), warehouse.id()).reserved()).isZero();
            assertThat(reservations.find(reference, null, PageQuery.first(5)).items()).isEmpty();
            assertThat(ledgerSize()).isEqualTo(before);
        }

        @Test
        void refusesASecondActiveReservationForTheSameReferenceUntilTheFirstEnds() {
            SkuView sku = fixtures.sku();
            WarehouseView warehouse = fixtures.warehouse();
            fixtures.stock(sku.id(), warehouse.id(), 10);
            String reference = FixturesRef.next();
            ReservationView first = reservations.reserve(NewReservation.of(reference,
                    new ReservationLine(sku.id(), warehouse.id(), 1)));

            assertRefused(() -> reservations.reserve(NewReservation.of(reference,
                    new ReservationLine(sku.id(), warehouse.id(), 1))), ConflictException.class, "reference");
            reservations.release(first.id());
            ReservationView second = reservations.reserve(NewReservation.of(reference,
                    new ReservationLine(sku.id(), warehouse.id(), 2)));

            assertThat(reservations.find(reference, null, PageQuery.first(5)).items())
                    .extracting(ReservationView::id, ReservationView::status)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(second.id(), ReservationStatus.ACTIVE),
                            org.assertj.core.groups.Tuple.tuple(first.id(), ReservationStatus.RELEASED));
            assertThat(inventory.level(sku.id(), warehouse.id()).reserved()).isEqualTo(2);
        }

        @Test
        void releaseGivesTheUnitsBackExactlyOnce() {
            SkuView sku = fixtures.sku();
            WarehouseView warehouse = fixtures.warehouse();
            fixtures.stock(sku.id(), warehouse.id(), 10);
            ReservationView reservation = reservations.reserve(NewReservation.of(FixturesRef.next(),
                    new ReservationLine(sku.id(), warehouse.id(), 4)));

            ReservationView released = reservations.release(reservation.id());

            assertThat(released.status()).isEqualTo(ReservationStatus.RELEASED);
            assertThat(released.closedAt()).isNotNull();
            assertThatThrownBy(() -> reservations.release(reservation.id()))
                    .isInstanceOfSatisfying(BusinessRuleException.class,
                            e -> assertThat(e.code()).isEqualTo("reservation-not-active"));
            assertThatThrownBy(() -> reservations.ship(reservation.id())).isInstanceOf(BusinessRuleException.class);
            assertThatThrownBy(() -> reservations.release(new ReservationId(987_654_321L)))
                    .isInstanceOf(NotFoundException.class);
            assertThat(inventory.level(sku.id(), warehouse.id())).isEqualTo(new StockLevel(sku.id(), warehouse.id(), 10, 0));
        }

        @Test
        void shippingConsumesTheReservationFromOnHandAndReserved() {
            SkuView sku = fixtures.sku();
            WarehouseView warehouse = fixtures.warehouse();
            fixtures.stock(sku.id(), warehouse.id(), 10);
            ReservationView reservation = reservations.reserve(NewReservation.of(FixturesRef.next(),
                    new ReservationLine(sku.id(), warehouse.id(), 4)));

            assertThat(reservations.ship(reservation.id()).status()).isEqualTo(ReservationStatus.SHIPPED);

            assertThat(inventory.level(sku.id(), warehouse.id())).isEqualTo(new StockLevel(sku.id(), warehouse.id(), 6, 0));
            assertThat(inventory.movements(new MovementQuery(sku.id(), null, null, MovementType.SHIP, null, null, null),
                    PageQuery.first(5)).items()).singleElement().satisfies(m -> {
                        assertThat(m.onHandDelta()).isEqualTo(-4);
                        assertThat(m.reservedDelta()).isEqualTo(-4);
                        assertThat(m.reservationId()).isEqualTo(reservation.id());
                    });
            assertThatThrownBy(() -> reservations.release(reservation.id())).isInstanceOf(BusinessRuleException.class);
        }

        @Test
        void expiryJobReleasesExactlyTheExpiredReservationsOnce() {
            SkuView sku = fixtures.sku();
            WarehouseView warehouse = fixtures.warehouse();
            fixtures.stock(sku.id(), warehouse.id(), 100);
            ReservationView shortLived = reservations.reserve(new NewReservation(FixturesRef.next(),
                    List.of(new ReservationLine(sku.id(), warehouse.id(), 3)), Duration.ofMinutes(5)));
            ReservationView alsoShort = reservations.reserve(new NewReservation(FixturesRef.next(),
                    List.of(new ReservationLine(sku.id(), warehouse.id(), 4)), Duration.ofMinutes(5)));
            ReservationView shippedBefore = reservations.reserve(new NewReservation(FixturesRef.next(),
                    List.of(new ReservationLine(sku.id(), warehouse.id(), 5)), Duration.ofMinutes(5)));
            ReservationView longLived = reservations.reserve(NewReservation.of(FixturesRef.next(),
                    new ReservationLine(sku.id(), warehouse.id(), 6)));
            reservations.ship(shippedBefore.id());

            clock.advance(Duration.ofMinutes(10));
            reservations.expireDue();
            int again = reservations.expireDue();

            assertThat(again).isZero();
            assertThat(reservations.reservation(shortLived.id()).status()).isEqualTo(ReservationStatus.EXPIRED);
            assertThat(reservations.reservation(alsoShort.id()).status()).isEqualTo(ReservationStatus.EXPIRED);
            assertThat(reservations.reservation(shippedBefore.id()).status()).isEqualTo(ReservationStatus.SHIPPED);
            assertThat(reservations.reservation(longLived.id()).status()).isEqualTo(ReservationStatus.ACTIVE);
            assertThat(inventory.level(sku.id(), warehouse.id())).isEqualTo(new StockLevel(sku.id(), warehouse.id(), 95, 6));
            assertThat(inventory.movements(new MovementQuery(sku.id(), null, null, MovementType.RELEASE, null, null,
                    null), PageQuery.first(10)).items()).extracting(MovementView::reservedDelta, MovementView::reason)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(-3L, "expired"),
                            org.assertj.core.groups.Tuple.tuple(-4L, "expired"));
            assertThat(inventory.reconcile().mismatches()).isEmpty();
        }

        // --- safety stock, low stock, the catalog's port, figures ---------------------------------------------

        @Test
        void listsSkusAtOrBelowSafetyStockByShortfall() {
            SkuView slightlyLow = fixtures.sku();
            SkuView veryLow = fixtures.sku();
            SkuView plenty = fixtures.sku();
            SkuView neverStocked = fixtures.sku();
            WarehouseView warehouse = fixtures.warehouse();
            fixtures.stock(slightlyLow.id(), warehouse.id(), 9);
            fixtures.stock(veryLow.id(), warehouse.id(), 1);
            fixtures.stock(plenty.id(), warehouse.id(), 50);
            inventory.setSafetyStock(slightlyLow.id(), 10);
            inventory.setSafetyStock(veryLow.id(), 900_000);
            inventory.setSafetyStock(plenty.id(), 10);
            inventory.setSafetyStock(neverStocked.id(), 899_000);

            List<LowStockView> low = inventory.lowStock(new PageQuery(0, 200)).items();

            assertThat(low).extracting(LowStockView::skuId).contains(slightlyLow.id(), veryLow.id(), neverStocked.id())
                    .doesNotContain(plenty.id());
            assertThat(low).extracting(LowStockView::skuId).startsWith(veryLow.id(), neverStocked.id());
            assertThat(low.getFirst().shortfall()).isEqualTo(899_999);
            assertThat(low.getFirst().skuCode()).isEqualTo(veryLow.skuCode());
            assertThat(inventory.safetyStock(slightlyLow.id()).quantity()).isEqualTo(10);
        }

        @Test
        void implementsTheCatalogsStockLevelsPortOverAllWarehouses() {
            SkuView inStock = fixtures.sku();
            SkuView low = fixtures.sku();
            SkuView reservedAway = fixtures.sku();
            SkuView unknownToInventory = fixtures.sku();
            WarehouseView east = fixtures.warehouse();
            WarehouseView south = fixtures.warehouse();
            fixtures.stock(inStock.id(), east.id(), 30);
            fixtures.stock(inStock.id(), south.id(), 20);
            fixtures.stock(low.id(), south.id(), 3);
            inventory.setSafetyStock(low.id(), 5);
            fixtures.stock(reservedAway.id(), east.id(), 2);
            reservations.reserve(NewReservation.of(FixturesRef.next(), new ReservationLine(reservedAway.id(), east.id(), 2)));

            var levels = stockLevels.of(List.of(inStock.id(), low.id(), reservedAway.id(), unknownToInventory.id()));

            assertThat(levels.get(inStock.id())).isEqualTo(new SkuStock(50, 0, 0));
            assertThat(levels.get(low.id()).state()).isEqualTo(StockState.LOW_STOCK);
            assertThat(levels.get(reservedAway.id()).state()).isEqualTo(StockState.OUT_OF_STOCK);
            assertThat(levels).doesNotContainKey(unknownToInventory.id());
            assertThat(stockLevels.skusWithAvailableStock()).contains(inStock.id(), low.id())
                    .doesNotContain(reservedAway.id(), unknownToInventory.id());
            assertThat(stockLevels.skusRunningLow()).contains(low.id()).doesNotContain(inStock.id(), reservedAway.id());
        }

        @Test
        void valuesStockAtCostExactlyInTotalAndPerWarehouse() {
            InventoryFigures before = inventory.figures();
            SkuView cheap = fixtures.sku(new BigDecimal("0.10"));
            SkuView dear = fixtures.sku(new BigDecimal("1999.99"));
            WarehouseView warehouse = fixtures.warehouse();
            fixtures.stock(cheap.id(), warehouse.id(), 3);
            fixtures.stock(dear.id(), warehouse.id(), 7);

            InventoryFigures after = inventory.figures();

            Money added = Money.of("14000.23", Money.CNY);
            assertThat(after.stockValue()).isEqualTo(before.stockValue().plus(added));
            assertThat(after.totalUnits()).isEqualTo(before.totalUnits() + 10);
            assertThat(after.warehouses()).isEqualTo(before.warehouses() + 1);
            assertThat(after.skusWithStock()).isEqualTo(before.skusWithStock() + 2);
            assertThat(after.byWarehouse()).filteredOn(w -> w.warehouseId().equals(warehouse.id())).singleElement()
                    .satisfies(w -> {
                        assertThat(w.units()).isEqualTo(10);
                        assertThat(w.value()).isEqualTo(added);
                    });
        }

        // --- queries ------------------------------------------------------------------------------------------

        @Test
        void filtersStockByWarehouseSkuCodeAndState() {
            SkuView sku = fixtures.sku();
            SkuView other = fixtures.sku();
            WarehouseView warehouse = fixtures.warehouse();
            fixtures.stock(sku.id(), warehouse.id(), 4);
            fixtures.stock(other.id(), warehouse.id(), 1);
            reservations.reserve(NewReservation.of(FixturesRef.next(), new ReservationLine(other.id(), warehouse.id(), 1)));
            inventory.setSafetyStock(sku.id(), 4);

            var all = inventory.stock(new StockQuery(warehouse.id(), null, null, null), PageQuery.first(10));
            var byCode = inventory.stock(new StockQuery(null, null, sku.skuCode(), null), PageQuery.first(10));
            var outOfStock = inventory.stock(new StockQuery(warehouse.id(), null, null, StockState.OUT_OF_STOCK),
                    PageQuery.first(10));
            var unknownCode = inventory.stock(new StockQuery(null, null, "no-such-sku-code", null), PageQuery.first(10));

            assertThat(all.totalItems()).isEqualTo(2);
            assertThat(byCode.items()).singleElement().satisfies(row -> {
                assertThat(row.skuCode()).isEqualTo(sku.skuCode());
                assertThat(row.warehouseCode()).isEqualTo(warehouse.code());
                assertThat(row.available()).isEqualTo(4);
                assertThat(row.state()).isEqualTo(StockState.LOW_STOCK);
            });
            assertThat(outOfStock.items()).extracting(StockView::skuId).containsExactly(other.id());
            assertThat(unknownCode.items()).isEmpty();
        }

        // --- warehouses -----------------------------------------------------------------------------------------

        @Test
        void updatesAWarehouseOnlyFromTheCurrentVersion() {
            WarehouseView warehouse = fixtures.warehouse();

            WarehouseView updated = warehouses.change(warehouse.id(),
                    new WarehouseChange("华南一号仓", "华南", "广州市", warehouse.version()));

            assertThat(updated.name()).isEqualTo("华南一号仓");
            assertThat(updated.version()).isEqualTo(warehouse.version() + 1);
            assertThatThrownBy(() -> warehouses.change(warehouse.id(),
                    new WarehouseChange("stale", null, null, warehouse.version()))).isInstanceOf(ConflictException.class);
            assertRefused(() -> warehouses.open(new NewWarehouse(warehouse.code(), "dup", null, null)),
                    ConflictException.class, "code");
            assertRefused(() -> warehouses.open(new NewWarehouse("bad code!", "x", "r".repeat(51), null)),
                    InvalidInputException.class, "region");
        }

        @Test
        void refusesToDeactivateAWarehouseThatHoldsStockAndRefusesStockIntoAnInactiveOne() {
            SkuView sku = fixtures.sku();
            WarehouseView full = fixtures.warehouse();
            WarehouseView empty = fixtures.warehouse();
            fixtures.stock(sku.id(), full.id(), 1);

            assertThatThrownBy(() -> warehouses.deactivate(full.id()))
                    .isInstanceOfSatisfying(BusinessRuleException.class,
                            e -> assertThat(e.code()).isEqualTo("warehouse-holds-stock"));
            assertThat(warehouses.warehouse(full.id()).active()).isTrue();
            assertThat(warehouses.deactivate(empty.id()).active()).isFalse();

            assertThatThrownBy(() -> inventory.receive(new Receipt(sku.id(), empty.id(), 1, null, null)))
                    .isInstanceOfSatisfying(BusinessRuleException.class,
                            e -> assertThat(e.code()).isEqualTo("warehouse-inactive"));
            assertThatThrownBy(() -> inventory.transfer(new Transfer(sku.id(), full.id(), empty.id(), 1, null, null)))
                    .isInstanceOf(BusinessRuleException.class);
            assertThat(warehouses.list(false, new PageQuery(0, 200)).items()).extracting(WarehouseView::id)
                    .doesNotContain(empty.id()).contains(full.id());
        }

        // --- integrity ----------------------------------------------------------------------------------------

        @Test
        void reconciliationFindsTheLedgerAndReservationsInAgreementWithStock() {
            SkuView sku = fixtures.sku();
            WarehouseView east = fixtures.warehouse();
            WarehouseView south = fixtures.warehouse();
            fixtures.stock(sku.id(), east.id(), 20);
            inventory.transfer(new Transfer(sku.id(), east.id(), south.id(), 5, null, null));
            ReservationView shipped = reservations.reserve(NewReservation.of(FixturesRef.next(),
                    new ReservationLine(sku.id(), east.id(), 3), new ReservationLine(sku.id(), south.id(), 2)));
            reservations.ship(shipped.id());
            reservations.reserve(NewReservation.of(FixturesRef.next(), new ReservationLine(sku.id(), east.id(), 4)));
            inventory.adjust(Adjustment.toCounted(sku.id(), south.id(), 10, "count"));

            ReconciliationReport report = inventory.reconcile();

            assertThat(report.mismatches()).isEmpty();
            assertThat(report.consistent()).isTrue();
            assertThat(report.rowsChecked()).isGreaterThanOrEqualTo(2);
        }

        @Test
        void reconciliationReportsAStockRowThatDisagreesWithTheLedger() {
            SkuView sku = fixtures.sku();
            WarehouseView warehouse = fixtures.warehouse();
            fixtures.stock(sku.id(), warehouse.id(), 5);
            // A write that bypasses the facade, as a bug or a manual fix in the database would.
            jdbc.sql("UPDATE stock SET on_hand = 6 WHERE sku_id = :sku AND warehouse_id = :w")
                    .param("sku", sku.id().value()).param("w", warehouse.id().value()).update();
            try {
                assertThat(inventory.reconcile().mismatches()).contains(new ReconciliationReport.Mismatch(sku.id(),
                        warehouse.id(), ReconciliationReport.Check.LEDGER_ON_HAND, 5, 6));
            } finally {
                inventory.adjust(Adjustment.byDelta(sku.id(), warehouse.id(), 1, "test repairs its own drift"));
                jdbc.sql("UPDATE stock SET on_hand = 6 WHERE sku_id = :sku AND warehouse_id = :w")
                        .param("sku", sku.id().value()).param("w", warehouse.id().value()).update();
            }
            assertThat(inventory.reconcile().mismatches()).isEmpty();
        }

        @Test
        void theDatabaseRefusesReservedAboveOnHandAndChangesToTheLedger() {
            SkuView sku = fixtures.sku();
            WarehouseView warehouse = fixtures.warehouse();
            fixtures.stock(sku.id(), warehouse.id(), 5);

            assertThatThrownBy(() -> jdbc.sql("UPDATE stock SET reserved = 6 WHERE sku_id = :sku AND warehouse_id = :w")
                    .param("sku", sku.id().value()).param("w", warehouse.id().value()).update())
                    .isInstanceOf(DataAccessException.class);
            assertThatThrownBy(() -> jdbc.sql("UPDATE stock_movement SET on_hand_delta = 0 WHERE sku_id = :sku")
                    .param("sku", sku.id().value()).update()).isInstanceOf(DataAccessException.class);
            assertThatThrownBy(() -> jdbc.sql("DELETE FROM stock_movement WHERE sku_id = :sku")
                    .param("sku", sku.id().value()).update()).isInstanceOf(DataAccessException.class);
            assertThat(inventory.level(sku.id(), warehouse.id())).isEqualTo(new StockLevel(sku.id(), warehouse.id(), 5, 0));
        }

        @Test
        void recordsStaffChangesInTheAuditLogButNotTheSystems() {
            SkuView sku = fixtures.sku();
            WarehouseView warehouse = fixtures.warehouse();
            fixtures.stock(sku.id(), warehouse.id(), 5);
            String staff = FixturesRef.next().toLowerCase(java.util.Locale.ROOT);
            SecurityContextHolder.getContext().setAuthentication(
                    new UsernamePasswordAuthenticationToken(Actor.staff(42L, staff), null, List.of()));

            inventory.receive(new Receipt(sku.id(), warehouse.id(), 3, "PO-7", null));
            ReservationView reservation = reservations.reserve(NewReservation.of(FixturesRef.next(),
                    new ReservationLine(sku.id(), warehouse.id(), 1)));
            reservations.release(reservation.id());

            var entries = auditLog.find(new AuditQuery(staff, null, null, null, null, null), PageQuery.first(10)).items();
            assertThat(entries).extracting(e -> e.action())
                    .containsExactlyInAnyOrder("STOCK_RECEIVED", "RESERVATION_CREATED", "RESERVATION_RELEASED");
            assertThat(inventory.movements(new MovementQuery(sku.id(), null, null, MovementType.RECEIPT, "PO-7", null,
                    null), PageQuery.first(5)).items()).singleElement()
                    .satisfies(m -> assertThat(m.actor()).isEqualTo(staff));
            assertThat(auditLog.find(new AuditQuery("system", "STOCK_RECEIVED", null, null, null, null),
                    PageQuery.first(1)).totalItems()).isZero();
            assertThat(Set.of(entries.getFirst().entityType())).isSubsetOf(Set.of("stock", "reservation"));
        }
    }

    /** Unique references (order ids) for reservations. */
    static final class FixturesRef {

        private FixturesRef() {
        }

        static String next() {
            return InventoryFixtures.unique("ORDER");
        }
    }

    @Nested
    @ShopOpsTest
    @Import(InventoryTestConfiguration.class)
    class OnH2 extends Contract {
    }

    @Nested
    @PostgresTest
    @Import(InventoryTestConfiguration.class)
    class OnPostgres extends Contract {
    }
}
