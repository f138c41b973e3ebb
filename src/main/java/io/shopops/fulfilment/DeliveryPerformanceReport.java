package io.shopops.fulfilment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.shopops.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * Delivery performance of the shipments signed for in {@code [from, to)}, overall and per carrier
 * (definitions in docs/metrics.md).
 */
public record DeliveryPerformanceReport(Instant from, Instant to, Figures overall, List<Figures> byCarrier) {

    public DeliveryPerformanceReport {
        byCarrier = List.copyOf(byCarrier);
    }

    /**
     * @param carrier              the carrier's code, or null for all carriers together
     * @param onTimeRate           on time ÷ delivered, 0 to 1 with four decimals; null when nothing was delivered
     * @param averageDeliveryHours mean hours from dispatch to signature, one decimal; null when nothing was delivered
     * @param logisticsCost        the sum of the delivered shipments' logistics costs
     * @param averageLogisticsCost that sum ÷ delivered, rounded half-up to the fen; null when nothing was delivered
     */
    public record Figures(@Nullable String carrier, long delivered, long onTime, long late,
            @Nullable BigDecimal onTimeRate, @Nullable BigDecimal averageDeliveryHours, Money logisticsCost,
            @Nullable Money averageLogisticsCost) {
    }
}
