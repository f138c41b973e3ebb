package io.shopops.payment;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.shopops.identity.Permission;
import io.shopops.identity.Role;
import io.shopops.inventory.MutableClock;
import io.shopops.payment.sandbox.SandboxFaults;
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

import static io.shopops.payment.PaymentFixtures.FORM;
import static io.shopops.payment.PaymentFixtures.cny;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The payments' console pages, signed in as members of different roles, in English and in Chinese. */
@ShopOpsTest
@Import(PaymentTestConfiguration.class)
class PaymentConsoleTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffFixtures staff;
    @Autowired
    PaymentFixtures fixtures;
    @Autowired
    Payments payments;
    @Autowired
    MutableClock clock;

    /** A signed-in member holding the role, as the console sees them. */
    RequestPostProcessor as(Role role) {
        StaffFixtures.Member member = staff.member(role);
        List<SimpleGrantedAuthority> authorities = new ArrayList<>(role.permissions().stream()
                .map(Permission::authority).map(SimpleGrantedAuthority::new).toList());
        authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
        return authentication(new UsernamePasswordAuthenticationToken(Actor.staff(member.id(), member.username()),
                null, authorities));
    }

    static String idempotencyKey(String page) {
        Matcher key = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"").matcher(page);
        assertThat(key.find()).as("the refund form's idempotency key").isTrue();
        return key.group(1);
    }

    @Test
    void theListShowsPaymentsWithTheirStatusInBothLanguagesUnderTheirOwnNavigation() throws Exception {
        PaymentView paid = fixtures.paid("23.40");
        RequestPostProcessor member = as(Role.DATA_OPS);

        mvc.perform(get("/console/payments").param("reference", paid.reference()).param("lang", "en").with(member))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(paid.reference()), containsString("Succeeded"),
                        containsString("¥23.40"), containsString("href=\"/console/payments/incidents\""),
                        containsString("Reconciliation"), not(containsString("<script>")))));
        mvc.perform(get("/console/payments").param("reference", paid.reference()).param("lang", "zh-CN")
                        .with(member))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("支付记录"), containsString("支付成功"),
                        containsString("对账"))));
        mvc.perform(get("/console/payments").param("from", "yesterday").param("lang", "en").with(member))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("must be a date such as 2026-11-21")));
    }

    @Test
    void membersWhoMayNotReadPaymentsSeeNeitherTheLinkNorThePages() throws Exception {
        RequestPostProcessor member = as(Role.PRODUCT_OPS);

        mvc.perform(get("/console").with(member))
                .andExpect(content().string(not(containsString("/console/payments"))));
        mvc.perform(get("/console/payments").with(member)).andExpect(status().isForbidden());
    }

    @Test
    void aPaymentsPageShowsItsRefundsAndProviderReportsAndTheRefundFormOnlyToThoseWhoMayRefund() throws Exception {
        PaymentView paid = fixtures.paid("80.00");
        payments.refund(new RefundRequest(paid.id(), cny("5.00"), "scuffed box", UUID.randomUUID().toString()));

        mvc.perform(get("/console/payments/{id}", paid.id().value()).param("lang", "en").with(as(Role.DATA_OPS)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(paid.merchantTradeNo()),
                        containsString("scuffed box"), containsString("Refunded"), containsString("Applied"),
                        containsString("Notification"), not(containsString("id=\"refund-form\"")))));
        mvc.perform(get("/console/payments/{id}", paid.id().value()).param("lang", "zh-CN")
                        .with(as(Role.CUSTOMER_OPS)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"refund-form\""),
                        containsString("name=\"idempotencyKey\""), containsString("最多可退 ¥75.00"),
                        containsString("已退款"))));
        mvc.perform(get("/console/payments/{id}", 987_654_321L).with(as(Role.DATA_OPS)))
                .andExpect(status().isNotFound());
    }

    @Test
    void refundingThroughTheFormRedirectsWithAMessageAndADoubleSubmitRefundsOnce() throws Exception {
        PaymentView paid = fixtures.paid("30.00");
        RequestPostProcessor member = as(Role.CUSTOMER_OPS);
        String page = mvc.perform(get("/console/payments/{id}", paid.id().value()).with(member))
                .andReturn().getResponse().getContentAsString();
        String key = idempotencyKey(page);

        for (int submit = 0; submit < 2; submit++) {
            mvc.perform(post("/console/payments/{id}/refunds", paid.id().value()).with(member).with(csrf())
                            .param("amount", "12.50").param("reason", "wrong size").param("idempotencyKey", key)
                            .param("lang", "en"))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(redirectedUrl("/console/payments/" + paid.id()))
                    .andExpect(flash().attribute("flash", "12.50 refunded."));
        }

        assertThat(payments.detail(paid.id()).refunds()).singleElement()
                .satisfies(r -> assertThat(r.reason()).isEqualTo("wrong size"));
        assertThat(payments.payment(paid.id()).refundable()).isEqualTo(cny("17.50"));
    }

    @Test
    void aRefusedRefundShowsTheFieldErrorAndKeepsWhatWasTyped() throws Exception {
        PaymentView paid = fixtures.paid("10.00");
        RequestPostProcessor member = as(Role.OPS_MANAGER);

        mvc.perform(post("/console/payments/{id}/refunds", paid.id().value()).with(member).with(csrf())
                        .param("amount", "10.01").param("reason", "too much").param("idempotencyKey", "k-" + paid.id())
                        .param("lang", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("at most 10.00 of the payment is left to refund"),
                        containsString("value=\"10.01\""), containsString("value=\"too much\""))));
        mvc.perform(post("/console/payments/{id}/refunds", paid.id().value()).with(member).with(csrf())
                        .param("amount", "ten").param("idempotencyKey", "k2-" + paid.id()).param("lang", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("must be an amount such as 12.50")));
        mvc.perform(post("/console/payments/{id}/refunds", paid.id().value()).with(as(Role.DATA_OPS)).with(csrf())
                        .param("amount", "1.00").param("idempotencyKey", "k3-" + paid.id()))
                .andExpect(status().isForbidden());

        assertThat(payments.detail(paid.id()).refunds()).isEmpty();
    }

    @Test
    void theIncidentsPageListsRefusedNotifications() throws Exception {
        PaymentSession session = fixtures.start("44.00");
        String wrong = fixtures.pay(session, SandboxFaults.none().reportingAmount(cny("4.40"))).getLast().body();
        assertThatThrownBy(() -> payments.handleNotification("sandbox", FORM, wrong))
                .hasMessageContaining("amount is 4.40");

        mvc.perform(get("/console/payments/incidents").param("kind", "AMOUNT_MISMATCH").param("lang", "en")
                        .with(as(Role.OPS_MANAGER)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Amount differs"),
                        containsString(payments.payment(session.paymentId()).merchantTradeNo()),
                        containsString("total_amount=4.40"))));
        mvc.perform(get("/console/payments/{id}", session.paymentId().value()).param("lang", "zh-CN")
                        .with(as(Role.OPS_MANAGER)))
                .andExpect(content().string(allOf(containsString("支付异常"), containsString("金额不符"))));
    }

    @Test
    void theReconciliationPageShowsTheDaysTotalsAndDisagreements() throws Exception {
        PaymentSession lost = fixtures.start("21.00");
        fixtures.pay(lost, SandboxFaults.none().lostNotification());
        String today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai")).toString();

        mvc.perform(get("/console/payments/reconciliation").param("day", today).param("lang", "en")
                        .with(as(Role.DATA_OPS)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Captured"), containsString("Net"),
                        containsString("id=\"mismatches\""), containsString("Status differs"),
                        containsString(payments.payment(lost.paymentId()).merchantTradeNo()))));
        mvc.perform(get("/console/payments/reconciliation").param("lang", "zh-CN").with(as(Role.DATA_OPS)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("每日对账"), containsString("净额"))));
        mvc.perform(get("/console/payments/reconciliation").param("day", "2026-13-45").param("lang", "en")
                        .with(as(Role.DATA_OPS)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("must be a date such as 2026-11-21"),
                        not(containsString("id=\"reconciliation-totals\"")))));
    }
}
