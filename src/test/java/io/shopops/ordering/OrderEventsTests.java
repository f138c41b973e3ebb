package io.shopops.ordering;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.shopops.catalog.SkuId;
import io.shopops.customer.CustomerId;
import io.shopops.shared.Money;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The ordering module's public events as the outbox stores them. */
class OrderEventsTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void anOrderOfFiftyLinesWithLargeIdsFitsTheOutboxsFourThousandCharacters() {
        List<OrderPlaced.Line> lines = new ArrayList<>();
        for (int i = 0; i < Checkout.MAX_LINES; i++) {
            lines.add(new OrderPlaced.Line(new SkuId(9_000_000_000L + i), Checkout.MAX_QUANTITY));
        }
        OrderPlaced placed = new OrderPlaced(new OrderId(9_000_000_000L), "SO2611229000000000",
                new CustomerId(9_000_000_000L), SalesChannel.MINI_PROGRAM, Money.of("999999999.99", Money.CNY), lines,
                "C".repeat(64), Instant.parse("2026-11-22T12:34:56.123456Z"));

        String stored = json.writeValueAsString(placed);

        assertThat(stored.length()).isLessThan(4_000);
        assertThat(json.readValue(stored, OrderPlaced.class)).isEqualTo(placed);
    }

    @Test
    void everyEventReadsBackAsItWasWritten() {
        Instant at = Instant.parse("2026-11-22T12:34:56.123456Z");
        Money total = Money.of("82.50", Money.CNY);
        List<Object> events = List.of(
                new OrderPaid(new OrderId(1), "SO1", new CustomerId(2), total, at),
                new OrderCancelled(new OrderId(1), "SO1", new CustomerId(2), OrderStatus.PAID,
                        OrderCancelled.CancelledBy.STAFF, "wrong size", total, at),
                new OrderAllocated(new OrderId(1), "SO1", List.of(new io.shopops.inventory.WarehouseId(3)), at),
                new OrderShipped(new OrderId(1), "SO1", at), new OrderDelivered(new OrderId(1), "SO1", at),
                new OrderCompleted(new OrderId(1), "SO1", new CustomerId(2), total, at));
        for (Object event : events) {
            assertThat(json.readValue(json.writeValueAsString(event), event.getClass())).isEqualTo(event);
        }
    }
}
