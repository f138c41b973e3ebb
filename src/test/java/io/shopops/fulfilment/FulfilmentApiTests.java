package io.shopops.fulfilment;

import java.time.Duration;
import java.time.Instant;

import io.shopops.fulfilment.FulfilmentFixtures.Order;
import io.shopops.identity.Role;
import io.shopops.inventory.MutableClock;
import io.shopops.testing.ShopOpsTest;
import io.shopops.testing.StaffFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The fulfilment REST API as a client uses it: JSON in and out, problem details for every refusal. */
@ShopOpsTest
@Import(FulfilmentTestConfiguration.class)
class FulfilmentApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffFixtures staff;
    @Autowired
    FulfilmentFixtures fixtures;
    @Autowired
    Shipments shipments;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    StaffFixtures.Member warehouse;
    StaffFixtures.Member analyst;

    @BeforeEach
    void members() {
        warehouse = staff.member(Role.WAREHOUSE);
        analyst = staff.member(Role.DATA_OPS);
    }

    static String json(Order order) {
        NewShipment s = order.shipment();
        return """
                {"orderReference":"%s","warehouseId":%d,"reservationId":%d,
                 "lines":[{"skuId":%d,"quantity":%d},{"skuId":%d,"quantity":%d}],
                 "destination":{"recipientName":"%s","phone":"%s","province":"上海市","city":"上海市",
                                "district":"浦东新区","detail":"%s","postalCode":"200120"},
                 "promisedAt":"%s","shippingMethod":"EXPRESS"}
                """.formatted(s.orderReference(), s.warehouseId().value(), s.reservationId().value(),
                s.lines().get(0).skuId().value(), s.lines().get(0).quantity(), s.lines().get(1).skuId().value(),
                s.lines().get(1).quantity(), FulfilmentFixtures.RECIPIENT, FulfilmentFixtures.PHONE,
                FulfilmentFixtures.DETAIL, s.promisedAt());
    }

    ResultActions postJson(String path, StaffFixtures.Member member, String body) throws Exception {
        return mvc.perform(post(path).header("Authorization", member.bearer()).contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    long shipmentCount() {
        return jdbc.sql("SELECT COUNT(*) FROM shipment").query(Long.class).single();
    }

    @Test
    void createsAShipmentAndReadsItBackWithItsSteps() throws Exception {
        Order order = fixtures.order();

        String location = postJson("/api/v1/admin/fulfilment/shipments", warehouse, json(order))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("CREATED"))
                .andExpect(jsonPath("$.shippingMethod").value("EXPRESS"))
                .andExpect(jsonPath("$.reservationId").value(order.reservation().id().value()))
                .andExpect(jsonPath("$.destination.phone").value(FulfilmentFixtures.PHONE))
                .andReturn().getResponse().getHeader("Location");

        mvc.perform(get(location).header("Authorization", warehouse.bearer())).andExpect(status().isOk())
                .andExpect(jsonPath("$.shipment.orderReference").value(order.shipment().orderReference()))
                .andExpect(jsonPath("$.shipment.lines[0].quantity").value(2))
                .andExpect(jsonPath("$.shipment.late").value(false))
                .andExpect(jsonPath("$.steps[0].status").value("CREATED"))
                .andExpect(jsonPath("$.steps[0].actor").value(warehouse.username()))
                .andExpect(jsonPath("$.tracking").isEmpty());
    }

    @Test
    void readersWhoDoNotPrintLabelsSeeTheRecipientMasked() throws Exception {
        ShipmentView shipment = fixtures.created();

        mvc.perform(get("/api/v1/admin/fulfilment/shipments/{id}", shipment.id().value())
                        .header("Authorization", analyst.bearer())).andExpect(status().isOk())
                .andExpect(jsonPath("$.shipment.destination.recipientName").value("欧***"))
                .andExpect(jsonPath("$.shipment.destination.phone").value("139****5678"))
                .andExpect(jsonPath("$.shipment.destination.detail").value("****"))
                .andExpect(jsonPath("$.shipment.destination.city").value("上海市"));
        mvc.perform(get("/api/v1/admin/fulfilment/shipments").param("orderReference", shipment.orderReference())
                        .header("Authorization", analyst.bearer())).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].destination.phone").value("139****5678"));
        mvc.perform(get("/api/v1/admin/fulfilment/shipments/{id}", shipment.id().value())
                        .header("Authorization", warehouse.bearer()))
                .andExpect(jsonPath("$.shipment.destination.recipientName").value(FulfilmentFixtures.RECIPIENT))
                .andExpect(jsonPath("$.shipment.destination.detail").value(FulfilmentFixtures.DETAIL));
    }

    @Test
    void refusesBadInputNamingTheFieldsAndWritesNothing() throws Exception {
        Order order = fixtures.order();
        long before = shipmentCount();

        postJson("/api/v1/admin/fulfilment/shipments", warehouse, json(order).replace("\"quantity\":2", "\"quantity\":1.5"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("lines[0].quantity")));
        postJson("/api/v1/admin/fulfilment/shipments", warehouse, json(order).replace("EXPRESS", "BICYCLE"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field", hasItem("shippingMethod")));
        postJson("/api/v1/admin/fulfilment/shipments", warehouse, json(order)
                .replace(FulfilmentFixtures.PHONE, "phone me").replace("200120", "2001"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("destination.phone",
                        "destination.postalCode")));
        postJson("/api/v1/admin/fulfilment/shipments", warehouse, "{\"orderReference\":\"SO-1\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("destination")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("lines")));
        postJson("/api/v1/admin/fulfilment/shipments", warehouse, json(order).replace("\"quantity\":1}", "\"quantity\":2}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:shopops:problem:reservation-mismatch"))
                .andExpect(jsonPath("$.errors[0].field").value("lines"));

        assertThat(shipmentCount()).isEqualTo(before);
    }

    @Test
    void picksPacksDispatchesTracksAndRefusesWhatTheStatusDoesNotAllow() throws Exception {
        ShipmentView shipment = fixtures.created();
        String base = "/api/v1/admin/fulfilment/shipments/" + shipment.id().value();
        String trackingNumber = FulfilmentFixtures.sfTrackingNumber();

        postJson(base + "/status", warehouse, "{\"status\":\"PACKED\"}").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:shopops:problem:illegal-transition"));
        postJson(base + "/status", warehouse, "{\"status\":\"PICKING\",\"note\":\"wave 7\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PICKING"));
        postJson(base + "/status", warehouse, "{\"status\":\"PACKED\"}").andExpect(status().isOk());
        postJson(base + "/dispatch", warehouse, "{\"carrier\":\"SF\",\"trackingNumber\":\"bad\",\"weightGrams\":500}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("trackingNumber"));
        postJson(base + "/dispatch", warehouse, "{\"carrier\":\"SF\",\"trackingNumber\":\"" + trackingNumber
                + "\",\"weightGrams\":500}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DISPATCHED"))
                .andExpect(jsonPath("$.logisticsCost.amount").value(12.00))
                .andExpect(jsonPath("$.costBasis").value("CARRIER_RATE"));
        postJson(base + "/cancel", warehouse, "{\"reason\":\"too late\"}").andExpect(status().isUnprocessableContent());
        postJson(base + "/tracking-events", warehouse, "{\"type\":\"DELIVERED\",\"occurredAt\":\"" + clock.instant()
                + "\",\"description\":\"本人签收\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.shipment.status").value("DELIVERED"))
                .andExpect(jsonPath("$.shipment.punctuality").value("ON_TIME"))
                .andExpect(jsonPath("$.tracking[0].source").value("MANUAL"));
        postJson(base + "/tracking-events", warehouse, "{\"type\":\"DELIVERED\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("occurredAt"));

        mvc.perform(get("/api/v1/admin/fulfilment/shipments").param("carrier", "sf").param("status", "DELIVERED")
                        .param("size", "200").header("Authorization", analyst.bearer()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[*].trackingNumber", hasItem(trackingNumber)));
        mvc.perform(get("/api/v1/admin/fulfilment/shipments").param("carrier", "ZTO").param("size", "200")
                        .header("Authorization", analyst.bearer()))
                .andExpect(jsonPath("$.items[*].trackingNumber", not(hasItem(trackingNumber))));
    }

    @Test
    void listsLateAndStuckShipmentsAndFiltersByWarehouse() throws Exception {
        Order order = fixtures.order(clock.instant().plus(Duration.ofHours(12)), 1);
        ShipmentView stuck = fixtures.dispatched(shipments.create(order.shipment()));
        clock.advance(Duration.ofHours(50));

        mvc.perform(get("/api/v1/admin/fulfilment/late-and-stuck").param("size", "200")
                        .header("Authorization", analyst.bearer())).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.id == %d)].late".formatted(stuck.id().value())).value(true))
                .andExpect(jsonPath("$.items[?(@.id == %d)].stuck".formatted(stuck.id().value())).value(true))
                .andExpect(jsonPath("$.items[?(@.id == %d)].destination.phone".formatted(stuck.id().value()))
                        .value("139****5678"));
        mvc.perform(get("/api/v1/admin/fulfilment/shipments").param("warehouseId", order.warehouse().id().toString())
                        .param("stuck", "true").header("Authorization", analyst.bearer()))
                .andExpect(jsonPath("$.totalItems").value(1)).andExpect(jsonPath("$.items[0].id").value(stuck.id().value()));
        mvc.perform(get("/api/v1/admin/fulfilment/shipments").param("warehouseId", order.warehouse().id().toString())
                        .param("status", "CREATED").header("Authorization", analyst.bearer()))
                .andExpect(jsonPath("$.totalItems").value(0));
    }

    @Test
    void servesPickListsPerformanceAndCarriers() throws Exception {
        Order order = fixtures.order();
        shipments.create(order.shipment());

        mvc.perform(get("/api/v1/admin/fulfilment/warehouses/{id}/pick-list", order.warehouse().id().value())
                        .header("Authorization", analyst.bearer())).andExpect(status().isOk())
                .andExpect(jsonPath("$.warehouseCode").value(order.warehouse().code()))
                .andExpect(jsonPath("$.shipments").value(1))
                .andExpect(jsonPath("$.lines[0].skuCode").value(order.skus().get(0).skuCode()))
                .andExpect(jsonPath("$.lines[0].allocations[0].orderReference").value(order.shipment().orderReference()));
        mvc.perform(get("/api/v1/admin/fulfilment/warehouses/{id}/pick-list", 987654321L)
                .header("Authorization", analyst.bearer())).andExpect(status().isNotFound());
        Instant now = clock.instant();
        mvc.perform(get("/api/v1/admin/fulfilment/performance").param("from", now.minus(Duration.ofDays(7)).toString())
                        .param("to", now.toString()).header("Authorization", analyst.bearer()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.overall.delivered").isNumber());
        mvc.perform(get("/api/v1/admin/fulfilment/performance").param("from", now.toString())
                        .param("to", now.minus(Duration.ofDays(1)).toString()).header("Authorization", analyst.bearer()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("to"));
        mvc.perform(get("/api/v1/admin/fulfilment/carriers").header("Authorization", analyst.bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code", containsInAnyOrder("JD", "SF", "YTO", "ZTO")))
                .andExpect(jsonPath("$[0].webhookSecret").doesNotExist())
                .andExpect(header().doesNotExist("Set-Cookie"));
    }
}
