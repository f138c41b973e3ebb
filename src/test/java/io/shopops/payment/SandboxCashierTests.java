package io.shopops.payment;

import io.shopops.payment.sandbox.SandboxNotice;
import io.shopops.payment.sandbox.SandboxTrade;
import io.shopops.testing.ShopOpsTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The sandbox's public cashier page: anyone with its address pays or declines, with CSRF, in both languages. */
@ShopOpsTest
@Import(PaymentTestConfiguration.class)
class SandboxCashierTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    PaymentFixtures fixtures;
    @Autowired
    Payments payments;

    @Test
    void showsMerchantSubjectAndAmountWithPayAndDeclineToAnyoneInBothLanguages() throws Exception {
        PaymentSession session = fixtures.start("88.80");

        mvc.perform(get(session.cashierUrl()).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                .andExpect(content().string(allOf(containsString("ShopOps Demo"), containsString("Test order"),
                        containsString("¥88.80"), containsString("id=\"cashier-pay\""),
                        containsString("id=\"cashier-decline\""), containsString("name=\"_csrf\""),
                        containsString("no real money"), not(containsString("<script")))));
        mvc.perform(get(session.cashierUrl()).param("lang", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("沙箱收银台"), containsString("支付"),
                        containsString("拒绝"))));
    }

    @Test
    void payingRecordsTheSandboxesTransactionAndMakesASignedNotificationWithoutChangingShopOpsYet() throws Exception {
        PaymentSession session = fixtures.start("12.30");

        mvc.perform(post(session.cashierUrl()).param("decision", "pay").with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(session.cashierUrl()))
                .andExpect(flash().attribute("outcome", "paid"));

        SandboxTrade trade = fixtures.sandbox().trade(session.providerPaymentId());
        assertThat(trade.status()).isEqualTo(SandboxTrade.Status.SUCCESS);
        assertThat(trade.tradeNo()).hasSize(28);
        assertThat(fixtures.sandbox().notifications(session.providerPaymentId())).singleElement().satisfies(n -> {
            assertThat(n.status()).isEqualTo(SandboxNotice.Status.PENDING);
            assertThat(n.body()).contains("trade_status=TRADE_SUCCESS").contains("sign_type=HMAC-SHA256")
                    .contains("sign=");
        });
        // the notification travels asynchronously: ShopOps has not heard of it in the request that paid
        assertThat(payments.payment(session.paymentId()).status()).isEqualTo(PaymentStatus.PENDING);
        mvc.perform(get(session.cashierUrl()).param("lang", "en"))
                .andExpect(content().string(allOf(containsString("This payment has been made"),
                        not(containsString("id=\"cashier-pay\"")))));
        mvc.perform(post(session.cashierUrl()).param("decision", "pay").with(csrf()))
                .andExpect(flash().attribute("outcome", "unchanged"));
        assertThat(fixtures.sandbox().notifications(session.providerPaymentId())).hasSize(1);
    }

    @Test
    void decliningLeavesThePaymentOpenForAnotherTry() throws Exception {
        PaymentSession session = fixtures.start("5.00");

        mvc.perform(post(session.cashierUrl()).param("decision", "decline").with(csrf()))
                .andExpect(flash().attribute("outcome", "declined"));

        assertThat(fixtures.sandbox().trade(session.providerPaymentId()).status()).isEqualTo(SandboxTrade.Status.FAILED);
        mvc.perform(get(session.cashierUrl())).andExpect(content().string(containsString("id=\"cashier-pay\"")));
    }

    @Test
    void aPostWithoutTheCsrfTokenOrAnUnknownTokenChangesNothing() throws Exception {
        PaymentSession session = fixtures.start("5.00");

        mvc.perform(post(session.cashierUrl()).param("decision", "pay")).andExpect(status().isForbidden());
        mvc.perform(get("/sandbox/pay/no-such-token")).andExpect(status().isNotFound());
        mvc.perform(post("/sandbox/pay/no-such-token").param("decision", "pay").with(csrf()))
                .andExpect(status().isNotFound());

        assertThat(fixtures.sandbox().trade(session.providerPaymentId()).status())
                .isEqualTo(SandboxTrade.Status.WAIT_BUYER_PAY);
    }
}
