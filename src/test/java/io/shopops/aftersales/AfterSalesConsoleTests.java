package io.shopops.aftersales;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.shopops.identity.Permission;
import io.shopops.identity.Role;
import io.shopops.ordering.Orders;
import io.shopops.payment.PaymentId;
import io.shopops.payment.Payments;
import io.shopops.payment.sandbox.SandboxControls;
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

import static io.shopops.aftersales.AfterSalesFixtures.amount;
import static io.shopops.aftersales.AfterSalesFixtures.line;
import static io.shopops.aftersales.AfterSalesFixtures.refundOnly;
import static io.shopops.aftersales.AfterSalesFixtures.returning;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
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

/**
 * The console's after-sales pages, signed in as members who may decide (CUSTOMER_OPS), only read (DATA_OPS) or
 * neither (PRODUCT_OPS), and by the warehouse that counts returned parcels in (WAREHOUSE), in English and in Chinese.
 */
@ShopOpsTest
@Import(AfterSalesTestConfiguration.class)
class AfterSalesConsoleTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffFixtures staff;
    @Autowired
    AfterSalesFixtures fixtures;
    @Autowired
    AfterSalesRequests customers;
    @Autowired
    AfterSales afterSales;
    @Autowired
    Orders orders;
    @Autowired
    Payments payments;
    @Autowired
    SandboxControls sandbox;

    RequestPostProcessor as(Role role) {
        StaffFixtures.Member member = staff.member(role);
        List<SimpleGrantedAuthority> authorities = new ArrayList<>(role.permissions().stream()
                .map(Permission::authority).map(SimpleGrantedAuthority::new).toList());
        authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
        return authentication(new UsernamePasswordAuthenticationToken(Actor.staff(member.id(), member.username()),
                null, authorities));
    }

    AfterSalesView ask(AfterSalesFixtures.Bought bought, NewAfterSalesRequest request) {
        return customers.request(bought.shopper().id(), bought.order().id(), null, request);
    }

    static String page(AfterSalesView request) {
        return "/console/after-sales/" + request.id();
    }

    @Test
    void theListCountsByStatusFiltersRequestsAndLinksEachToItsPageInBothLanguages() throws Exception {
        AfterSalesFixtures.Bought bought = fixtures.delivered();
        AfterSalesView request = ask(bought, returning(AfterSalesReason.NO_REASON, line(1, 2)));
        String link = "href=\"" + page(request) + "\"";
        String orderNumber = bought.order().orderNumber();
        RequestPostProcessor reader = as(Role.DATA_OPS);

        mvc.perform(get("/console/after-sales").param("number", orderNumber).param("lang", "en").with(reader))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(request.requestNo()), containsString(link),
                        containsString("/console/orders/" + bought.order().id()), containsString("Awaiting decision"),
                        containsString("7-day no-reason return"), containsString("Return and refund"),
                        containsString("¥100.00"), containsString("id=\"count-REQUESTED\""),
                        containsString("href=\"/console/after-sales\""))));
        mvc.perform(get("/console/after-sales").param("number", request.requestNo()).param("lang", "zh-CN")
                        .with(reader))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(link), containsString("待审核"),
                        containsString("七天无理由退货"), containsString("退货退款"), containsString("售后"))));
        mvc.perform(get("/console/after-sales").param("number", orderNumber).param("status", "REQUESTED")
                        .param("kind", "RETURN_AND_REFUND").param("reason", "NO_REASON").param("from", "2000-01-01")
                        .param("to", "2999-12-31").with(reader))
                .andExpect(status().isOk()).andExpect(content().string(containsString(link)));

        for (String[] filter : List.of(new String[] { "status", "REJECTED" }, new String[] { "kind", "REFUND_ONLY" },
                new String[] { "reason", "QUALITY_ISSUE" }, new String[] { "to", "2000-01-02" })) {
            mvc.perform(get("/console/after-sales").param("number", orderNumber).param(filter[0], filter[1])
                            .with(reader))
                    .andExpect(status().isOk()).andExpect(content().string(not(containsString(link))));
        }
        mvc.perform(get("/console/after-sales").param("number", "NO-SUCH-" + orderNumber).with(reader))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString(link))));
        mvc.perform(get("/console/after-sales").param("from", "yesterday").param("status", "BOGUS")
                        .param("lang", "en").with(reader))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("must be a date"),
                        containsString("is not one of the choices"))));
        mvc.perform(get("/console/after-sales").with(as(Role.PRODUCT_OPS))).andExpect(status().isForbidden());
    }

    @Test
    void theRequestPageShowsLinesEvidenceParcelAndTimelineAndOnlyDecidersSeeTheActions() throws Exception {
        AfterSalesFixtures.Bought bought = fixtures.delivered();
        AfterSalesView request = ask(bought, returning(AfterSalesReason.NO_REASON, line(1, 2)));
        AfterSalesView.Line line = request.lines().getFirst();

        mvc.perform(get(page(request)).param("lang", "en").with(as(Role.DATA_OPS)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(request.requestNo()),
                        containsString("href=\"/console/orders/" + bought.order().id() + "\""),
                        containsString(bought.order().orderNumber()), containsString(line.skuCode()),
                        containsString(line.title()), containsString(bought.warehouse().code()),
                        containsString("¥100.00"), containsString("不想要了"),
                        containsString("href=\"https://img.example.com/evidence/1.jpg\""),
                        containsString("target=\"_blank\" rel=\"noopener noreferrer\""),
                        containsString("Requested"), containsString("Not started"),
                        not(containsString("id=\"after-sales-actions\"")), not(containsString("approve-form")))));
        mvc.perform(get(page(request)).param("lang", "zh-CN").with(as(Role.CUSTOMER_OPS)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("售后时间线"), containsString("顾客申请"),
                        containsString("id=\"after-sales-actions\""), containsString("id=\"approve-form\""),
                        containsString("id=\"reject-form\""), not(containsString("id=\"receive-form\"")),
                        not(containsString("id=\"retry-form\"")), not(containsString("data-confirm")))));
        mvc.perform(get("/console/after-sales/987654321").with(as(Role.DATA_OPS))).andExpect(status().isNotFound());

        // a member who may only read is refused the actions themselves, not just their forms
        mvc.perform(post(page(request) + "/approve").with(as(Role.DATA_OPS)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post(page(request) + "/reject").param("reason", "no").with(as(Role.DATA_OPS)).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(afterSales.request(request.id()).status()).isEqualTo(AfterSalesStatus.REQUESTED);
    }

    @Test
    void anApprovalRedirectsWithAFlashAndASecondOneIsShownAsRefused() throws Exception {
        AfterSalesFixtures.Bought bought = fixtures.delivered();
        AfterSalesView request = ask(bought, returning(AfterSalesReason.QUALITY_ISSUE, line(2, 1)));
        RequestPostProcessor decider = as(Role.CUSTOMER_OPS);

        mvc.perform(post(page(request) + "/approve").param("note", "同意退货").param("lang", "en").with(decider)
                        .with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl(page(request)))
                .andExpect(flash().attribute("flash", request.requestNo() + " is approved."));
        AfterSalesView approved = afterSales.request(request.id());
        assertThat(approved.status()).isEqualTo(AfterSalesStatus.APPROVED);
        assertThat(approved.decisionNote()).isEqualTo("同意退货");

        mvc.perform(get(page(request)).param("lang", "en").with(decider))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("同意退货"), containsString("Ship back by"),
                        not(containsString("id=\"approve-form\"")), not(containsString("id=\"receive-form\"")))));
        mvc.perform(post(page(request) + "/approve").param("note", "again").param("lang", "en").with(decider)
                        .with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("cannot become APPROVED")));
    }

    @Test
    void aRejectionWithoutAReasonIsShownAgainWithTheFieldErrorAndChangesNothing() throws Exception {
        AfterSalesFixtures.Bought bought = fixtures.delivered();
        AfterSalesView request = ask(bought, refundOnly(AfterSalesReason.MISSING_PARTS, amount(2, "15.50")));
        RequestPostProcessor decider = as(Role.CUSTOMER_OPS);

        mvc.perform(post(page(request) + "/reject").param("reason", " ").param("lang", "en").with(decider)
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("<code>reason</code>"),
                        containsString("is required"), containsString("id=\"reject-form\""))));
        String tooLong = "图片不清晰".repeat(101);
        mvc.perform(post(page(request) + "/reject").param("reason", tooLong).param("lang", "en").with(decider)
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("must be at most 500 characters"),
                        containsString("value=\"" + tooLong + "\""))));
        AfterSalesView unchanged = afterSales.request(request.id());
        assertThat(unchanged.status()).isEqualTo(AfterSalesStatus.REQUESTED);
        assertThat(unchanged.version()).isEqualTo(request.version());
        assertThat(unchanged.timeline()).hasSameSizeAs(request.timeline());

        mvc.perform(post(page(request) + "/reject").param("reason", "图片不清晰").with(decider).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl(page(request)))
                .andExpect(flash().attributeExists("flash"));
        assertThat(afterSales.request(request.id()).status()).isEqualTo(AfterSalesStatus.REJECTED);
    }

    @Test
    void aReceiptWithMoreUnitsThanSentBackIsShownAgainOnThatLineKeepingWhatWasTyped() throws Exception {
        AfterSalesFixtures.Bought bought = fixtures.delivered();
        AfterSalesView request = ask(bought, returning(AfterSalesReason.QUALITY_ISSUE, line(1, 2)));
        afterSales.approve(request.id(), null);
        customers.shipBack(bought.shopper().id(), request.id(), new ReturnShipment("顺丰速运", "SF7654321098765"));
        RequestPostProcessor decider = as(Role.CUSTOMER_OPS);

        mvc.perform(get(page(request)).param("lang", "en").with(decider))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("顺丰速运"), containsString("SF7654321098765"),
                        containsString("id=\"receive-form\""), containsString("name=\"lines[0].restocked\""),
                        containsString("name=\"lines[0].damaged\""), not(containsString("id=\"approve-form\"")))));

        mvc.perform(post(page(request) + "/receive").param("lines[0].restocked", "2").param("lines[0].damaged", "1")
                        .param("note", "鞋盒压扁").param("lang", "en").with(decider).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("<code>lines[0].restocked</code>"),
                        containsString("must not exceed the 2 units sent back"), containsString("value=\"鞋盒压扁\""),
                        containsString("id=\"receive-form\""))));
        mvc.perform(post(page(request) + "/receive").param("lines[0].restocked", "two").param("lines[0].damaged", "0")
                        .param("lang", "en").with(decider).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("must be a whole number"),
                        containsString("value=\"two\""))));
        assertThat(afterSales.request(request.id()).status()).isEqualTo(AfterSalesStatus.RETURN_SHIPPED);

        // the warehouse counts the parcel in: it sees the receipt form and nothing that decides about money
        RequestPostProcessor warehouse = as(Role.WAREHOUSE);
        mvc.perform(get(page(request)).param("lang", "en").with(warehouse))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"receive-form\""),
                        not(containsString("id=\"approve-form\"")), not(containsString("id=\"reject-form\"")))));
        mvc.perform(post(page(request) + "/receive").param("lines[0].restocked", "1").param("lines[0].damaged", "1")
                        .param("note", "鞋盒压扁").with(warehouse).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl(page(request)))
                .andExpect(flash().attributeExists("flash"));
        AfterSalesView received = afterSales.request(request.id());
        assertThat(received.status()).isIn(AfterSalesStatus.RECEIVED, AfterSalesStatus.REFUNDED);
        assertThat(received.receiptNote()).isEqualTo("鞋盒压扁");
        assertThat(received.lines()).singleElement().satisfies(l -> {
            assertThat(l.restocked()).isEqualTo(1);
            assertThat(l.damaged()).isEqualTo(1);
        });
    }

    @Test
    void aRefundTheProviderDeclinedCanBeTriedAgainFromThePage() throws Exception {
        AfterSalesFixtures.Bought bought = fixtures.delivered();
        String providerPaymentId = payments.payment(new PaymentId(orders.detail(bought.order().id()).payments()
                .getFirst().paymentId())).providerPaymentId();
        sandbox.inject(providerPaymentId, SandboxFaults.none().decliningRefunds());
        AfterSalesView request = ask(bought, refundOnly(AfterSalesReason.DAMAGED_IN_TRANSIT, amount(2, "30.00")));
        RequestPostProcessor decider = as(Role.CUSTOMER_OPS);
        try {
            // approving a refund-only request pays out at once: the form asks first
            mvc.perform(get(page(request)).param("lang", "en").with(decider))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("data-confirm=\"Approving refunds ¥30.00")));
            mvc.perform(post(page(request) + "/approve").with(decider).with(csrf())).andExpect(status().isFound());
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> afterSales.request(request.id()).refundProgress() == RefundProgress.FAILED);

            mvc.perform(get(page(request)).param("lang", "en").with(decider))
                    .andExpect(status().isOk())
                    .andExpect(content().string(allOf(containsString("Refund failed"),
                            containsString("id=\"retry-form\""), containsString("Refund requested"))));
            mvc.perform(get(page(request)).param("lang", "en").with(as(Role.DATA_OPS)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(allOf(containsString("Refund failed"),
                            not(containsString("id=\"retry-form\"")))));
        } finally {
            sandbox.inject(providerPaymentId, SandboxFaults.none());
        }
        mvc.perform(post(page(request) + "/retry-refund").with(decider).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl(page(request)));
        assertThat(afterSales.request(request.id()).refundAttempt()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> afterSales.request(request.id()).status() == AfterSalesStatus.REFUNDED);
        mvc.perform(get(page(request)).param("lang", "en").with(decider))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("id=\"retry-form\""))));
        mvc.perform(post(page(request) + "/retry-refund").param("lang", "en").with(decider).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("has no refund to start")));
    }

    @Test
    void formsNeedTheCsrfToken() throws Exception {
        AfterSalesFixtures.Bought bought = fixtures.delivered();
        AfterSalesView request = ask(bought, returning(AfterSalesReason.WRONG_ITEM, line(1, 1)));

        mvc.perform(post(page(request) + "/approve").with(as(Role.CUSTOMER_OPS))).andExpect(status().isForbidden());
        mvc.perform(post(page(request) + "/reject").param("reason", "x").with(as(Role.CUSTOMER_OPS))
                .with(csrf().useInvalidToken())).andExpect(status().isForbidden());
        assertThat(afterSales.request(request.id()).status()).isEqualTo(AfterSalesStatus.REQUESTED);
    }

    @Test
    void theOrderPageLinksToItsRequestsForWhoMayReadThem() throws Exception {
        AfterSalesFixtures.Bought bought = fixtures.delivered();
        String orderPage = "/console/orders/" + bought.order().id();
        String link = "href=\"/console/after-sales?number=" + bought.order().orderNumber() + "\"";

        mvc.perform(get(orderPage).param("lang", "en").with(as(Role.CUSTOMER_OPS)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(link), containsString("After-sales requests"))));
        mvc.perform(get(orderPage).param("lang", "zh-CN").with(as(Role.PRODUCT_OPS)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(not(containsString(link)),
                        not(containsString("href=\"/console/after-sales\"")))));
    }
}
