package io.shopops.customer;

import java.util.ArrayList;
import java.util.List;

import io.shopops.identity.Permission;
import io.shopops.identity.Role;
import io.shopops.shared.Actor;
import io.shopops.testing.CustomerFixtures;
import io.shopops.testing.ShopOpsTest;
import io.shopops.testing.StaffFixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The staff's side: customers on the REST API and the console, found by whole phone or email, always masked. */
@ShopOpsTest
class CustomerAdminTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffFixtures staff;
    @Autowired
    CustomerFixtures fixtures;
    @Autowired
    Customers customers;
    @Autowired
    CustomerSessions sessions;
    @Autowired
    JsonMapper json;

    @Test
    void staffFindACustomerByTheWholePhoneNumberAndSeeItMasked() throws Exception {
        var customer = fixtures.customer();
        String key = staff.member(Role.CUSTOMER_OPS).bearer();
        MockHttpServletResponse response = api("/api/v1/admin/customers?phone=" + customer.phone(), key);
        assertThat(response.getStatus()).isEqualTo(200);
        JsonNode page = json.readTree(response.getContentAsString());
        assertThat(page.get("totalItems").asLong()).isEqualTo(1);
        assertThat(page.get("items").get(0).get("id").asLong()).isEqualTo(customer.view().id().value());
        assertThat(page.get("items").get(0).get("maskedPhone").asString()).isEqualTo(customer.view().maskedPhone());
        assertThat(response.getContentAsString()).doesNotContain(customer.phone()).doesNotContain(customer.email());

        assertThat(json.readTree(api("/api/v1/admin/customers?email=" + customer.email(), key).getContentAsString())
                .get("totalItems").asLong()).isEqualTo(1);
    }

    @Test
    void refusesASearchByAFragmentOfAPhoneNumber() throws Exception {
        MockHttpServletResponse response = api("/api/v1/admin/customers?phone=1380013",
                staff.member(Role.DATA_OPS).bearer());
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("\"field\":\"phone\"").contains("encrypted");
    }

    @Test
    void aCustomersPageShowsTheAccountItsSignInStateAndItsAddressesMasked() throws Exception {
        var customer = fixtures.customer();
        customers.addAddress(customer.view().id(), new AddressDetails("欧阳锋", "13711112222", "浙江省", "杭州市",
                "西湖区", "白堤 1 号", null));
        for (int i = 0; i < 5; i++) {
            sessions.signIn(customer.email(), "wrong-pass-" + i);
        }
        MockHttpServletResponse response = api("/api/v1/admin/customers/" + customer.view().id(),
                staff.member(Role.OPS_MANAGER).bearer());
        assertThat(response.getStatus()).isEqualTo(200);
        JsonNode detail = json.readTree(response.getContentAsString());
        assertThat(detail.get("lockedUntil").isNull()).isFalse();
        assertThat(detail.get("addresses").get(0).get("recipient").asString()).isEqualTo("欧**");
        assertThat(response.getContentAsString()).doesNotContain("13711112222").doesNotContain("白堤")
                .doesNotContain(customer.phone()).doesNotContain(customer.email());
        assertThat(api("/api/v1/admin/customers/999999999", staff.member(Role.ADMIN).bearer()).getStatus())
                .isEqualTo(404);
    }

    @Test
    void theConsoleListsCustomersMaskedInBothLanguages() throws Exception {
        var customer = fixtures.customer();
        RequestPostProcessor member = as(Role.CUSTOMER_OPS);
        String english = page(get("/console/customers").param("phone", customer.phone()).param("lang", "en"), member);
        assertThat(english).contains("Customers").contains(customer.view().nickname())
                .contains(customer.view().maskedPhone()).contains("Web").doesNotContain(customer.email());
        assertThat(english.replace("value=\"" + customer.phone() + "\"", ""))
                .as("the number appears only as typed into the search field").doesNotContain(customer.phone());
        String chinese = page(get("/console/customers").param("nickname", customer.view().nickname())
                .param("lang", "zh-CN"), member);
        assertThat(chinese).contains("客户").contains("注册渠道").contains(customer.view().nickname())
                .doesNotContain(customer.phone());
    }

    @Test
    void theConsoleShowsWhyASearchIsRefused() throws Exception {
        String body = page(get("/console/customers").param("phone", "138").param("lang", "en"), as(Role.DATA_OPS));
        assertThat(body).contains("phone").contains("encrypted");
    }

    @Test
    void theConsoleShowsACustomerMasked() throws Exception {
        var customer = fixtures.customer();
        customers.addAddress(customer.view().id(), new AddressDetails("令狐冲", "13722223333", "陕西省", "西安市",
                "雁塔区", "华山路 9 号", "710061"));
        for (String lang : List.of("en", "zh-CN")) {
            String body = page(get("/console/customers/" + customer.view().id()).param("lang", lang),
                    as(Role.MARKETING_OPS));
            assertThat(body).contains(customer.view().nickname()).contains(customer.view().maskedPhone())
                    .contains("令**").contains("137****3333").contains("陕西省 西安市 雁塔区")
                    .doesNotContain("13722223333").doesNotContain("华山路").doesNotContain(customer.email());
        }
    }

    @Test
    void theNavigationLinksToCustomersOnlyForThoseWhoMayReadThem() throws Exception {
        assertThat(page(get("/console").param("lang", "en"), as(Role.CUSTOMER_OPS)))
                .contains("href=\"/console/customers\"");
        assertThat(page(get("/console").param("lang", "en"), as(Role.WAREHOUSE)))
                .doesNotContain("href=\"/console/customers\"");
    }

    /** A signed-in member holding the role, as the console sees them. */
    private RequestPostProcessor as(Role role) {
        StaffFixtures.Member member = staff.member(role);
        List<SimpleGrantedAuthority> authorities = new ArrayList<>(role.permissions().stream()
                .map(Permission::authority).map(SimpleGrantedAuthority::new).toList());
        authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
        return authentication(new UsernamePasswordAuthenticationToken(Actor.staff(member.id(), member.username()),
                null, authorities));
    }

    private String page(MockHttpServletRequestBuilder request, RequestPostProcessor member) throws Exception {
        MockHttpServletResponse response = mvc.perform(request.with(member)).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString();
    }

    private MockHttpServletResponse api(String path, String bearer) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path).header("Authorization", bearer)).andReturn()
                .getResponse();
        response.setCharacterEncoding("UTF-8");
        return response;
    }
}
