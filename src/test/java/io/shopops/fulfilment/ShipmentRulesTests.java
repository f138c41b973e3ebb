package io.shopops.fulfilment;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.shopops.fulfilment.internal.FulfilmentProperties;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.Money;
import io.shopops.shared.ShopProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipment's rules that need no database: its status machine, rates, punctuality and webhook signatures. */
class ShipmentRulesTests {

    @Test
    void theStatusMachineOnlyMovesForwardAndCancelsOnlyBeforeDispatch() {
        assertThat(ShipmentStatus.CREATED.next()).containsExactlyInAnyOrder(ShipmentStatus.PICKING, ShipmentStatus.CANCELLED);
        assertThat(ShipmentStatus.PICKING.next()).containsExactlyInAnyOrder(ShipmentStatus.PACKED, ShipmentStatus.CANCELLED);
        assertThat(ShipmentStatus.PACKED.next()).containsExactlyInAnyOrder(ShipmentStatus.DISPATCHED, ShipmentStatus.CANCELLED);
        assertThat(ShipmentStatus.DISPATCHED.next()).containsExactlyInAnyOrder(ShipmentStatus.IN_TRANSIT,
                ShipmentStatus.DELIVERED, ShipmentStatus.EXCEPTION);
        assertThat(ShipmentStatus.IN_TRANSIT.next()).containsExactlyInAnyOrder(ShipmentStatus.DELIVERED,
                ShipmentStatus.EXCEPTION);
        for (ShipmentStatus last : EnumSet.of(ShipmentStatus.DELIVERED, ShipmentStatus.EXCEPTION, ShipmentStatus.CANCELLED)) {
            assertThat(last.next()).isEmpty();
            assertThat(last.isOpen()).isFalse();
        }
        for (ShipmentStatus status : ShipmentStatus.values()) {
            assertThat(status.canMoveTo(ShipmentStatus.CANCELLED)).isEqualTo(!status.isDispatched() && status.isOpen());
        }
        assertThatThrownBy(() -> ShipmentStatus.DISPATCHED.requireMoveTo(ShipmentStatus.CANCELLED, new ShipmentId(5)))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
                    assertThat(e.code()).isEqualTo("illegal-transition");
                    assertThat(e.getMessage()).contains("Shipment 5 is DISPATCHED");
                });
    }

    @Test
    void everyTrackingEventLeadsToAStatusADispatchedShipmentCanReach() {
        for (TrackingEventType type : TrackingEventType.values()) {
            assertThat(ShipmentStatus.DISPATCHED.canMoveTo(type.leadsTo())).as(type.name()).isTrue();
            assertThat(type.exceptionReason() != null).isEqualTo(type.leadsTo() == ShipmentStatus.EXCEPTION);
        }
    }

    @Test
    void aRateChargesTheFirstWeightAndEveryFurtherStepOrPartOfIt() {
        CarrierRate rate = new CarrierRate(1000, Money.of("12.00", Money.CNY), 500, Money.of("1.50", Money.CNY));

        assertThat(rate.costFor(1)).isEqualTo(Money.of("12.00", Money.CNY));
        assertThat(rate.costFor(1000)).isEqualTo(Money.of("12.00", Money.CNY));
        assertThat(rate.costFor(1001)).isEqualTo(Money.of("13.50", Money.CNY));
        assertThat(rate.costFor(1500)).isEqualTo(Money.of("13.50", Money.CNY));
        assertThat(rate.costFor(2300)).isEqualTo(Money.of("16.50", Money.CNY));
        assertThatThrownBy(() -> rate.costFor(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CarrierRate(0, Money.of("1", Money.CNY), 1, Money.of("1", Money.CNY)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDeliveryIsOnTimeUpToAndIncludingThePromisedMoment() {
        Instant promise = Instant.parse("2026-11-30T10:00:00Z");

        assertThat(Punctuality.of(promise, promise)).isEqualTo(Punctuality.ON_TIME);
        assertThat(Punctuality.of(promise.minusSeconds(3600), promise)).isEqualTo(Punctuality.ON_TIME);
        assertThat(Punctuality.of(promise.plusNanos(1000), promise)).isEqualTo(Punctuality.LATE);
    }

    @Test
    void aWebhookSignatureIsTheHmacOfTheRawBodyUnderTheCarriersOwnSecret() throws Exception {
        Carriers carriers = carriers();
        byte[] body = "{\"eventId\":\"e1\"}".getBytes(StandardCharsets.UTF_8);
        String good = "sha256=" + hmac("sf-secret-0123456789", body);

        assertThat(carriers.signatureMatches("SF", body, good)).isTrue();
        assertThat(carriers.signatureMatches("sf", body, good.toUpperCase(java.util.Locale.ROOT))).isTrue();
        assertThat(carriers.signatureMatches("ZTO", body, good)).as("another carrier's secret").isFalse();
        assertThat(carriers.signatureMatches("SF", "{\"eventId\":\"e2\"}".getBytes(StandardCharsets.UTF_8), good))
                .as("another body").isFalse();
        assertThat(carriers.signatureMatches("SF", body, null)).isFalse();
        assertThat(carriers.signatureMatches("SF", body, "sha256=zz")).isFalse();
        assertThat(carriers.signatureMatches("UPS", body, good)).isFalse();
    }

    @Test
    void trackingNumbersMustMatchTheCarriersWholePattern() {
        Carriers carriers = carriers();

        assertThat(carriers.isTrackingNumber("SF", "SF1234567890123")).isTrue();
        assertThat(carriers.isTrackingNumber("SF", "XSF1234567890123")).isFalse();
        assertThat(carriers.isTrackingNumber("SF", "SF12345")).isFalse();
        assertThat(carriers.isTrackingNumber("ZTO", "SF1234567890123")).isFalse();
        assertThat(carriers.all()).extracting(CarrierView::code).containsExactly("SF", "ZTO");
        assertThat(carriers.carrier("zto").rate().costFor(2500)).isEqualTo(Money.of("7.00", Money.CNY));
    }

    @Test
    void refusesCarrierSettingsThatCannotWork() {
        FulfilmentProperties.Rate rate = new FulfilmentProperties.Rate(1000, BigDecimal.TEN, 1000, BigDecimal.ONE);

        assertThatThrownBy(() -> properties(Map.of("S F", new FulfilmentProperties.Carrier("x", ".*", "s".repeat(16), rate))))
                .hasMessageContaining("code");
        assertThatThrownBy(() -> properties(Map.of("SF", new FulfilmentProperties.Carrier("SF", "SF[", "s".repeat(16), rate))))
                .hasMessageContaining("tracking-number-pattern");
        assertThatThrownBy(() -> properties(Map.of("SF", new FulfilmentProperties.Carrier("SF", ".*", "short", rate))))
                .hasMessageContaining("webhook-secret");
        assertThatThrownBy(() -> new FulfilmentProperties(Duration.ZERO, Duration.ZERO, Map.of()))
                .hasMessageContaining("stuck-after");
        assertThat(properties(Map.of("sf", new FulfilmentProperties.Carrier("SF", ".*", "s".repeat(16), rate)))
                .carriers()).containsOnlyKeys("SF");
    }

    private static FulfilmentProperties properties(Map<String, FulfilmentProperties.Carrier> carriers) {
        return new FulfilmentProperties(Duration.ofHours(48), Duration.ofMinutes(15), carriers);
    }

    private static Carriers carriers() {
        return new Carriers(properties(Map.of(
                "SF", new FulfilmentProperties.Carrier("顺丰速运", "SF[0-9]{12,13}", "sf-secret-0123456789",
                        new FulfilmentProperties.Rate(1000, new BigDecimal("12.00"), 1000, new BigDecimal("2.00"))),
                "ZTO", new FulfilmentProperties.Carrier("中通快递", "[0-9]{12,15}", "zto-secret-0123456789",
                        new FulfilmentProperties.Rate(1000, new BigDecimal("5.00"), 1000, new BigDecimal("1.00"))))),
                new ShopProperties("Test", Money.CNY, java.time.ZoneId.of("Asia/Shanghai"), java.util.Locale.CHINA));
    }

    private static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
