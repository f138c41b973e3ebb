package io.shopops.experiment;

import java.time.Duration;
import java.time.Instant;

import io.shopops.identity.Role;
import io.shopops.testing.CustomerFixtures;
import io.shopops.testing.ShopOpsTest;
import io.shopops.testing.StaffFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The experiments API over HTTP: refused definitions name their fields, the calculator, the whole life of an
 * experiment from the staff's and the storefront's side, and who may do what (docs/security.md).
 */
@ShopOpsTest
class ExperimentApiTests {

    private static final String ADMIN = "/api/v1/admin/experiments";

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffFixtures staff;
    @Autowired
    CustomerFixtures customers;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    ResultActions call(MockHttpServletRequestBuilder request, String bearer) throws Exception {
        return mvc.perform(request.header("Authorization", bearer));
    }

    ResultActions call(MockHttpServletRequestBuilder request, String bearer, String json) throws Exception {
        return mvc.perform(request.header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    ResultActions store(String path, String json) throws Exception {
        return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    static String definition(String key, String unit, String metric, String eventName, String variants,
            String extra) {
        Instant now = Instant.now();
        return """
                {"key":"%s","name":"Checkout button colour","hypothesis":"A green button converts better",
                 "unit":"%s","metric":"%s",%s"variants":%s,"baselineRate":0.10,"minimumDetectableEffect":0.20,
                 "plannedStart":"%s","plannedEnd":"%s"%s}""".formatted(key, unit, metric,
                eventName == null ? "" : "\"eventName\":\"" + eventName + "\",", variants,
                now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(14)), extra);
    }

    static final String FIFTY_FIFTY = """
            [{"key":"control","name":"Blue","weight":50,"control":true},
             {"key":"green","name":"Green","weight":50,"control":false}]""";

    @Test
    void aDefinitionWithWrongWeightsPercentsTimesAndControlsIsRefusedNamingEachField() throws Exception {
        String admin = staff.member(Role.MARKETING_OPS).bearer();
        Instant now = Instant.now();
        String broken = """
                {"key":"%s","name":"Broken","unit":"DEVICE","metric":"CUSTOM_EVENT","eventName":"signup",
                 "variants":[{"key":"a","name":"A","weight":60,"control":true},
                             {"key":"b","name":"B","weight":60,"control":true}],
                 "trafficPercent":150,"alpha":-0.1,"baselineRate":0.1,"minimumDetectableEffect":0.2,
                 "plannedStart":"%s","plannedEnd":"%s"}""".formatted(ExperimentFixtures.uniqueKey("broken"),
                now, now.minus(Duration.ofDays(1)));
        call(post(ADMIN), admin, broken)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItems("trafficPercent", "plannedEnd", "alpha", "variants")))
                .andExpect(jsonPath("$.errors[?(@.field == 'variants')].reason",
                        hasItems(containsString("exactly one control"), containsString("add up to 100 (they add up to 120)"))))
                .andExpect(jsonPath("$.errors[?(@.field == 'plannedEnd')].reason", hasItems("must be after plannedStart")));
    }

