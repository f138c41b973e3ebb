package io.shopops.inventory;

import java.util.List;
import java.util.Map;

import io.shopops.catalog.SkuView;
import io.shopops.shared.BusinessRuleException;
import io.shopops.testing.PostgresTest;
import io.shopops.testing.ShopOpsTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What ordering needs: a paid order's reservation held until shipped, and availability per warehouse. */
class ReservationHoldTests {

    @Import(InventoryTestConfiguration.class)
    abstract static class Contract {

        @Autowired
        Reservations reservations;
        @Autowired
        Inventory inventory;
        @Autowired
        InventoryFixtures fixtures;
        @Autowired
        MutableClock clock;

        @Test
        void aHeldReservationNoLongerExpiresButCanStillBeShipped() {
            SkuView sku = fixtures.sku();
            WarehouseView warehouse = fixtures.warehouse();
            fixtures.stock(sku.id(), warehouse.id(), 10);
            ReservationView held = reservations.reserve(NewReservation.of(InventoryFixtures.unique("order"),
                    new ReservationLine(sku.id(), warehouse.id(), 3)));
            assertThat(reservations.keep(held.id()).expiresAt()).isNull();

            clock.advance(java.time.Duration.ofDays(30));
            reservations.expireDue();
            assertThat(reservations.reservation(held.id()).status()).isEqualTo(ReservationStatus.ACTIVE);
            assertThat(reservations.ship(held.id()).status()).isEqualTo(ReservationStatus.SHIPPED);
            assertThat(inventory.level(sku.id(), warehouse.id()).onHand()).isEqualTo(7);
        }

        @Test
        void anExpiredReservationCannotBeHeldAnyMore() {
            SkuView sku = fixtures.sku();
            WarehouseView warehouse = fixtures.warehouse();
            fixtures.stock(sku.id(), warehouse.id(), 10);
            ReservationView late = reservations.reserve(NewReservation.of(InventoryFixtures.unique("order"),
                    new ReservationLine(sku.id(), warehouse.id(), 3)));
            clock.advance(java.time.Duration.ofHours(2));
            reservations.expireDue();
            assertThatThrownBy(() -> reservations.keep(late.id())).isInstanceOfSatisfying(BusinessRuleException.class,
                    e -> assertThat(e.code()).isEqualTo("reservation-not-active"));
        }

        @Test
        void reportsWhatEachWarehouseHasAvailable() {
            SkuView sku = fixtures.sku();
            WarehouseView north = fixtures.warehouse();
            WarehouseView south = fixtures.warehouse();
            fixtures.stock(sku.id(), north.id(), 10);
            fixtures.stock(sku.id(), south.id(), 4);
            reservations.reserve(NewReservation.of(InventoryFixtures.unique("order"),
                    new ReservationLine(sku.id(), south.id(), 4)));
            Map<WarehouseId, Long> available = inventory.availability(List.of(sku.id())).get(sku.id());
            assertThat(available).containsExactly(Map.entry(north.id(), 10L));
        }
    }

    @Nested
    @ShopOpsTest
    class OnH2 extends Contract {
    }

    @Nested
    @PostgresTest
    class OnPostgres extends Contract {
    }
}
