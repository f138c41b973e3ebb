package io.shopops.payment;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import io.shopops.identity.Role;
import io.shopops.inventory.MutableClock;
import io.shopops.payment.sandbox.SandboxFaults;
import io.shopops.payment.sandbox.SandboxNotice;
import io.shopops.testing.ShopOpsTest;
import io.shopops.testing.StaffFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static io.shopops.payment.PaymentFixtures.cny;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The payments' REST API and the providers' notification endpoint, as staff and a provider call them. */
@ShopOpsTest
@Import(PaymentTestConfiguration.class)
class PaymentApiTests {

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
    @Autowired
    JdbcClient jdbc;

    long refunds() {
        return jdbc.sql("SELECT COUNT(*) FROM payment_refund").query(Long.class).single();
    }

    @Test
    void aProvidersNotificationIsAnsweredAsItExpectsAndSettlesThePayment() throws Exception {
        PaymentSession session = fixtures.start("18.00");
        String body = fixtures.paidNotification(session);

        mvc.perform(post("/api/v1/payments/notify/sandbox").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content(body))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_PLAIN))
                .andExpect(content().string("success"));
        mvc.perform(post("/api/v1/payments/notify/sandbox").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content(body))
                .andExpect(content().string("success"));

        assertThat(payments.payment(session.paymentId()).status()).isEqualTo(PaymentStatus.SUCCEEDED);
    }

    @Test
    void aForgedOrMismatchedNotificationIsRefusedWithAProblemAndShowsAmongTheIncidents() throws Exception {
        PaymentSession session = fixtures.start("18.00");
        SandboxNotice forged = fixtures.pay(session, SandboxFaults.none().forgedSignature()).getLast();
        StaffFixtures.Member reader = staff.member(Role.DATA_OPS);

        mvc.perform(post("/api/v1/payments/notify/sandbox").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content(forged.body()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("signature"));
        mvc.perform(post("/api/v1/payments/notify/wechat").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content(forged.body()))
                .andExpect(status().isNotFound());

        assertThat(payments.payment(session.paymentId()).status()).isEqualTo(PaymentStatus.PENDING);
        mvc.perform(get("/api/v1/admin/payments/incidents").param("kind", "SIGNATURE_INVALID")
                        .header("Authorization", reader.bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].kind").value("SIGNATURE_INVALID"))
                .andExpect(jsonPath("$.items[0].payload").value(containsString("sign=")));
    }

    @Test
    void listsPaymentsByStatusAndReferenceAndShowsOneWithItsRefundsAndNotificationLog() throws Exception {
        PaymentView paid = fixtures.paid("64.00");
        payments.refund(new RefundRequest(paid.id(), cny("4.00"), "scratch", UUID.randomUUID().toString()));
        StaffFixtures.Member reader = staff.member(Role.CUSTOMER_OPS);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"));

        mvc.perform(get("/api/v1/admin/payments").param("reference", paid.reference()).param("status", "SUCCEEDED")
                        .param("from", today.minusDays(1).toString()).param("to", today.plusDays(1).toString())
                        .header("Authorization", reader.bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].id").value(paid.id().value()))
                .andExpect(jsonPath("$.items[0].amount.amount").value(64.00))
                .andExpect(jsonPath("$.items[0].status").value("SUCCEEDED"));
        mvc.perform(get("/api/v1/admin/payments").param("reference", paid.reference()).param("status", "PENDING")
                        .header("Authorization", reader.bearer()))
                .andExpect(jsonPath("$.totalItems").value(0));
        mvc.perform(get("/api/v1/admin/payments/{id}", paid.id().value()).header("Authorization", reader.bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.payment.reference").value(paid.reference()))
                .andExpect(jsonPath("$.payment.refundedAmount.amount").value(4.00))
                .andExpect(jsonPath("$.payment.refundable.amount").value(60.00))
                .andExpect(jsonPath("$.refunds[0].reason").value("scratch"))
                .andExpect(jsonPath("$.refunds[0].status").value("SUCCEEDED"))
                .andExpect(jsonPath("$.notifications[0].outcome").value("APPLIED"))
                .andExpect(jsonPath("$.notifications[0].source").value("NOTIFICATION"));
        mvc.perform(get("/api/v1/admin/payments/{id}", 987_654_321L).header("Authorization", reader.bearer()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/admin/payments").param("from", "2026-11-30").param("to", "2026-11-01")
                        .header("Authorization", reader.bearer()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
    }

    @Test
    void refundsThroughTheApiOnceperIdempotencyKey() throws Exception {
        PaymentView paid = fixtures.paid("50.00");
        StaffFixtures.Member member = staff.member(Role.CUSTOMER_OPS);
        String key = UUID.randomUUID().toString();

        String first = mvc.perform(post("/api/v1/admin/payments/{id}/refunds", paid.id().value())
                        .header("Authorization", member.bearer()).header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"amount\":20.50,\"reason\":\"late\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("SUCCEEDED"))
                .andExpect(jsonPath("$.amount.amount").value(20.50))
                .andExpect(jsonPath("$.createdBy").value(member.username()))
                .andReturn().getResponse().getContentAsString();
        String again = mvc.perform(post("/api/v1/admin/payments/{id}/refunds", paid.id().value())
                        .header("Authorization", member.bearer()).header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"amount\":20.50,\"reason\":\"late\"}"))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();

        assertThat(again).isEqualTo(first);
        mvc.perform(post("/api/v1/admin/payments/{id}/refunds", paid.id().value())
                        .header("Authorization", member.bearer()).header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"amount\":20.00,\"reason\":\"late\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("idempotencyKey"));
        mvc.perform(post("/api/v1/admin/payments/{id}/refunds", paid.id().value())
                        .header("Authorization", member.bearer()).header("Idempotency-Key", UUID.randomUUID().toString())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"amount\":29.51}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:shopops:problem:refund-exceeds-captured"))
                .andExpect(jsonPath("$.errors[0].field").value("amount"));
        assertThat(payments.payment(paid.id()).refundedAmount()).isEqualTo(cny("20.50"));
    }

    @Test
    void badRefundInputIsRefusedNamingTheFieldAndWritesNothing() throws Exception {
        PaymentView paid = fixtures.paid("10.00");
        StaffFixtures.Member member = staff.member(Role.OPS_MANAGER);
        long before = refunds();

        String path = "/api/v1/admin/payments/" + paid.id() + "/refunds";
        mvc.perform(post(path).header("Authorization", member.bearer()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amount\":1.00}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("idempotencyKey")));
        for (String body : new String[] { "{\"amount\":1.001}", "{\"amount\":-1}", "{\"amount\":\"lots\"}", "{}" }) {
            mvc.perform(post(path).header("Authorization", member.bearer()).header("Idempotency-Key", "k-" + body)
                            .contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("amount"));
        }
        mvc.perform(post(path).header("Authorization", member.bearer()).header("Idempotency-Key", "k-reason")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"amount\":1,\"reason\":\"" + "x".repeat(201) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(post("/api/v1/admin/payments/abc/refunds").header("Authorization", member.bearer())
                        .header("Idempotency-Key", "k-id").contentType(MediaType.APPLICATION_JSON).content("{\"amount\":1}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("id"));

        assertThat(refunds()).isEqualTo(before);
    }

    @Test
    void onlyMembersWhoMayRefundCanRefund() throws Exception {
        PaymentView paid = fixtures.paid("10.00");

        mvc.perform(post("/api/v1/admin/payments/{id}/refunds", paid.id().value())
                        .header("Authorization", staff.member(Role.DATA_OPS).bearer())
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"amount\":1}"))
                .andExpect(status().isForbidden());

        assertThat(payments.payment(paid.id()).refundedAmount()).isEqualTo(cny("0.00"));
    }

    @Test
    void theDailyReconciliationNeedsADay() throws Exception {
        StaffFixtures.Member reader = staff.member(Role.DATA_OPS);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"));

        mvc.perform(get("/api/v1/admin/payments/reconciliation").param("day", today.toString())
                        .header("Authorization", reader.bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.day").value(today.toString()))
                .andExpect(jsonPath("$.zone").value("Asia/Shanghai"))
                .andExpect(jsonPath("$.shopOps.captured.currency").value("CNY"))
                .andExpect(jsonPath("$.shopOps.net.currency").value("CNY"))
                .andExpect(jsonPath("$.consistent").isBoolean())
                .andExpect(jsonPath("$.providers.refundedCount").isNumber())
                .andExpect(jsonPath("$.mismatches").isArray());
        mvc.perform(get("/api/v1/admin/payments/reconciliation").header("Authorization", reader.bearer()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("day"));
        mvc.perform(get("/api/v1/admin/payments/reconciliation").param("day", "yesterday")
                        .header("Authorization", reader.bearer()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("day"));
    }
}
