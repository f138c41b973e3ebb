package io.shopops.ordering;

import java.math.BigDecimal;
import java.time.Duration;

import io.shopops.ordering.internal.OrderingProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ordering settings refuse what cannot work and derive the reservation's time to live. */
class OrderingSettingsTests {

    static OrderingProperties settings(String allocation, Duration window, Duration grace) {
        return new OrderingProperties(new BigDecimal("99.00"), new BigDecimal("10.00"), allocation, window, grace,
                Duration.ofDays(3), Duration.ofDays(7), 100, Duration.ofMinutes(1), Duration.ofHours(1));
    }

    @Test
    void theOrdersStockIsReservedForThePaymentWindowPlusTheGrace() {
        assertThat(settings("region-first", Duration.ofMinutes(30), Duration.ofMinutes(15)).reservationTtl())
                .isEqualTo(Duration.ofMinutes(45));
    }

    @Test
    void refusesAnUnknownAllocationStrategyAndAWindowThatIsNotPositive() {
        assertThatThrownBy(() -> settings("nearest", Duration.ofMinutes(30), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("allocation");
        assertThatThrownBy(() -> settings("single-warehouse-first", Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings("single-warehouse-first", Duration.ofMinutes(30), Duration.ofMinutes(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reservation-grace");
    }
}
