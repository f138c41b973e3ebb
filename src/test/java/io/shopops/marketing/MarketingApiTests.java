package io.shopops.marketing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.shopops.catalog.SkuId;
import io.shopops.identity.Role;
import io.shopops.ordering.OrderFixtures;
import io.shopops.testing.ShopOpsTest;
import io.shopops.testing.StaffFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Promotions and coupons over HTTP: the operator's flow, refused definitions naming each field, the store side. */
@ShopOpsTest
@Import(MarketingTestConfiguration.class)
class MarketingApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffFixtures staff;
    @Autowired
    OrderFixtures orders;
    @Autowired
    MarketingFixtures marketing;

    ResultActions call(MockHttpServletRequestBuilder request, String bearer, String json) throws Exception {
        return mvc.perform(request.header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    String window(Instant start, Instant end) {
        return "\"startsAt\":\"" + start + "\",\"endsAt\":\"" + end + "\"";
    }

    @Test
    void anOperatorDraftsTriesAndPublishesAFullReduction() throws Exception {
        String bearer = staff.member(Role.MARKETING_OPS).bearer();
        SkuId sku = orders.sku("120.00");
        Instant now = marketing.now();
        String body = """
                {"code":"%s","name":"双11 满减","kind":"FULL_REDUCTION",%s,"scope":"SKUS","targetIds":[%d],
                 "tiers":[{"threshold":200,"amountOff":20},{"threshold":400,"amountOff":50}],"stackable":true}"""
                .formatted(MarketingFixtures.unique("D11"), window(now.minus(Duration.ofMinutes(1)),
                        now.plus(Duration.ofDays(3))), sku.value());

        String created = call(post("/api/v1/admin/promotions"), bearer, body).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("DRAFT")).andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(created.replaceAll(".*\"id\":(\\d+).*", "$1"));

        mvc.perform(get("/api/v1/admin/promotions/" + id + "/dry-run?days=7").header("Authorization", bearer))
                .andExpect(status().isOk()).andExpect(jsonPath("$.ordersTouched").value(0));
        call(post("/api/v1/admin/promotions/" + id + "/publish?version=0"), bearer, "")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RUNNING"));
        call(put("/api/v1/admin/promotions/" + id + "?version=1"), bearer, body)
                .andExpect(status().isUnprocessableEntity());
        call(post("/api/v1/admin/promotions/" + id + "/stop?version=1"), bearer, "{\"reason\":\"\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field", hasItem("reason")));
        call(post("/api/v1/admin/promotions/" + id + "/stop?version=1"), bearer, "{\"reason\":\"库存不足\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("STOPPED"));
    }

    @Test
    void invalidRulesAreRefusedNamingEachField() throws Exception {
        String bearer = staff.member(Role.MARKETING_OPS).bearer();
        SkuId sku = orders.sku("50.00");
        Instant now = marketing.now();
        String backwards = window(now.plus(Duration.ofDays(2)), now.plus(Duration.ofDays(1)));

        call(post("/api/v1/admin/promotions"), bearer, """
                {"code":"BAD-TIERS","name":"x","kind":"FULL_REDUCTION",%s,"scope":"SKUS","targetIds":[%d],
                 "tiers":[{"threshold":200,"amountOff":20},{"threshold":150,"amountOff":30},{"threshold":300,"amountOff":-5}]}"""
                .formatted(backwards, sku.value()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItems("endsAt", "tiers[1].threshold", "tiers[2].amountOff")));
        call(post("/api/v1/admin/promotions"), bearer, """
                {"code":"BAD PCT","name":"","kind":"LIMITED_TIME_DISCOUNT",%s,"scope":"SKUS","targetIds":[%d, 999999999],
                 "percentOff":120,"budget":-1,"perCustomerLimit":0}"""
                .formatted(window(now, now.plus(Duration.ofDays(1))), sku.value()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItems("code", "name", "percentOff", "targetIds[1]",
                        "budget", "perCustomerLimit")));
        call(post("/api/v1/admin/promotions"), bearer, """
                {"code":"WRONG-TYPE","name":"x","kind":"LIMITED_TIME_DISCOUNT","percentOff":"lots"}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field", hasItem("percentOff")));
        call(post("/api/v1/admin/promotions"), bearer, """
                {"code":"NO-KIND","name":"x","kind":"HALF_PRICE"}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field", hasItem("kind")));
        call(post("/api/v1/admin/promotions"), bearer, """
                {"code":"MIXED","name":"<script>alert(1)</script>","kind":"BUY_X_GET_Y",%s,"scope":"ALL",
                 "buyQuantity":2,"freeQuantity":1,"percentOff":10}""".formatted(window(now, now.plus(Duration.ofDays(1)))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field", hasItem("percentOff")));
        call(post("/api/v1/admin/coupons/templates"), bearer, """
                {"name":"券","kind":"PERCENT","percentOff":100,"scope":"ALL","issueFrom":"%s","issueUntil":"%s",
                 "validDays":0,"totalQuantity":-3}""".formatted(now, now.minus(Duration.ofDays(1))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItems("percentOff", "issueUntil", "validDays",
                        "totalQuantity")));
    }

    @Test
    void aCustomerClaimsACouponFromTheCentreAndSeesWhatItGivesBeforePaying() throws Exception {
        SkuId sku = orders.sku("100.00");
        CouponTemplateView template = marketing.active(MarketingFixtures.fixedCoupon(marketing.now(), "20", "150",
                List.of(sku), 7));
        OrderFixtures.Shopper shopper = orders.shopper();

        mvc.perform(get("/api/v1/store/coupons/claimable")).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].templateId", hasItem((int) template.id().value())));
        String claimed = call(post("/api/v1/store/coupons/claim"), shopper.bearer(),
                "{\"templateId\":" + template.id() + "}").andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        String code = claimed.replaceAll(".*\"code\":\"([A-Z0-9]+)\".*", "$1");
        call(post("/api/v1/store/coupons/claim"), shopper.bearer(), "{\"templateId\":" + template.id() + "}")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("coupon-limit-reached")));

        call(post("/api/v1/store/checkout/preview"), shopper.bearer(), """
                {"lines":[{"skuId":%d,"quantity":1}],"couponCodes":["%s"]}""".formatted(sku.value(), code))
                .andExpect(status().isOk()).andExpect(jsonPath("$.discountAmount.amount").value(0))
                .andExpect(jsonPath("$.notApplied[*].reason", hasItem("spend 50.00 more on covered items")));
        call(post("/api/v1/store/checkout/preview"), shopper.bearer(), """
                {"lines":[{"skuId":%d,"quantity":2}],"couponCodes":["%s"]}""".formatted(sku.value(), code))
                .andExpect(status().isOk()).andExpect(jsonPath("$.discountAmount.amount").value(20.00))
                .andExpect(jsonPath("$.total.amount").value(180.00));
        call(post("/api/v1/store/checkout/preview"), shopper.bearer(), """
                {"lines":[{"skuId":%d,"quantity":1}],"couponCodes":["' OR 1=1 --"]}""".formatted(sku.value()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field", hasItem("couponCodes[0]")));
    }
}
