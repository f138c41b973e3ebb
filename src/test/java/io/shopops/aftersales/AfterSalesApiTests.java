package io.shopops.aftersales;

import java.time.Duration;

import io.shopops.identity.Role;
import io.shopops.testing.ShopOpsTest;
import io.shopops.testing.StaffFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The customer's and the staff's after-sales API over HTTP: the whole return, idempotent retries, bad input. */
@ShopOpsTest
@Import(AfterSalesTestConfiguration.class)
class AfterSalesApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    AfterSalesFixtures fixtures;
    @Autowired
    StaffFixtures staff;
    @Autowired
    AfterSales afterSales;

    ResultActions call(MockHttpServletRequestBuilder request, String bearer) throws Exception {
        return mvc.perform(request.header("Authorization", bearer));
    }

    ResultActions call(MockHttpServletRequestBuilder request, String bearer, String json) throws Exception {
        return mvc.perform(request.header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    static final String RETURN_TWO = """
            {"kind":"RETURN_AND_REFUND","reason":"NO_REASON","description":"尺码不合适",
             "evidenceUrls":["https://img.example.com/a.jpg"],"lines":[{"lineNo":1,"quantity":2}]}""";

    @Test
    void aCustomerReturnsGoodsAndStaffReceiveThemUntilTheMoneyIsBack() throws Exception {
        AfterSalesFixtures.Bought bought = fixtures.delivered();
        String bearer = bought.shopper().bearer();
        String path = "/api/v1/store/orders/" + bought.order().id() + "/after-sales";

        String created = call(post(path).header("Idempotency-Key", "as-" + bought.order().id()), bearer, RETURN_TWO)
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/v1/store/after-sales/")))
                .andExpect(jsonPath("$.status").value("REQUESTED"))
                .andExpect(jsonPath("$.refundAmount.amount").value(100.00))
                .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(created.replaceAll("(?s)^\\{\"id\":(\\d+),.*", "$1"));
        // the same key and body again: the same request, not a second one
        call(post(path).header("Idempotency-Key", "as-" + bought.order().id()), bearer, RETURN_TWO)
                .andExpect(status().isCreated()).andExpect(jsonPath("$.id").value(id));
        call(post(path).header("Idempotency-Key", "as-" + bought.order().id()), bearer,
                RETURN_TWO.replace("\"quantity\":2", "\"quantity\":1"))
                .andExpect(status().isUnprocessableContent());
        call(get("/api/v1/store/after-sales"), bearer).andExpect(jsonPath("$.totalItems").value(1));

        StaffFixtures.Member service = staff.member(Role.CUSTOMER_OPS);
        call(post("/api/v1/admin/after-sales/" + id + "/approve"), service.bearer(), "{\"note\":\"同意\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"));
        call(post("/api/v1/store/after-sales/" + id + "/return-shipment"), bearer,
                "{\"carrier\":\"顺丰\",\"trackingNumber\":\"' OR 1=1 --\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("trackingNumber"));
        call(post("/api/v1/store/after-sales/" + id + "/return-shipment"), bearer,
                "{\"carrier\":\"顺丰\",\"trackingNumber\":\"SF1234567890123\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RETURN_SHIPPED"));
        call(post("/api/v1/admin/after-sales/" + id + "/receive"), service.bearer(),
                "{\"lines\":[{\"lineNo\":1,\"restocked\":2,\"damaged\":0}]}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RECEIVED"));

        await().atMost(Duration.ofSeconds(20)).until(() -> afterSales.request(new AfterSalesId(id)).status()
                == AfterSalesStatus.REFUNDED);
        call(get("/api/v1/store/after-sales/" + id), bearer)
                .andExpect(jsonPath("$.status").value("REFUNDED"))
                .andExpect(jsonPath("$.refundProgress").value("SUCCEEDED"));
        call(get("/api/v1/admin/after-sales?number=" + bought.order().orderNumber()), service.bearer())
                .andExpect(jsonPath("$.items[0].id").value(id)).andExpect(jsonPath("$.items[0].units").value(2));
        call(get("/api/v1/admin/after-sales/orders/" + bought.order().id()), service.bearer())
                .andExpect(jsonPath("$[0].status").value("REFUNDED"));
        call(get("/api/v1/admin/after-sales/counts"), service.bearer()).andExpect(jsonPath("$.REFUNDED").isNumber());
        call(get("/api/v1/admin/audit-entries?entityType=after-sales&entityId=" + id), staff.member(Role.ADMIN).bearer())
                .andExpect(jsonPath("$.items[*].action", hasItem("AFTER_SALES_RECEIVED")));
    }

    @Test
    void badRequestsAreRefusedNamingTheFieldAndWriteNothing() throws Exception {
        AfterSalesFixtures.Bought bought = fixtures.delivered();
        String bearer = bought.shopper().bearer();
        String path = "/api/v1/store/orders/" + bought.order().id() + "/after-sales";

        call(post(path), bearer, "{\"kind\":\"EXCHANGE\",\"reason\":\"NO_REASON\",\"lines\":[]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("kind"));
        call(post(path), bearer, "{\"kind\":\"RETURN_AND_REFUND\",\"reason\":\"NO_REASON\",\"lines\":[{\"lineNo\":1,\"quantity\":\"two\"}]}")
                .andExpect(status().isBadRequest());
        call(post(path), bearer, "{\"kind\":\"RETURN_AND_REFUND\",\"reason\":\"NO_REASON\",\"lines\":[{\"lineNo\":1,\"quantity\":1000000000}]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("lines[0].quantity"));
        call(post(path), bearer, "{\"kind\":\"REFUND_ONLY\",\"reason\":\"QUALITY_ISSUE\",\"lines\":[{\"lineNo\":2,\"amount\":-5}]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field", hasItem("lines[0].amount")));
        call(post(path), bearer, "{\"kind\":\"REFUND_ONLY\",\"reason\":\"QUALITY_ISSUE\",\"lines\":[{\"lineNo\":2,\"amount\":80.01}]}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type", containsString("refund-exceeds-paid")));
        call(post(path), bearer, "{\"kind\":\"REFUND_ONLY\",\"reason\":\"QUALITY_ISSUE\",\"lines\":[{\"lineNo\":2,\"amount\":1.001}]}")
                .andExpect(status().isBadRequest());
        call(post(path), bearer, "").andExpect(status().isBadRequest());
        call(post("/api/v1/store/orders/999999999/after-sales"), bearer, RETURN_TWO).andExpect(status().isNotFound());
        call(post(path), fixtures.paid().shopper().bearer(), RETURN_TWO).andExpect(status().isNotFound());
        call(get("/api/v1/store/after-sales"), bearer).andExpect(jsonPath("$.totalItems").value(0));

        StaffFixtures.Member service = staff.member(Role.CUSTOMER_OPS);
        call(post("/api/v1/admin/after-sales/999999999/approve"), service.bearer(), "{}").andExpect(status().isNotFound());
        call(post("/api/v1/admin/after-sales/1/reject"), service.bearer(), "{\"reason\":\"\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        call(post("/api/v1/admin/after-sales/1/approve"), staff.member(Role.DATA_OPS).bearer(), "{}")
                .andExpect(status().isForbidden());
    }
}
