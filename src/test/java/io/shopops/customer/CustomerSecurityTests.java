package io.shopops.customer;

import io.shopops.identity.Role;
import io.shopops.testing.CustomerFixtures;
import io.shopops.testing.ShopOpsTest;
import io.shopops.testing.StaffFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The storefront's door and the staff's are separate: a staff API key opens nothing on the storefront, a
 * customer's token nothing on the staff API or console, and anonymous callers reach only what is public.
 * (RbacMatrixTests checks every endpoint this way; these are the cases spelled out.)
 */
@ShopOpsTest
class CustomerSecurityTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    CustomerFixtures customers;
    @Autowired
    StaffFixtures staff;

    @Test
    void aStaffApiKeyIsRefusedOnTheStorefrontEvenWherePublic() throws Exception {
        String key = staff.member(Role.ADMIN).bearer();
        for (MockHttpServletRequestBuilder request : new MockHttpServletRequestBuilder[] {
                post("/api/v1/store/customers").contentType(MediaType.APPLICATION_JSON).content("{}"),
                post("/api/v1/store/sessions").contentType(MediaType.APPLICATION_JSON).content("{}"),
                get("/api/v1/store/me"), get("/api/v1/store/me/addresses") }) {
            MockHttpServletResponse response = mvc.perform(request.header("Authorization", key)).andReturn()
                    .getResponse();
            assertThat(response.getStatus()).isEqualTo(401);
            assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            assertThat(response.getContentAsString()).contains("urn:shopops:problem:unauthenticated");
            assertThat(response.getHeader("WWW-Authenticate")).startsWith("Bearer");
        }
    }

    @Test
    void aCustomerTokenIsRefusedOnTheStaffApi() throws Exception {
        String bearer = customers.signedIn().bearer();
        for (String path : new String[] { "/api/v1/admin/account", "/api/v1/admin/catalog/products",
                "/api/v1/admin/no-such-thing" }) {
            MockHttpServletResponse response = mvc.perform(get(path).header("Authorization", bearer)).andReturn()
                    .getResponse();
            assertThat(response.getStatus()).as(path).isEqualTo(401);
            assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        }
    }

    @Test
    void aCustomerTokenDoesNotOpenTheConsole() throws Exception {
        String bearer = customers.signedIn().bearer();
        MockHttpServletResponse response = mvc.perform(get("/console").header("Authorization", bearer))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.getRedirectedUrl()).endsWith("/login");
    }

    @Test
    void anonymousCallersSignUpAndInButGet401ForTheirAccount() throws Exception {
        assertThat(status(post("/api/v1/store/customers").contentType(MediaType.APPLICATION_JSON).content("{}"), null))
                .as("reaches validation").isEqualTo(400);
        assertThat(status(post("/api/v1/store/sessions").contentType(MediaType.APPLICATION_JSON).content("{}"), null))
                .as("reaches validation").isEqualTo(400);
        MockHttpServletResponse me = mvc.perform(get("/api/v1/store/me")).andReturn().getResponse();
        assertThat(me.getStatus()).isEqualTo(401);
        assertThat(me.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(status(delete("/api/v1/store/sessions/current"), null)).isEqualTo(401);
        assertThat(status(get("/api/v1/store/me/addresses/1"), null)).isEqualTo(401);
    }

    @Test
    void refusesEveryCredentialThatIsNotALiveCustomerToken() throws Exception {
        var customer = customers.signedIn();
        String token = customer.token();
        String otherSecret = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");
        for (String header : new String[] { "Basic YWRtaW46YWRtaW4=", "Bearer", "Bearer ", "Bearer ct_short",
                "Bearer " + otherSecret, "Bearer " + token.replace("ct_", "sk_"), token, "Bearer " + token + " x" }) {
            assertThat(status(get("/api/v1/store/me"), header)).as(header).isEqualTo(401);
            assertThat(status(post("/api/v1/store/sessions").contentType(MediaType.APPLICATION_JSON).content("{}"),
                    header)).as("public, but " + header).isEqualTo(401);
        }
        assertThat(status(get("/api/v1/store/me"), customer.bearer())).isEqualTo(200);
        assertThat(status(get("/api/v1/store/me"), "bearer " + token)).as("the scheme is case-insensitive")
                .isEqualTo(200);
    }

    @Test
    void theStorefrontKeepsNoSessionAndNeedsNoCsrfToken() throws Exception {
        var customer = customers.signedIn();
        MockHttpServletResponse response = mvc.perform(post("/api/v1/store/me/addresses")
                .header("Authorization", customer.bearer()).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"recipient":"张三","phone":"13800138000","province":"上海市","city":"上海市",
                         "district":"浦东新区","detail":"1 号"}""")).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(response.getCookies()).isEmpty();
        assertThat(response.getHeader("Set-Cookie")).isNull();
    }

    @Test
    void currentCustomerIsEmptyOutsideACustomersRequest() {
        assertThat(CurrentCustomer.id()).isEmpty();
        assertThatThrownBy(CurrentCustomer::require).isInstanceOf(AccessDeniedException.class);
    }

    private int status(MockHttpServletRequestBuilder request, String authorization) throws Exception {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }
}
