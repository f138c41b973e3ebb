package io.shopops.identity;

import io.shopops.testing.ShopOpsTest;
import io.shopops.testing.StaffFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@ShopOpsTest
class StaffApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffFixtures staff;
    @Autowired
    Identity identity;

    @Test
    void createsAMemberWithATemporaryPasswordShownOnce() throws Exception {
        var admin = staff.member(Role.ADMIN);
        String username = "li.na-" + System.nanoTime() % 100000;
        mvc.perform(post("/api/v1/admin/staff").header("Authorization", admin.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"%s","displayName":"李娜","roles":["PRODUCT_OPS","DATA_OPS"]}""".formatted(username)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.staff.username").value(username))
                .andExpect(jsonPath("$.staff.mustChangePassword").value(true))
                .andExpect(jsonPath("$.temporaryPassword").isString())
                .andExpect(jsonPath("$.staff.passwordHash").doesNotExist());
    }

    @Test
    void namesEveryInvalidFieldAndCreatesNothing() throws Exception {
        var admin = staff.member(Role.ADMIN);
        long before = identity.findStaff(null, null, io.shopops.shared.PageQuery.first(1)).totalItems();
        mvc.perform(post("/api/v1/admin/staff").header("Authorization", admin.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"x","displayName":"","email":"not-an-email","roles":[]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:shopops:problem:validation-failed"))
                .andExpect(jsonPath("$.errors[?(@.field == 'username')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'displayName')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'email')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'roles')]").exists());
        mvc.perform(post("/api/v1/admin/staff").header("Authorization", admin.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"ok-name","displayName":"A","roles":["KING"]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("roles[0]"));
        assertThat(identity.findStaff(null, null, io.shopops.shared.PageQuery.first(1)).totalItems()).isEqualTo(before);
    }

    @Test
    void refusesATakenUsernameWhateverItsCase() throws Exception {
        var admin = staff.member(Role.ADMIN);
        mvc.perform(post("/api/v1/admin/staff").header("Authorization", admin.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"%s","displayName":"Dup","roles":["WAREHOUSE"]}""".formatted(admin.username().toUpperCase())))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("username"));
    }

    @Test
    void aRevokedKeyStopsWorkingAtOnce() throws Exception {
        var member = staff.member(Role.DATA_OPS);
        mvc.perform(get("/api/v1/admin/account").header("Authorization", member.bearer())).andExpect(status().isOk());
        long keyId = identity.apiKeys(member.id()).getFirst().id();
        identity.revokeApiKey(member.id(), keyId);
        mvc.perform(get("/api/v1/admin/account").header("Authorization", member.bearer()))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("urn:shopops:problem:unauthenticated"));
    }

    @Test
    void aRoleChangeAppliesToTheNextCall() throws Exception {
        var admin = staff.member(Role.ADMIN);
        var member = staff.member(Role.MARKETING_OPS);
        mvc.perform(get("/api/v1/admin/audit-entries").header("Authorization", member.bearer()))
                .andExpect(status().isForbidden());
        long version = identity.staff(member.id()).version();
        mvc.perform(put("/api/v1/admin/staff/" + member.id() + "/roles").header("Authorization", admin.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\":[\"DATA_OPS\"],\"version\":" + version + "}"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/admin/audit-entries").header("Authorization", member.bearer()))
                .andExpect(status().isOk());
        mvc.perform(put("/api/v1/admin/staff/" + member.id() + "/roles").header("Authorization", admin.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\":[\"WAREHOUSE\"],\"version\":" + version + "}"))
                .andExpect(status().isConflict());
    }

    @Test
    void theLastAdministratorCannotBeDemotedOrDisabled() {
        // Every test context has the first administrator plus any made by tests; demote all but one.
        var admins = identity.findStaff(null, Role.ADMIN, io.shopops.shared.PageQuery.first(200)).items();
        var keep = admins.getFirst();
        for (StaffView other : admins.subList(1, admins.size())) {
            identity.changeRoles(other.id(), java.util.Set.of(Role.OPS_MANAGER), identity.staff(other.id()).version());
        }
        var refused = org.assertj.core.api.Assertions.catchThrowableOfType(io.shopops.shared.BusinessRuleException.class,
                () -> identity.changeRoles(keep.id(), java.util.Set.of(Role.DATA_OPS), identity.staff(keep.id()).version()));
        assertThat(refused.code()).isEqualTo("last-administrator");
        refused = org.assertj.core.api.Assertions.catchThrowableOfType(io.shopops.shared.BusinessRuleException.class,
                () -> identity.disable(keep.id(), identity.staff(keep.id()).version()));
        assertThat(refused.code()).isEqualTo("last-administrator");
    }
}
