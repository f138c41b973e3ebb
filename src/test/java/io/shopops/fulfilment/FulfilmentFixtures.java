package io.shopops.fulfilment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.shopops.catalog.SkuView;
import io.shopops.inventory.InventoryFixtures;
import io.shopops.inventory.NewReservation;
import io.shopops.inventory.ReservationLine;
import io.shopops.inventory.ReservationView;
import io.shopops.inventory.Reservations;
import io.shopops.inventory.WarehouseView;

/**
 * Shipments ready to create: SKUs in a warehouse with stock, and a reservation holding the units (through the
 * catalog's and inventory's facades), plus the steps that take a shipment to where a test needs it.
 */
public class FulfilmentFixtures {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    public static final String RECIPIENT = "欧阳娜娜";
    public static final String PHONE = "13912345678";
    public static final String DETAIL = "张江路 88 弄 6 号 1201 室";

    private final InventoryFixtures inventory;
    private final Reservations reservations;
    private final Shipments shipments;
    private final Clock clock;

    FulfilmentFixtures(InventoryFixtures inventory, Reservations reservations, Shipments shipments, Clock clock) {
        this.inventory = inventory;
        this.reservations = reservations;
        this.shipments = shipments;
        this.clock = clock;
    }

    public static String orderNumber() {
        return "SO" + SEQUENCE.incrementAndGet();
    }

    /** An SF tracking number no other test uses. */
    public static String sfTrackingNumber() {
        return "SF%013d".formatted(SEQUENCE.incrementAndGet());
    }

    public static Destination destination() {
        return new Destination(RECIPIENT, PHONE, "上海市", "上海市", "浦东新区", DETAIL, "200120");
    }

    /** The units of an order in one warehouse, held by a reservation, with the command that ships them. */
    public record Order(WarehouseView warehouse, List<SkuView> skus, ReservationView reservation, NewShipment shipment) {
    }

    /** Two SKUs (2 and 1 units) in a new warehouse with 10 of each on hand, reserved; promised in two days. */
    public Order order() {
        return order(clock.instant().plus(Duration.ofDays(2)), 2, 1);
    }

    /** SKUs with these quantities in a new warehouse holding 10 of each, reserved for a new order. */
    public Order order(Instant promisedAt, int... quantities) {
        WarehouseView warehouse = inventory.warehouse();
        List<SkuView> skus = inventory.skus(quantities.length, new BigDecimal("20.00"));
        for (SkuView sku : skus) {
            inventory.stock(sku.id(), warehouse.id(), 10);
        }
        return order(warehouse, skus, promisedAt, quantities);
    }

    /** Another order for these SKUs of the warehouse (which must have them available), promised in two days. */
    public Order order(WarehouseView warehouse, List<SkuView> skus, int... quantities) {
        return order(warehouse, skus, clock.instant().plus(Duration.ofDays(2)), quantities);
    }

    private Order order(WarehouseView warehouse, List<SkuView> skus, Instant promisedAt, int... quantities) {
        List<ReservationLine> held = new ArrayList<>();
        List<ShipmentLine> lines = new ArrayList<>();
        for (int i = 0; i < quantities.length; i++) {
            held.add(new ReservationLine(skus.get(i).id(), warehouse.id(), quantities[i]));
            lines.add(new ShipmentLine(skus.get(i).id(), quantities[i]));
        }
        String number = orderNumber();
        ReservationView reservation = reservations.reserve(new NewReservation(number + "-1", held, Duration.ofDays(7)));
        return new Order(warehouse, skus, reservation, new NewShipment(number, warehouse.id(), reservation.id(), lines,
                destination(), promisedAt.truncatedTo(ChronoUnit.MICROS), ShippingMethod.STANDARD));
    }

    public ShipmentView created() {
        return shipments.create(order().shipment());
    }

    public ShipmentView packed(ShipmentView shipment) {
        shipments.advance(shipment.id(), ShipmentStatus.PICKING, null);
        return shipments.advance(shipment.id(), ShipmentStatus.PACKED, null);
    }

    /** Dispatched with SF at ¥15.00. */
    public ShipmentView dispatched(ShipmentView shipment) {
        packed(shipment);
        return shipments.dispatch(shipment.id(), new Dispatch("SF", sfTrackingNumber(), new BigDecimal("15.00"), 1200));
    }
}
