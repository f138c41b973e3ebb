package io.shopops.marketing;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import io.shopops.catalog.SkuId;
import io.shopops.identity.Permission;
import io.shopops.identity.Role;
import io.shopops.ordering.OrderFixtures;
import io.shopops.shared.Actor;
import io.shopops.testing.ShopOpsTest;
import io.shopops.testing.StaffFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static io.shopops.marketing.MarketingFixtures.Parameters;
import static io.shopops.marketing.MarketingFixtures.draft;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The console's promotion builder and coupon pages, as a marketing operator (who may publish), a data analyst (who
 * only reads) and product ops, in English and Chinese: refused forms keep what was typed and name the fields.
 */
@ShopOpsTest
@Import(MarketingTestConfiguration.class)
class MarketingConsoleTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffFixtures staff;
    @Autowired
    OrderFixtures orders;
    @Autowired
    MarketingFixtures marketing;
    @Autowired
    Promotions promotions;

    RequestPostProcessor as(Role role) {
        StaffFixtures.Member member = staff.member(role);
        List<SimpleGrantedAuthority> authorities = new ArrayList<>(role.permissions().stream()
                .map(Permission::authority).map(SimpleGrantedAuthority::new).toList());
        authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
        return authentication(new UsernamePasswordAuthenticationToken(Actor.staff(member.id(), member.username()),
                null, authorities));
    }

    static String local(java.time.Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneId.of("Asia/Shanghai")).withSecond(0).withNano(0).toString();
    }

    @Test
    void anOperatorBuildsAFullReductionDryRunsItAndPublishesIt() throws Exception {
        SkuId sku = orders.sku("100.00");
        String code = MarketingFixtures.unique("MJ");
        RequestPostProcessor operator = as(Role.MARKETING_OPS);

        mvc.perform(post("/console/marketing/promotions").with(operator).with(csrf()).param("lang", "en")
                        .param("code", code).param("name", "<b>满减</b>").param("kind", "FULL_REDUCTION")
                        .param("startsAt", local(marketing.now().minus(Duration.ofMinutes(5))))
                        .param("endsAt", local(marketing.now().minus(Duration.ofDays(1))))
                        .param("scope", "SKUS").param("targetIds", String.valueOf(sku.value()))
                        .param("tiers", "200-20, 100-30").param("stackable", "on"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("endsAt"), containsString("tiers[1].threshold"),
                        containsString("value=\"200-20, 100-30\""), containsString("&lt;b&gt;满减&lt;/b&gt;"))));

        String location = mvc.perform(post("/console/marketing/promotions").with(operator).with(csrf())
                        .param("code", code).param("name", "满减").param("kind", "FULL_REDUCTION")
                        .param("startsAt", local(marketing.now().minus(Duration.ofMinutes(5))))
                        .param("endsAt", local(marketing.now().plus(Duration.ofDays(1))))
                        .param("scope", "SKUS").param("targetIds", String.valueOf(sku.value()))
                        .param("tiers", "200-20, 400-50").param("stackable", "on"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/console/marketing/promotions/*"))
                .andReturn().getResponse().getRedirectedUrl();

        mvc.perform(get(location).param("days", "7").param("lang", "en").with(operator)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Dry run on past baskets"),
                        containsString("id=\"dry-run-touched\""), containsString("data-chart"),
                        containsString("id=\"publish\""))));
        mvc.perform(get(location).param("lang", "zh-CN").with(operator)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("满减"), containsString("历史订单试算"),
                        containsString("草稿"))));
        long version = promotions.find(null, null, code, io.shopops.shared.PageQuery.first(1)).items().getFirst()
                .version();
        mvc.perform(post(location + "/publish").with(operator).with(csrf()).param("version", String.valueOf(version)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/console/marketing/promotions").param("q", code).param("status", "RUNNING").param("lang", "en")
                        .with(as(Role.DATA_OPS)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(code), containsString("Running"),
                        not(containsString("id=\"new-promotion\"")))));
        mvc.perform(get("/console/marketing/promotions").with(as(Role.WAREHOUSE))).andExpect(status().isForbidden());
    }

    @Test
    void aPublishingConflictIsShownOnThePageNotAsAnError() throws Exception {
        SkuId sku = orders.sku("100.00");
        marketing.live(draft(PromotionKind.LIMITED_TIME_DISCOUNT, marketing.now(), List.of(sku),
                Parameters.percentOff("10")));
        PromotionView second = promotions.create(draft(PromotionKind.LIMITED_TIME_DISCOUNT, marketing.now(),
                List.of(sku), Parameters.percentOff("20")));

        mvc.perform(post("/console/marketing/promotions/" + second.id() + "/publish").with(as(Role.MARKETING_OPS))
                        .with(csrf()).param("version", String.valueOf(second.version())).param("lang", "en"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(allOf(containsString("blocks publishing"), containsString("same kind as"))));
    }

    @Test
    void couponPagesShowWhatBecameOfTheCouponsAndIssueToAList() throws Exception {
        SkuId sku = orders.sku("100.00");
        CouponTemplateView template = marketing.active(MarketingFixtures.fixedCoupon(marketing.now(), "10", "50",
                List.of(sku), 7));
        OrderFixtures.Shopper shopper = orders.shopper();
        RequestPostProcessor operator = as(Role.MARKETING_OPS);

        mvc.perform(post("/console/marketing/coupons/" + template.id() + "/issue").with(operator).with(csrf())
                        .param("customerIds", shopper.id().value() + ", 999999999").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Issued 1 of 2; 1 could not get one."),
                        containsString("id=\"coupon-list\""))));
        mvc.perform(post("/console/marketing/coupons/" + template.id() + "/issue").with(operator).with(csrf())
                        .param("customerIds", "abc"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("customerIds")));
        mvc.perform(get("/console/marketing/coupons").param("lang", "zh-CN").with(operator)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(template.name()), containsString("发放中"))));
        mvc.perform(post("/console/marketing/coupons").with(operator).with(csrf()).param("lang", "en")
                        .param("name", "").param("kind", "PERCENT").param("percentOff", "150").param("scope", "ALL")
                        .param("issueFrom", local(marketing.now())).param("issueUntil", local(marketing.now()))
                        .param("validDays", "7").param("totalQuantity", "10"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("percentOff"), containsString("issueUntil"),
                        containsString("value=\"150\""))));
    }
}
