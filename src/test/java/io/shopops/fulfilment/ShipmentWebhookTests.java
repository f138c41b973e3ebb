package io.shopops.fulfilment;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.shopops.fulfilment.FulfilmentTestConfiguration.ShipmentEvents;
import io.shopops.fulfilment.internal.FulfilmentProperties;
import io.shopops.inventory.MutableClock;
import io.shopops.testing.ShopOpsTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The carriers' webhook, called without an API key as a carrier would: signed events are recorded once by their
 * event id and placed by their own time; forged, unsigned and unknown ones are refused, logged and change nothing.
 */
@ShopOpsTest
@Import(FulfilmentTestConfiguration.class)
@ExtendWith(OutputCaptureExtension.class)
class ShipmentWebhookTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    FulfilmentFixtures fixtures;
    @Autowired
    Shipments shipments;
    @Autowired
    Tracking tracking;
    @Autowired
    FulfilmentProperties properties;
    @Autowired
    ShipmentEvents events;
    @Autowired
    MutableClock clock;

    String sfSecret() {
        return properties.carriers().get("SF").webhookSecret();
    }

    static String sign(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    static String event(String eventId, String trackingNumber, String type, Instant at) {
        return """
                {"eventId":"%s","trackingNumber":"%s","type":"%s","occurredAt":"%s","location":"深圳转运中心","description":"快件已%s"}
                """.formatted(eventId, trackingNumber, type, at, type).strip();
    }

    ResultActions send(String carrier, String body, String signature) throws Exception {
        var request = post("/api/v1/fulfilment/carriers/{carrier}/events", carrier)
                .contentType(MediaType.APPLICATION_JSON).content(body.getBytes(StandardCharsets.UTF_8));
        return mvc.perform(signature == null ? request : request.header("X-Carrier-Signature", signature));
    }

    ResultActions sendSigned(String body) throws Exception {
        return send("SF", body, sign(sfSecret(), body));
    }

    static String eventId() {
        return "SF-EVT-" + System.nanoTime();
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Test
    void recordsASignedEventFromTheCarrierAndMovesTheShipmentOn() throws Exception {
        ShipmentView shipment = fixtures.dispatched(fixtures.created());
        Instant at = now();
        String id = eventId();

        sendSigned(event(id, shipment.trackingNumber(), "PICKED_UP", at))
                .andExpect(status().isOk()).andExpect(jsonPath("$.outcome").value("RECORDED"));

        ShipmentDetails details = shipments.details(shipment.id());
        assertThat(details.shipment().status()).isEqualTo(ShipmentStatus.IN_TRANSIT);
        assertThat(details.shipment().lastTrackedAt()).isEqualTo(at);
        assertThat(details.tracking()).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo(TrackingSource.CARRIER);
            assertThat(e.carrierEventId()).isEqualTo(id);
            assertThat(e.type()).isEqualTo(TrackingEventType.PICKED_UP);
            assertThat(e.occurredAt()).isEqualTo(at);
            assertThat(e.location()).isEqualTo("深圳转运中心");
            assertThat(e.recordedBy()).isEqualTo("carrier:SF");
        });
        assertThat(details.steps()).last().satisfies(step -> {
            assertThat(step.status()).isEqualTo(ShipmentStatus.IN_TRANSIT);
            assertThat(step.actor()).isEqualTo("carrier:SF");
        });
    }

    @Test
    void aRepeatedDeliveryOfTheSameEventIdChangesNothing() throws Exception {
        ShipmentView shipment = fixtures.dispatched(fixtures.created());
        String id = eventId();
        String body = event(id, shipment.trackingNumber(), "DELIVERED", now());

        sendSigned(body).andExpect(jsonPath("$.outcome").value("RECORDED"));
        sendSigned(body).andExpect(status().isOk()).andExpect(jsonPath("$.outcome").value("DUPLICATE"));
        sendSigned(event(id, shipment.trackingNumber(), "LOST", now()))
                .andExpect(jsonPath("$.outcome").value("DUPLICATE"));

        ShipmentDetails details = shipments.details(shipment.id());
        assertThat(details.tracking()).hasSize(1);
        assertThat(details.shipment().status()).isEqualTo(ShipmentStatus.DELIVERED);
        await().untilAsserted(() -> assertThat(events.of(ShipmentDelivered.class))
                .filteredOn(e -> e.shipmentId().equals(shipment.id())).hasSize(1));
    }

    @Test
    void eventsArrivingOutOfOrderTakeTheirPlaceByTheirOwnTime() throws Exception {
        ShipmentView shipment = fixtures.dispatched(fixtures.created());
        Instant start = now();
        clock.advance(Duration.ofHours(5));
        String number = shipment.trackingNumber();

        sendSigned(event(eventId(), number, "DELIVERED", start.plus(Duration.ofHours(4)))).andExpect(status().isOk());
        sendSigned(event(eventId(), number, "PICKED_UP", start.plus(Duration.ofHours(1)))).andExpect(status().isOk());
        sendSigned(event(eventId(), number, "OUT_FOR_DELIVERY", start.plus(Duration.ofHours(3))))
                .andExpect(status().isOk());
        sendSigned(event(eventId(), number, "IN_TRANSIT", start.plus(Duration.ofHours(2)))).andExpect(status().isOk());

        ShipmentDetails details = shipments.details(shipment.id());
        assertThat(details.tracking()).extracting(TrackingEventView::type).containsExactly(TrackingEventType.PICKED_UP,
                TrackingEventType.IN_TRANSIT, TrackingEventType.OUT_FOR_DELIVERY, TrackingEventType.DELIVERED);
        assertThat(details.shipment().status()).isEqualTo(ShipmentStatus.DELIVERED);
        assertThat(details.shipment().deliveredAt()).isEqualTo(start.plus(Duration.ofHours(4)));
        assertThat(details.shipment().lastTrackedAt()).isEqualTo(start.plus(Duration.ofHours(4)));
    }

    @Test
    void refusesForgedTamperedAndUnsignedEventsLogsThemAndRecordsNothing(CapturedOutput output) throws Exception {
        ShipmentView shipment = fixtures.dispatched(fixtures.created());
        String body = event(eventId(), shipment.trackingNumber(), "DELIVERED", now());
        String zto = properties.carriers().get("ZTO").webhookSecret();

        send("SF", body, sign("not-the-carriers-secret", body)).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:shopops:problem:signature-invalid"));
        send("SF", body, sign(zto, body)).andExpect(status().isUnauthorized());
        send("SF", body.replace("DELIVERED", "LOST"), sign(sfSecret(), body)).andExpect(status().isUnauthorized());
        send("SF", body, null).andExpect(status().isUnauthorized());
        send("SF", "{not json", "sha256=00").andExpect(status().isUnauthorized());

        assertThat(tracking.timeline(shipment.id())).isEmpty();
        assertThat(shipments.shipment(shipment.id()).status()).isEqualTo(ShipmentStatus.DISPATCHED);
        assertThat(output.getOut()).contains("Refused a SF tracking event", "the signature does not match the body",
                "no signature");
    }

    @Test
    void refusesUnknownTrackingNumbersNamingTheFieldAndLogsThem(CapturedOutput output) throws Exception {
        String unknown = FulfilmentFixtures.sfTrackingNumber();

        sendSigned(event(eventId(), unknown, "DELIVERED", now())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("trackingNumber")));
        sendSigned(event(eventId(), "12345", "DELIVERED", now())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("trackingNumber")));

        assertThat(output.getOut()).contains("unknown tracking number " + unknown);
    }

    @Test
    void refusesUnknownCarriersAndUnreadableOrIncompleteEvents() throws Exception {
        ShipmentView shipment = fixtures.dispatched(fixtures.created());
        String body = event(eventId(), shipment.trackingNumber(), "DELIVERED", now());

        send("UPS", body, sign(sfSecret(), body)).andExpect(status().isNotFound());
        sendSigned("{\"eventId\":").andExpect(status().isBadRequest());
        sendSigned(body.replace("DELIVERED", "TELEPORTED")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("type")));
        sendSigned("{\"trackingNumber\":\"" + shipment.trackingNumber() + "\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("eventId")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("type")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("occurredAt")));
        sendSigned(event(eventId(), shipment.trackingNumber(), "DELIVERED", now().plus(Duration.ofDays(1))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field", hasItem("occurredAt")));

        assertThat(tracking.timeline(shipment.id())).isEmpty();
    }
}
