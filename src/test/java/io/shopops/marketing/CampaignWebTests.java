package io.shopops.marketing;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import io.shopops.identity.Permission;
import io.shopops.identity.Role;
import io.shopops.ordering.OrderFixtures;
import io.shopops.shared.Actor;
import io.shopops.testing.ShopOpsTest;
import io.shopops.testing.StaffFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Campaigns over HTTP and in the console: refused plans name every field (SMART parts, window, audience, channels),
 * the operator's flow from plan to report, roles, English and Chinese.
 */
@ShopOpsTest
@Import(MarketingTestConfiguration.class)
class CampaignWebTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffFixtures staff;
    @Autowired
    OrderFixtures orders;
    @Autowired
    MarketingFixtures marketing;

    RequestPostProcessor as(Role role) {
        StaffFixtures.Member member = staff.member(role);
        List<SimpleGrantedAuthority> authorities = new ArrayList<>(role.permissions().stream()
                .map(Permission::authority).map(SimpleGrantedAuthority::new).toList());
        authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
        return authentication(new UsernamePasswordAuthenticationToken(Actor.staff(member.id(), member.username()),
                null, authorities));
    }

    static String local(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneId.of("Asia/Shanghai")).withSecond(0).withNano(0).toString();
    }

    @Test
    void aRefusedPlanNamesEveryField() throws Exception {
        String bearer = staff.member(Role.MARKETING_OPS).bearer();
        Instant now = marketing.now();
        mvc.perform(post("/api/v1/admin/campaigns").header("Authorization", bearer)
                        .contentType(MediaType.APPLICATION_JSON).content("""
                        {"code":"bad code!","name":"","objectiveMetric":"INCREMENTAL_GMV","objectiveTarget":-5,
                         "objectiveDeadline":"%s","startsAt":"%s","endsAt":"%s","attributionDays":31,
                         "audience":"EVERYONE","holdoutPercent":10,"landingUrl":"javascript:alert(1)",
                         "channels":[{"kind":"KOL","name":"a","utmSource":"kol","budget":-1},
                                     {"kind":"SEARCH","name":"b","utmSource":"KOL","budget":"1.001"}]}"""
                        .formatted(now, now, now.minus(Duration.ofDays(1)))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItems("code", "name", "description",
                        "objectiveRationale", "objectiveMetric", "objectiveTarget", "endsAt", "attributionDays",
                        "holdoutPercent", "landingUrl", "channels[0].budget", "channels[1].utmSource",
                        "channels[1].budget")));
        mvc.perform(post("/api/v1/admin/campaigns").header("Authorization", bearer)
                        .contentType(MediaType.APPLICATION_JSON).content("""
                        {"code":"%s","name":"n","description":"d","objectiveMetric":"ORDERS","objectiveTarget":10.5,
                         "objectiveDeadline":"%s","objectiveRationale":"r","startsAt":"%s","endsAt":"%s",
                         "audience":"CUSTOMERS","customerIds":[999999999],"holdoutPercent":60,
                         "channels":[{"kind":"OWN_STORE","name":"店铺","utmSource":"store","budget":0}]}"""
                        .formatted(MarketingFixtures.unique("C"), now.plus(Duration.ofDays(40)), now,
                                now.plus(Duration.ofDays(30)))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItems("objectiveTarget", "objectiveDeadline",
                        "holdoutPercent")));
        mvc.perform(post("/api/v1/admin/campaigns").header("Authorization", bearer)
                        .contentType(MediaType.APPLICATION_JSON).content("""
                        {"code":"%s","name":"n","description":"d","objectiveMetric":"ORDERS","objectiveTarget":10,
                         "objectiveDeadline":"%s","objectiveRationale":"r","startsAt":"%s","endsAt":"%s",
                         "audience":"CUSTOMERS","customerIds":[999999999],
                         "channels":[{"kind":"OWN_STORE","name":"店铺","utmSource":"store","budget":0}]}"""
                        .formatted(MarketingFixtures.unique("C"), now.plus(Duration.ofDays(3)), now,
                                now.plus(Duration.ofDays(3)))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("customerIds"));
        mvc.perform(post("/api/v1/admin/campaigns").header("Authorization",
                        staff.member(Role.CUSTOMER_OPS).bearer()).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void anOperatorPlansLaunchesRecordsSpendAndReadsTheReport() throws Exception {
        OrderFixtures.Shopper a = orders.shopper();
        OrderFixtures.Shopper b = orders.shopper();
        String code = MarketingFixtures.unique("D11");
        RequestPostProcessor operator = as(Role.MARKETING_OPS);
        Instant now = marketing.now();

        mvc.perform(post("/console/marketing/campaigns").with(operator).with(csrf()).param("lang", "en")
                        .param("code", code).param("name", "<i>双11</i>").param("objectiveMetric", "GMV")
                        .param("objectiveTarget", "abc").param("startsAt", local(now.minus(Duration.ofMinutes(5))))
                        .param("endsAt", local(now.plus(Duration.ofDays(3))))
                        .param("objectiveDeadline", local(now.plus(Duration.ofDays(3))))
                        .param("audience", "CUSTOMERS").param("customerIds", a.id().value() + " " + b.id().value())
                        .param("channelKind", "KOL", "SEARCH").param("channelName", "抖音", "")
                        .param("channelSource", "douyin", "").param("channelBudget", "500", ""))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("objectiveTarget"), containsString("description"),
                        containsString("value=\"abc\""), containsString("&lt;i&gt;双11&lt;/i&gt;"),
                        containsString("value=\"douyin\""))));

        String location = mvc.perform(post("/console/marketing/campaigns").with(operator).with(csrf())
                        .param("code", code).param("name", "双11").param("description", "Members, 10 % off")
                        .param("objectiveRationale", "Repurchase fell").param("objectiveMetric", "GMV")
                        .param("objectiveTarget", "5000").param("startsAt", local(now.minus(Duration.ofMinutes(5))))
                        .param("endsAt", local(now.plus(Duration.ofDays(3))))
                        .param("objectiveDeadline", local(now.plus(Duration.ofDays(3)))).param("attributionDays", "7")
                        .param("audience", "CUSTOMERS").param("customerIds", a.id().value() + ", " + b.id().value())
                        .param("holdoutPercent", "10").param("landingUrl", "https://shop.example/d11")
                        .param("channelKind", "KOL", "SEARCH").param("channelName", "抖音", "")
                        .param("channelSource", "douyin", "").param("channelMedium", "video", "")
                        .param("channelBudget", "500", ""))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/console/marketing/campaigns/*"))
                .andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        mvc.perform(get(location).param("lang", "en").with(operator)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Objective (SMART)"), containsString("Draft"),
                        containsString("id=\"launch\""), containsString("utm_source=douyin&amp;utm_medium=video"),
                        containsString("id=\"edit-campaign\""), not(containsString("id=\"spend-form\"")))));
        mvc.perform(post(location + "/launch").with(operator).with(csrf()).param("version", "0"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(location + "/spend").with(operator).with(csrf()).param("lang", "en")
                        .param("channelSeq", "1").param("spentOn", "2099-01-01").param("amount", "-5"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("spentOn"), containsString("note"))));
        mvc.perform(post(location + "/spend").with(operator).with(csrf()).param("channelSeq", "1")
                        .param("spentOn", java.time.LocalDate.now(ZoneId.of("Asia/Shanghai")).toString())
                        .param("amount", "250.00").param("note", "KOL fee"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(location).param("lang", "zh-CN").with(as(Role.DATA_OPS))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("进行中"), containsString("与对照组相比"),
                        containsString("data-chart"), containsString("KOL fee"), not(containsString("id=\"stop\"")))));
        mvc.perform(get("/api/v1/admin/campaigns/" + id + "/report").header("Authorization",
                        staff.member(Role.DATA_OPS).bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.campaign.code").value(code))
                .andExpect(jsonPath("$.spend.amount").value(250.0))
                .andExpect(jsonPath("$.campaign.treatmentSize").isNumber())
                .andExpect(jsonPath("$.progress.state").value("AT_RISK"));
        mvc.perform(get("/console/marketing/campaigns").param("q", code).param("lang", "en").with(operator))
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString(code),
                        containsString("Running"))));
        mvc.perform(post(location + "/stop").with(operator).with(csrf()).param("version", "1").param("reason", "预算调整"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/console/marketing/campaigns").with(as(Role.WAREHOUSE))).andExpect(status().isForbidden());
    }

    @Test
    void segmentsAreASeamUntilTheCustomerModuleProvidesThem() throws Exception {
        String bearer = staff.member(Role.MARKETING_OPS).bearer();
        CouponTemplateView template = marketing.active(MarketingFixtures.fixedCoupon(marketing.now(), "10", "0",
                List.of(orders.sku("50.00")), 7));
        mvc.perform(post("/api/v1/admin/coupons/templates/" + template.id() + "/issue").header("Authorization", bearer)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"segmentId\":5}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("segments-unavailable")))
                .andExpect(jsonPath("$.errors[0].field").value("segmentId"));
        Instant now = marketing.now();
        mvc.perform(post("/api/v1/admin/campaigns").header("Authorization", bearer)
                        .contentType(MediaType.APPLICATION_JSON).content("""
                        {"code":"%s","name":"n","description":"d","objectiveMetric":"GMV","objectiveTarget":10,
                         "objectiveDeadline":"%s","objectiveRationale":"r","startsAt":"%s","endsAt":"%s",
                         "audience":"SEGMENT","segmentId":5,
                         "channels":[{"kind":"OWN_STORE","name":"店铺","utmSource":"store","budget":0}]}"""
                        .formatted(MarketingFixtures.unique("C"), now.plus(Duration.ofDays(3)), now,
                                now.plus(Duration.ofDays(3)))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("segmentId"));
    }
}
