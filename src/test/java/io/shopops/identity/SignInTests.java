package io.shopops.identity;

import java.util.Set;

import io.shopops.audit.AuditLog;
import io.shopops.audit.AuditQuery;
import io.shopops.shared.PageQuery;
import io.shopops.testing.ShopOpsTest;
import io.shopops.testing.StaffFixtures;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ShopOpsTest
class SignInTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Identity identity;
    @Autowired
    StaffFixtures staff;
    @Autowired
    AuditLog audit;

    @Test
    void signsInWithTheRightPasswordAndRecordsIt() throws Exception {
        var member = staff.member(Role.PRODUCT_OPS);
        mvc.perform(formLogin("/login").user(member.username()).password(StaffFixtures.PASSWORD))
                .andExpect(redirectedUrl("/console"));
        assertThat(entries(member.id(), "LOGIN_SUCCEEDED")).isEqualTo(1);
        assertThat(identity.staff(member.id()).lastLoginAt()).isNotNull();
    }

    @Test
    void locksTheAccountAfterFiveFailuresEvenForTheRightPassword() throws Exception {
        var member = staff.member(Role.WAREHOUSE);
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin("/login").user(member.username()).password("wrong-password-" + i))
                    .andExpect(redirectedUrl("/login?error"));
        }
        assertThat(identity.staff(member.id()).lockedUntil()).isNotNull();
        mvc.perform(formLogin("/login").user(member.username()).password(StaffFixtures.PASSWORD))
                .andExpect(redirectedUrl("/login?locked"));
        assertThat(entries(member.id(), "LOGIN_FAILED")).isEqualTo(5);
        assertThat(entries(member.id(), "ACCOUNT_LOCKED")).isEqualTo(1);

        identity.unlock(member.id());
        mvc.perform(formLogin("/login").user(member.username()).password(StaffFixtures.PASSWORD))
                .andExpect(redirectedUrl("/console"));
    }

    @Test
    void doesNotRevealWhetherAUsernameExists() throws Exception {
        mvc.perform(formLogin("/login").user("nobody-" + System.nanoTime()).password("whatever-123"))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void aGeneratedPasswordMustBeChangedBeforeAnythingElse() throws Exception {
        CreatedStaff created = identity.createStaff(new NewStaff("newcomer-" + System.nanoTime() % 100000,
                "Newcomer", null, Set.of(Role.DATA_OPS), null));
        MvcResult login = mvc.perform(formLogin("/login").user(created.staff().username())
                        .password(created.temporaryPassword()))
                .andExpect(redirectedUrl("/console/account/password")).andReturn();
        // sessions live in the database (Spring Session): the browser holds only this cookie
        Cookie session = login.getResponse().getCookie("SHOPOPS_SESSION");
        assertThat(session).isNotNull();
        mvc.perform(get("/console/audit").cookie(session)).andExpect(redirectedUrl("/console/account/password"));

        mvc.perform(post("/console/account/password").cookie(session).with(csrf())
                        .param("currentPassword", created.temporaryPassword())
                        .param("newPassword", "my-own-secret-7").param("confirmPassword", "my-own-secret-7"))
                .andExpect(redirectedUrl("/console"));
        mvc.perform(get("/console/audit").cookie(session)).andExpect(status().isOk());
        assertThat(identity.staff(created.staff().id()).mustChangePassword()).isFalse();
    }

    @Test
    void refusesASignInWithoutCsrfToken() throws Exception {
        mvc.perform(post("/login").param("username", "admin").param("password", "x"))
                .andExpect(status().isForbidden());
    }

    private long entries(long staffId, String action) {
        return audit.find(new AuditQuery(null, action, "staff", Long.toString(staffId), null, null),
                new PageQuery(0, 50)).totalItems();
    }
}
