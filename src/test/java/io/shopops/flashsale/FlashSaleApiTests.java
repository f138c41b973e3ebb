package io.shopops.flashsale;

import java.time.Duration;
import java.time.Instant;

import io.shopops.catalog.SkuId;
import io.shopops.identity.Role;
import io.shopops.testing.CustomerFixtures;
import io.shopops.testing.ShopOpsTest;
import io.shopops.testing.StaffFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The staff's and the customers' flash-sale API over HTTP: a session's life, attempts, bad input named by field. */
@ShopOpsTest
@Import(FlashSaleTestConfiguration.class)
class FlashSaleApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffFixtures staff;
    @Autowired
    CustomerFixtures customers;
    @Autowired
    FlashSaleFixtures fixtures;

    ResultActions call(MockHttpServletRequestBuilder request, String bearer) throws Exception {
        return mvc.perform(request.header("Authorization", bearer));
    }

    ResultActions call(MockHttpServletRequestBuilder request, String bearer, String json) throws Exception {
        return mvc.perform(request.header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    String session(String name, Instant startsAt, Instant endsAt, String items) {
        return """
                {"name":"%s","startsAt":"%s","endsAt":"%s","payWindowMinutes":10,"items":[%s]}"""
                .formatted(name, startsAt, endsAt, items);
    }

    static String item(SkuId sku, String flashPrice, Object quota) {
        return "{\"skuId\":%d,\"flashPrice\":%s,\"quota\":%s}".formatted(sku.value(), flashPrice, quota);
    }

    static long id(ResultActions created) throws Exception {
        String body = created.andReturn().getResponse().getContentAsString();
        return Long.parseLong(body.replaceAll("(?s)^\\{\"id\":(\\d+),.*", "$1"));
    }

    @Test
    void staffCreateEditAndScheduleASessionAndACustomerGetsOneUnitHoweverOftenTheyClick() throws Exception {
        SkuId sku = fixtures.sku("100.00", 5); // less stock than the quota: a warning, not a refusal
        Instant now = fixtures.now();
        String marketer = staff.member(Role.MARKETING_OPS).bearer();

        ResultActions created = call(post("/api/v1/admin/flash-sales"), marketer,
                session("双十一 0 点秒杀", now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofHours(1)),
                        item(sku, "59.90", 10)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/v1/admin/flash-sales/")))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.items[0].flashPrice.amount").value(59.90))
                .andExpect(jsonPath("$.items[0].perCustomerLimit").value(1))
                .andExpect(jsonPath("$.warnings[*].field", hasItem("items[0].quota")));
        long id = id(created);
        call(put("/api/v1/admin/flash-sales/" + id), marketer, session("双十一 0 点秒杀", now.minus(Duration.ofMinutes(1)),
                now.plus(Duration.ofHours(1)), item(sku, "49.90", 10)).replace("}]}", "}],\"version\":0}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[0].flashPrice.amount").value(49.90))
                .andExpect(jsonPath("$.version").value(1));
        call(put("/api/v1/admin/flash-sales/" + id), marketer, session("stale", now, now.plus(Duration.ofHours(1)),
                item(sku, "49.90", 10)).replace("}]}", "}],\"version\":0}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].field").value("version"));
        call(post("/api/v1/admin/flash-sales/" + id + "/schedule"), staff.member(Role.PRODUCT_OPS).bearer(),
                "{\"version\":1}").andExpect(status().isForbidden());
        call(post("/api/v1/admin/flash-sales/" + id + "/schedule"), marketer, "{\"version\":1}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SCHEDULED"))
                .andExpect(jsonPath("$.running").value(true));
        call(put("/api/v1/admin/flash-sales/" + id), marketer, session("too late", now, now.plus(Duration.ofHours(1)),
                item(sku, "49.90", 10)).replace("}]}", "}],\"version\":2}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.type", containsString("not-a-draft")));

        String attempts = "/api/v1/store/flash-sales/" + id + "/items/" + sku.value() + "/attempts";
        String bearer = customers.signedIn().bearer();
        String first = call(post(attempts), bearer, "{\"quantity\":1}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.accepted").value(true))
                .andExpect(jsonPath("$.repeated").value(false))
                .andExpect(jsonPath("$.entitlement.status").value("ACCEPTED"))
                .andReturn().getResponse().getContentAsString();
        long entitlement = Long.parseLong(first.replaceAll("(?s).*\"entitlement\":\\{\"id\":(\\d+),.*", "$1"));
        call(post(attempts), bearer).andExpect(status().isOk()).andExpect(jsonPath("$.repeated").value(true))
                .andExpect(jsonPath("$.entitlement.id").value(entitlement));
        call(get("/api/v1/store/flash-sales/entitlements"), bearer).andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].id").value(entitlement));

        String reader = staff.member(Role.DATA_OPS).bearer();
        call(get("/api/v1/admin/flash-sales/" + id), reader).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].figures.taken").value(1))
                .andExpect(jsonPath("$.items[0].figures.holding").value(1));
        call(get("/api/v1/admin/flash-sales/" + id + "/figures"), reader)
                .andExpect(jsonPath("$[0].quota").value(10)).andExpect(jsonPath("$[0].taken").value(1));
        call(get("/api/v1/admin/flash-sales?status=SCHEDULED&size=200"), reader)
                .andExpect(jsonPath("$.items[*].id", hasItem((int) id)));
        call(get("/api/v1/admin/audit-entries?entityType=flash-sale&entityId=" + id), staff.member(Role.ADMIN).bearer())
                .andExpect(jsonPath("$.items[*].action", hasItem("FLASH_SALE_SCHEDULED")))
                .andExpect(jsonPath("$.items[*].action", hasItem("FLASH_SALE_UPDATED")))
                .andExpect(jsonPath("$.items[*].action", hasItem("FLASH_SALE_CREATED")));

        call(post("/api/v1/admin/flash-sales/" + id + "/cancel"), marketer, "{\"reason\":\"\",\"version\":2}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        call(post("/api/v1/admin/flash-sales/" + id + "/cancel"), marketer, "{\"reason\":\"价格填错\",\"version\":2}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CANCELLED"))
                .andExpect(jsonPath("$.items[0].figures.taken").value(0));
        call(post(attempts), customers.signedIn().bearer(), "{\"quantity\":1}")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.type", containsString("not-running")));
    }

    @Test
    void attemptsAreRefusedWithTheirCodeAndABotClickingTooFastIsToldToWait() throws Exception {
        SkuId sku = fixtures.sku("100.00", 50);
        FlashSaleView sale = fixtures.running(sku, "49.00", 1, 1);
        String attempts = "/api/v1/store/flash-sales/" + sale.id() + "/items/" + sku.value() + "/attempts";

        String bearer = customers.signedIn().bearer();
        call(post(attempts), bearer, "{\"quantity\":2}").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type", containsString("limit-reached")))
                .andExpect(jsonPath("$.errors[0].field").value("quantity"));
        call(post(attempts), bearer, "{\"quantity\":\"many\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("quantity"));
        call(post(attempts), bearer, "{\"quantity\":0}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("quantity"));
        call(post(attempts), bearer, "{\"quantity\":1}").andExpect(status().isCreated());
        call(post(attempts), customers.signedIn().bearer(), "{\"quantity\":1}")
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.type", containsString("sold-out")));
        call(post("/api/v1/store/flash-sales/" + sale.id() + "/items/999999999/attempts"), bearer, "{}")
                .andExpect(status().isNotFound());
        call(post("/api/v1/store/flash-sales/abc/items/1/attempts"), bearer, "{}")
                .andExpect(status().isBadRequest());
        call(post(attempts), staff.member(Role.ADMIN).bearer(), "{}").andExpect(status().isUnauthorized());
        mvc.perform(post(attempts).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized());

        String bot = customers.signedIn().bearer();
        int throttled = 0;
        for (int i = 0; i < 12; i++) {
            int answer = call(post(attempts), bot, "{\"quantity\":1}").andReturn().getResponse().getStatus();
            if (answer == 429) {
                throttled++;
                call(post(attempts), bot, "{\"quantity\":1}").andExpect(header().string("Retry-After", "1"))
                        .andExpect(jsonPath("$.type", containsString("too-many-attempts")));
            }
        }
        org.assertj.core.api.Assertions.assertThat(throttled).isPositive();
    }

    @Test
    void badSessionsAreRefusedNamingEachField() throws Exception {
        SkuId sku = fixtures.sku("100.00", 50); // cost 40.00
        Instant now = fixtures.now();
        Instant start = now.plus(Duration.ofDays(2));
        Instant end = start.plus(Duration.ofHours(1));
        String marketer = staff.member(Role.MARKETING_OPS).bearer();
        String path = "/api/v1/admin/flash-sales";

        call(post(path), marketer, session("x", start, end, item(sku, "100.00", 10)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type", containsString("flash-price-not-below-sale-price")))
                .andExpect(jsonPath("$.errors[0].field").value("items[0].flashPrice"));
        call(post(path), marketer, session("x", start, end, item(sku, "39.99", 10)))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.type", containsString("below-cost")))
                .andExpect(jsonPath("$.errors[0].field").value("items[0].flashPrice"));
        call(post(path), marketer, session("x", start, end,
                item(sku, "39.99", 10).replace("}", ",\"belowCostAllowed\":true}")))
                .andExpect(status().isCreated());
        // the same SKU again in an overlapping window
        call(post(path), marketer, session("y", start.plus(Duration.ofMinutes(30)), end.plus(Duration.ofHours(1)),
                item(sku, "50.00", 10)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type", containsString("overlapping-session")))
                .andExpect(jsonPath("$.errors[0].field").value("items[0].skuId"));
        call(post(path), marketer, session("x", start, end, item(sku, "50.00", 0)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("items[0].quota"));
        call(post(path), marketer, session("x", start, end, item(sku, "50.00", 1_000_000_000)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("items[0].quota"));
        call(post(path), marketer, session("x", start, end, item(sku, "50.00", "\"many\"")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("items[0].quota"));
        call(post(path), marketer, session("x", end, start, item(sku, "50.00", 10)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("endsAt"));
        call(post(path), marketer, session("x", start, end, item(new SkuId(999_999_999L), "50.00", 10)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("items[0].skuId"));
        call(post(path), marketer, session("", start, end, item(sku, "-1", 10).replace("}", ",\"perCustomerLimit\":11}")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("name")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("items[0].flashPrice")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("items[0].perCustomerLimit")));
        call(post(path), marketer, session("x", start, end, item(sku, "50.001", 10)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("items[0].flashPrice"));
        call(post(path), marketer, "{\"name\":\"x\",\"startsAt\":\"tomorrow\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("startsAt"));
        call(post(path), marketer, session("x", start, end, "")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("items"));
        call(post(path), marketer, session("x", start, end, item(sku, "50.00", 10)).replace("\"payWindowMinutes\":10",
                "\"payWindowMinutes\":90")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("payWindowMinutes"));
        call(post(path), staff.member(Role.DATA_OPS).bearer(), session("x", start, end, item(sku, "50.00", 10)))
                .andExpect(status().isForbidden());
        call(get(path + "/999999999"), marketer).andExpect(status().isNotFound());
        call(post(path + "/999999999/schedule"), marketer, "{\"version\":0}").andExpect(status().isNotFound());
        call(post(path + "/1/schedule"), marketer, "{}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("version"));
    }
}