    @Test
    void negativeNumbersAreRefusedNamingEachField() throws Exception {
        String admin = staff.member(Role.MARKETING_OPS).bearer();
        String negative = definition(ExperimentFixtures.uniqueKey("negative"), "DEVICE", "CUSTOM_EVENT", "signup", """
                [{"key":"control","name":"A","weight":-10,"control":true},
                 {"key":"b","name":"B","weight":110,"control":false}]""", ",\"power\":-0.8,\"trafficPercent\":-5")
                .replace("\"baselineRate\":0.10", "\"baselineRate\":-0.1")
                .replace("\"minimumDetectableEffect\":0.20", "\"minimumDetectableEffect\":-0.2");
        call(post(ADMIN), admin, negative)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItems("variants[0].weight", "variants[1].weight",
                        "baselineRate", "minimumDetectableEffect", "power", "trafficPercent")));
    }

    @Test
    void anUnknownMetricOrAPaidOrderMetricForDevicesIsRefusedNamingTheField() throws Exception {
        String admin = staff.member(Role.MARKETING_OPS).bearer();
        call(post(ADMIN), admin, definition(ExperimentFixtures.uniqueKey("metric"), "DEVICE", "REVENUE", null,
                FIFTY_FIFTY, "")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItems("metric")));
        call(post(ADMIN), admin, definition(ExperimentFixtures.uniqueKey("metric"), "DEVICE", "ORDER_PAID", null,
                FIFTY_FIFTY, "")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItems("unit")));
        call(post(ADMIN), admin, definition(ExperimentFixtures.uniqueKey("metric"), "DEVICE", "CUSTOM_EVENT", null,
                FIFTY_FIFTY, "")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItems("eventName")));
    }

    @Test
    void theCalculatorAnswersTheStandardSampleSizeAndNamesParametersOutOfRange() throws Exception {
        String reader = staff.member(Role.DATA_OPS).bearer();
        call(get(ADMIN + "/sample-size?baselineRate=0.1&minimumDetectableEffect=0.2"), reader)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.perVariant").value(3841))
                .andExpect(jsonPath("$.alpha").value(0.05))
                .andExpect(jsonPath("$.power").value(0.8));
        call(get(ADMIN + "/sample-size?baselineRate=1.5&minimumDetectableEffect=-1&alpha=0.7&power=0.3"), reader)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItems("baselineRate", "minimumDetectableEffect", "alpha",
                        "power")));
        call(get(ADMIN + "/sample-size?baselineRate=abc&minimumDetectableEffect=0.2"), reader)
                .andExpect(status().isBadRequest());
    }

    @Test
    void anExperimentIsDefinedStartedAssignedConvertedReadEarlyAndStopped() throws Exception {
        String marketing = staff.member(Role.MARKETING_OPS).bearer();
        String key = ExperimentFixtures.uniqueKey("cta");
        call(post(ADMIN), marketing, definition(key, "DEVICE", "CUSTOM_EVENT", "signup", FIFTY_FIFTY, ""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.plannedSamplePerVariant").value(3841))
                .andExpect(jsonPath("$.version").value(0));
        call(post(ADMIN), marketing, definition(key, "DEVICE", "CUSTOM_EVENT", "signup", FIFTY_FIFTY, ""))
                .andExpect(status().isConflict());
        call(put(ADMIN + "/" + key), marketing, definition(key, "DEVICE", "CUSTOM_EVENT", "signup", FIFTY_FIFTY,
                ",\"version\":0").replace("Checkout button colour", "Checkout CTA"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("Checkout CTA"))
                .andExpect(jsonPath("$.version").value(1));
        call(put(ADMIN + "/" + key), marketing, definition(key, "DEVICE", "CUSTOM_EVENT", "signup", FIFTY_FIFTY,
                ",\"version\":0")).andExpect(status().isConflict());

        // a draft assigns nobody
        store("/api/v1/store/experiments/" + key + "/assignment", "{\"deviceId\":\"d-1\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.inExperiment").value(false))
                .andExpect(jsonPath("$.reason").value("NOT_RUNNING"));
        call(post(ADMIN + "/" + key + "/start"), marketing, "{\"version\":1}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RUNNING"));

        String variant = com.jayway.jsonpath.JsonPath.read(store("/api/v1/store/experiments/" + key + "/assignment",
                "{\"deviceId\":\"d-1\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.inExperiment").value(true)).andExpect(jsonPath("$.reason").value("ASSIGNED"))
                .andReturn().getResponse().getContentAsString(), "$.variant");
        store("/api/v1/store/experiments/" + key + "/assignment", "{\"deviceId\":\"d-1\"}")
                .andExpect(jsonPath("$.variant").value(variant));
        store("/api/v1/store/experiments/" + key + "/conversions", "{\"deviceId\":\"d-1\",\"event\":\"signup\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.counted").value(true));
        store("/api/v1/store/experiments/" + key + "/conversions", "{\"deviceId\":\"d-1\",\"event\":\"signup\"}")
                .andExpect(jsonPath("$.counted").value(false)).andExpect(jsonPath("$.reason").value("ALREADY_COUNTED"));
        store("/api/v1/store/experiments/" + key + "/conversions", "{\"deviceId\":\"d-1\",\"event\":\"purchase\"}")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("event"));
        store("/api/v1/store/experiments/" + key + "/assignment", "{}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("deviceId"));
        store("/api/v1/store/experiments/" + key + "/assignment", "{\"deviceId\":\"bad\\u0000id\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("deviceId"));
        store("/api/v1/store/experiments/" + key + "/assignment", "{\"deviceId\":\"" + "x".repeat(129) + "\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("deviceId"));
        store("/api/v1/store/experiments/no-such-experiment/assignment", "{\"deviceId\":\"d-1\"}")
                .andExpect(status().isNotFound());

        call(get(ADMIN + "/" + key + "/results"), staff.member(Role.DATA_OPS).bearer())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.conclusive").value(false))
                .andExpect(jsonPath("$.warning", containsString(
                        "reading early: the planned sample is 3,841 per variant, you have 0 — do not conclude before then")))
                .andExpect(jsonPath("$.variants[?(@.key == '" + variant + "')].exposures", hasItems(1)))
                .andExpect(jsonPath("$.variants[?(@.key == '" + variant + "')].conversions", hasItems(1)))
                .andExpect(jsonPath("$.comparisons[0].variant").value("green"));

        call(post(ADMIN + "/" + key + "/stop"), marketing, "{\"version\":2,\"winner\":\"purple\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("winner"));
        call(post(ADMIN + "/" + key + "/stop"), marketing, "{\"version\":2,\"winner\":\"green\",\"conclusion\":\"ship it\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("STOPPED"))
                .andExpect(jsonPath("$.winner").value("green"));
        call(put(ADMIN + "/" + key), marketing, definition(key, "DEVICE", "CUSTOM_EVENT", "signup", FIFTY_FIFTY,
                ",\"version\":3")).andExpect(status().isUnprocessableContent());
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("""
                SELECT action FROM audit_entry WHERE entity_type = 'experiment' AND entity_id = :key ORDER BY id
                """).param("key", key).query(String.class).list()).containsExactly("EXPERIMENT_CREATED",
                "EXPERIMENT_UPDATED", "EXPERIMENT_STARTED", "EXPERIMENT_STOPPED");
        call(get(ADMIN + "?status=STOPPED&size=200"), marketing)
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[*].key", hasItems(key)));
    }

    @Test
    void aCustomerExperimentAssignsTheSignedInCustomerAndAsksAnybodyElseToSignIn() throws Exception {
        String marketing = staff.member(Role.MARKETING_OPS).bearer();
        String key = ExperimentFixtures.uniqueKey("members");
        call(post(ADMIN), marketing, definition(key, "CUSTOMER", "ORDER_PAID", null, FIFTY_FIFTY, ""))
                .andExpect(status().isCreated());
        call(post(ADMIN + "/" + key + "/start"), marketing, "{\"version\":0}").andExpect(status().isOk());

        store("/api/v1/store/experiments/" + key + "/assignment", "{\"deviceId\":\"d-9\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.reason").value("SIGN_IN_REQUIRED"));
        String bearer = customers.signedIn().bearer();
        mvc.perform(post("/api/v1/store/experiments/" + key + "/assignment").header("Authorization", bearer))
                .andExpect(status().isOk()).andExpect(jsonPath("$.reason").value("ASSIGNED"))
                .andExpect(jsonPath("$.variant", not(containsString(" "))));
        mvc.perform(post("/api/v1/store/experiments/" + key + "/conversions").header("Authorization", bearer)
                .contentType(MediaType.APPLICATION_JSON).content("{\"event\":\"order_paid\"}"))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void readersReadWritersDefineAndOnlyPublishersStartOrStop() throws Exception {
        String key = ExperimentFixtures.uniqueKey("rbac");
        String body = definition(key, "DEVICE", "CUSTOM_EVENT", "signup", FIFTY_FIFTY, "");
        call(post(ADMIN), staff.member(Role.DATA_OPS).bearer(), body).andExpect(status().isForbidden());
        call(post(ADMIN), staff.member(Role.WAREHOUSE).bearer(), body).andExpect(status().isForbidden());
        call(post(ADMIN), staff.member(Role.OPS_MANAGER).bearer(), body).andExpect(status().isCreated());
        call(get(ADMIN + "/" + key), staff.member(Role.PRODUCT_OPS).bearer()).andExpect(status().isOk());
        call(get(ADMIN + "/" + key), staff.member(Role.WAREHOUSE).bearer()).andExpect(status().isForbidden());
        call(post(ADMIN + "/" + key + "/start"), staff.member(Role.PRODUCT_OPS).bearer(), "{\"version\":0}")
                .andExpect(status().isForbidden());
        call(post(ADMIN + "/" + key + "/start"), staff.member(Role.CUSTOMER_OPS).bearer(), "{\"version\":0}")
                .andExpect(status().isForbidden());
        call(post(ADMIN + "/" + key + "/start"), staff.member(Role.MARKETING_OPS).bearer(), "{\"version\":0}")
                .andExpect(status().isOk());
        mvc.perform(get(ADMIN + "/" + key)).andExpect(status().isUnauthorized());
    }
}
