package io.shopops.customer;

import java.util.List;
import java.util.stream.Stream;

import io.shopops.audit.AuditEntry;
import io.shopops.audit.AuditLog;
import io.shopops.audit.AuditQuery;
import io.shopops.shared.PageQuery;
import io.shopops.testing.CustomerFixtures;
import io.shopops.testing.ShopOpsTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/** The storefront's account and address endpoints over HTTP, as a shop's web or app client calls them. */
@ShopOpsTest
class CustomerStoreApiTests {

    private static final String PASSWORD = CustomerFixtures.PASSWORD;

    @Autowired
    MockMvc mvc;
    @Autowired
    CustomerFixtures fixtures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditLog audit;
    @Autowired
    JsonMapper json;

    // --- sign-up -----------------------------------------------------------------------------------------------

    @Test
    void signsUpAndAnswersWithTheAccountMasked() throws Exception {
        String phone = CustomerFixtures.uniquePhone();
        String email = CustomerFixtures.uniqueEmail();
        MockHttpServletResponse response = send(post("/api/v1/store/customers"), """
                {"phone":"%s","email":"%s","password":"%s","nickname":"小明","realName":"王小明","channel":"APP"}
                """.formatted(phone, email, PASSWORD), null);
        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(response.getHeader("Location")).isEqualTo("/api/v1/store/me");
        JsonNode body = json.readTree(response.getContentAsString());
        assertThat(body.get("maskedPhone").asString()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
        assertThat(body.get("maskedRealName").asString()).isEqualTo("王**");
        assertThat(body.get("channel").asString()).isEqualTo("APP");
        assertThat(response.getContentAsString()).doesNotContain(phone).doesNotContain(email)
                .doesNotContain(PASSWORD).doesNotContain("王小明");
    }

    @Test
    void refusesADuplicatePhoneWith409NamingOnlyTheField() throws Exception {
        var existing = fixtures.customer();
        long before = customerCount();
        MockHttpServletResponse response = send(post("/api/v1/store/customers"), """
                {"phone":"%s","password":"%s","nickname":"另一个"}
                """.formatted(existing.phone(), PASSWORD), null);
        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(fields(response)).containsExactly("phone");
        assertThat(response.getContentAsString()).doesNotContain(existing.view().nickname())
                .doesNotContain(existing.email());
        assertThat(json.readTree(response.getContentAsString()).propertyNames())
                .containsExactlyInAnyOrder("type", "title", "status", "detail", "instance", "errors");
        assertThat(customerCount()).isEqualTo(before);
    }

    static Stream<Arguments> badSignUps() {
        String ok = "\"phone\":\"13912340000\",\"password\":\"abcd1234\",\"nickname\":\"n\"";
        return Stream.of(
                Arguments.of("{}", List.of("phone", "email", "password", "nickname")),
                Arguments.of("{\"phone\":\"13912340000\",\"nickname\":\"n\"}", List.of("password")),
                Arguments.of("{\"phone\":\"13912340000\",\"password\":\"ab12\",\"nickname\":\"n\"}", List.of("password")),
                Arguments.of("{\"phone\":\"13912340000\",\"password\":\"abcdefgh\",\"nickname\":\"n\"}", List.of("password")),
                Arguments.of("{\"phone\":\"13912340000\",\"password\":\"" + "a1".repeat(65) + "\",\"nickname\":\"n\"}",
                        List.of("password")),
                Arguments.of("{\"phone\":\"13912340000\",\"password\":\"abcd\\u00001234\",\"nickname\":\"n\"}",
                        List.of("password")),
                Arguments.of("{\"phone\":\"23912340000\",\"password\":\"abcd1234\",\"nickname\":\"n\"}", List.of("phone")),
                Arguments.of("{\"phone\":\"1391234000\",\"password\":\"abcd1234\",\"nickname\":\"n\"}", List.of("phone")),
                Arguments.of("{\"phone\":\"" + "1".repeat(10_000) + "\",\"password\":\"abcd1234\",\"nickname\":\"n\"}",
                        List.of("phone")),
                Arguments.of("{\"email\":\"no-at-sign\",\"password\":\"abcd1234\",\"nickname\":\"n\"}", List.of("email")),
                Arguments.of("{\"email\":\"a\\u0000b@example.com\",\"password\":\"abcd1234\",\"nickname\":\"n\"}",
                        List.of("email")),
                Arguments.of("{\"email\":\"" + "x".repeat(300) + "@example.com\",\"password\":\"abcd1234\",\"nickname\":\"n\"}",
                        List.of("email")),
                Arguments.of("{\"phone\":\"13912340000\",\"password\":\"abcd1234\",\"nickname\":\"" + "长".repeat(10_000) + "\"}",
                        List.of("nickname")),
                Arguments.of("{\"phone\":\"13912340000\",\"password\":\"abcd1234\",\"nickname\":\"a\\u0000b\"}",
                        List.of("nickname")),
                Arguments.of("{" + ok + ",\"realName\":\"" + "名".repeat(51) + "\"}", List.of("realName")),
                Arguments.of("{" + ok + ",\"isAdmin\":true}", List.of("isAdmin")),
                Arguments.of("{" + ok + ",\"channel\":\"SMS\"}", List.of("channel")),
                Arguments.of("{\"phone\":\"13912340000\",\"password\":[\"abcd1234\"],\"nickname\":\"n\"}", List.of("password")),
                Arguments.of("{\"phone\":\"13912340000\",\"password\":\"abcd1234\",\"nickname\":{\"a\":1}}", List.of("nickname")),
                Arguments.of("[]", List.of("body")),
                Arguments.of("not json", List.of("body")),
                Arguments.of("", List.of("body")));
    }

    @ParameterizedTest
    @MethodSource("badSignUps")
    void refusesEveryBadSignUpNamingTheFieldAndWritesNothing(String body, List<String> fields) throws Exception {
        long customers = customerCount();
        long entries = auditCount();
        MockHttpServletResponse response = send(post("/api/v1/store/customers"), body, null);
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(400);
        assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(fields(response)).containsExactlyInAnyOrderElementsOf(fields);
        assertThat(customerCount()).isEqualTo(customers);
        assertThat(auditCount()).isEqualTo(entries);
    }

    @Test
    void refusesABodyOverTheSizeLimit() throws Exception {
        long customers = customerCount();
        MockHttpServletResponse response = send(post("/api/v1/store/customers"),
                "{\"nickname\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}", null);
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(customerCount()).isEqualTo(customers);
    }

    // --- sign-in and sign-out ----------------------------------------------------------------------------------

    @Test
    void signsInWithAPhoneNumberUsesTheTokenAndSignsOut() throws Exception {
        var customer = fixtures.customer();
        MockHttpServletResponse signIn = send(post("/api/v1/store/sessions"), """
                {"login":"%s","password":"%s"}""".formatted(customer.phone(), PASSWORD), null);
        assertThat(signIn.getStatus()).isEqualTo(201);
        JsonNode session = json.readTree(signIn.getContentAsString());
        String token = session.get("token").asString();
        assertThat(token).startsWith("ct_");
        assertThat(session.get("expiresAt").asString()).isNotBlank();
        assertThat(session.get("customer").get("id").asLong()).isEqualTo(customer.view().id().value());

        MockHttpServletResponse me = send(get("/api/v1/store/me"), null, "Bearer " + token);
        assertThat(me.getStatus()).isEqualTo(200);
        assertThat(json.readTree(me.getContentAsString()).get("nickname").asString())
                .isEqualTo(customer.view().nickname());

        assertThat(send(delete("/api/v1/store/sessions/current"), null, "Bearer " + token).getStatus()).isEqualTo(204);
        assertThat(send(get("/api/v1/store/me"), null, "Bearer " + token).getStatus()).isEqualTo(401);
    }

    @Test
    void signingOutEndsOnlyThisDevicesSession() throws Exception {
        var customer = fixtures.signedIn();
        String otherDevice = fixtures.signIn(customer.email());
        assertThat(send(delete("/api/v1/store/sessions/current"), null, customer.bearer()).getStatus()).isEqualTo(204);
        assertThat(send(get("/api/v1/store/me"), null, customer.bearer()).getStatus()).isEqualTo(401);
        assertThat(send(get("/api/v1/store/me"), null, "Bearer " + otherDevice).getStatus()).isEqualTo(200);
        assertThat(audit.find(new AuditQuery("customer:" + customer.view().id().value(), "CUSTOMER_SIGNED_OUT",
                null, null, null, null), PageQuery.first(5)).totalItems()).isEqualTo(1);
    }

    @Test
    void answersEveryRefusedSignInWithTheSame401() throws Exception {
        var customer = fixtures.customer();
        MockHttpServletResponse unknown = send(post("/api/v1/store/sessions"), """
                {"login":"%s","password":"%s"}""".formatted(CustomerFixtures.uniquePhone(), PASSWORD), null);
        MockHttpServletResponse wrong = send(post("/api/v1/store/sessions"), """
                {"login":"%s","password":"wrong-pass-1"}""".formatted(customer.phone()), null);
        MockHttpServletResponse unknownEmail = send(post("/api/v1/store/sessions"), """
                {"login":"%s","password":"%s"}""".formatted(CustomerFixtures.uniqueEmail(), PASSWORD), null);
        for (MockHttpServletResponse response : List.of(unknown, wrong, unknownEmail)) {
            assertThat(response.getStatus()).isEqualTo(401);
            assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            assertThat(response.getHeader("WWW-Authenticate")).startsWith("Bearer");
            assertThat(response.getContentAsString()).isEqualTo(unknown.getContentAsString());
        }
        assertThat(unknown.getContentAsString()).contains("urn:shopops:problem:unauthenticated");
    }

    @Test
    void refusesMalformedSignInsNamingTheField() throws Exception {
        assertThat(fields(send(post("/api/v1/store/sessions"), "{}", null))).containsExactlyInAnyOrder("login", "password");
        assertThat(fields(send(post("/api/v1/store/sessions"), "{\"login\":\"abc\",\"password\":\"x\"}", null)))
                .containsExactly("login");
        assertThat(fields(send(post("/api/v1/store/sessions"), "{\"login\":\"" + "1".repeat(5000)
                + "\",\"password\":\"x\"}", null))).containsExactly("login");
        assertThat(fields(send(post("/api/v1/store/sessions"), "{\"login\":\"13800138000\",\"password\":\"x\",\"remember\":true}",
                null))).containsExactly("remember");
    }

    // --- addresses ---------------------------------------------------------------------------------------------

    @Test
    void keepsTheSignedInCustomersAddresses() throws Exception {
        var customer = fixtures.signedIn();
        MockHttpServletResponse added = send(post("/api/v1/store/me/addresses"), """
                {"recipient":"张三","phone":"13800138000","province":"上海市","city":"上海市","district":"浦东新区",
                 "detail":"世纪大道 100 号","postalCode":"200120"}""", customer.bearer());
        assertThat(added.getStatus()).isEqualTo(201);
        JsonNode address = json.readTree(added.getContentAsString());
        long id = address.get("id").asLong();
        assertThat(added.getHeader("Location")).isEqualTo("/api/v1/store/me/addresses/" + id);
        assertThat(address.get("isDefault").asBoolean()).isTrue();
        assertThat(address.get("detail").asString()).as("the owner sees it in full").isEqualTo("世纪大道 100 号");

        MockHttpServletResponse changed = send(put("/api/v1/store/me/addresses/" + id), """
                {"recipient":"张三","phone":"13800138000","province":"上海市","city":"上海市","district":"徐汇区",
                 "detail":"漕溪北路 1 号","version":0}""", customer.bearer());
        assertThat(changed.getStatus()).isEqualTo(200);
        assertThat(json.readTree(changed.getContentAsString()).get("version").asLong()).isEqualTo(1);

        MockHttpServletResponse second = send(post("/api/v1/store/me/addresses"), """
                {"recipient":"李四","phone":"13900139000","province":"北京市","city":"北京市","district":"海淀区",
                 "detail":"中关村 1 号"}""", customer.bearer());
        long secondId = json.readTree(second.getContentAsString()).get("id").asLong();
        assertThat(send(post("/api/v1/store/me/addresses/" + secondId + "/default"), null, customer.bearer())
                .getStatus()).isEqualTo(200);

        JsonNode list = json.readTree(send(get("/api/v1/store/me/addresses"), null, customer.bearer())
                .getContentAsString());
        assertThat(list.size()).isEqualTo(2);
        assertThat(list.get(0).get("id").asLong()).as("the default first").isEqualTo(secondId);
        assertThat(json.readTree(send(get("/api/v1/store/me/addresses/" + id), null, customer.bearer())
                .getContentAsString()).get("district").asString()).isEqualTo("徐汇区");

        assertThat(send(delete("/api/v1/store/me/addresses/" + id), null, customer.bearer()).getStatus()).isEqualTo(204);
        assertThat(send(get("/api/v1/store/me/addresses/" + id), null, customer.bearer()).getStatus()).isEqualTo(404);
    }

    static Stream<Arguments> badAddresses() {
        String ok = "\"recipient\":\"张三\",\"phone\":\"13800138000\",\"province\":\"上海市\",\"city\":\"上海市\","
                + "\"district\":\"浦东新区\"";
        return Stream.of(
                Arguments.of("{}", List.of("recipient", "phone", "province", "city", "district", "detail")),
                Arguments.of("{" + ok + "}", List.of("detail")),
                Arguments.of("{" + ok + ",\"detail\":\"" + "路".repeat(201) + "\"}", List.of("detail")),
                Arguments.of("{" + ok + ",\"detail\":\"1号\",\"postalCode\":\"20012\"}", List.of("postalCode")),
                Arguments.of("{" + ok + ",\"detail\":\"1号\",\"postalCode\":\"2001200\"}", List.of("postalCode")),
                Arguments.of("{" + ok.replace("13800138000", "021-12345678") + ",\"detail\":\"1号\"}", List.of("phone")),
                Arguments.of("{" + ok.replace("张三", "\\u0000") + ",\"detail\":\"1号\"}", List.of("recipient")),
                Arguments.of("{" + ok.replace("浦东新区", "区".repeat(31)) + ",\"detail\":\"1号\"}", List.of("district")),
                Arguments.of("{" + ok + ",\"detail\":\"1号\",\"isDefault\":true}", List.of("isDefault")),
                Arguments.of("{" + ok + ",\"detail\":42.5e3,\"recipient\":[1]}", List.of("recipient")),
                Arguments.of("not json", List.of("body")));
    }

    @ParameterizedTest
    @MethodSource("badAddresses")
    void refusesEveryBadAddressNamingTheFieldAndWritesNothing(String body, List<String> fields) throws Exception {
        var customer = fixtures.signedIn();
        MockHttpServletResponse response = send(post("/api/v1/store/me/addresses"), body, customer.bearer());
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(400);
        assertThat(fields(response)).containsExactlyInAnyOrderElementsOf(fields);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM customer_address WHERE customer_id = :id")
                .param("id", customer.view().id().value()).query(Long.class).single()).isZero();
    }

    @Test
    void refusesAChangeWithoutTheVersionRead() throws Exception {
        var customer = fixtures.signedIn();
        long id = json.readTree(send(post("/api/v1/store/me/addresses"), address("王五"), customer.bearer())
                .getContentAsString()).get("id").asLong();
        assertThat(fields(send(put("/api/v1/store/me/addresses/" + id), address("王六"), customer.bearer())))
                .containsExactly("version");
        MockHttpServletResponse stale = send(put("/api/v1/store/me/addresses/" + id),
                address("王六").replace("}", ",\"version\":7}"), customer.bearer());
        assertThat(stale.getStatus()).isEqualTo(409);
        assertThat(fields(stale)).containsExactly("version");
    }

    @Test
    void anotherCustomersAddressIsNotFound() throws Exception {
        var owner = fixtures.signedIn();
        var other = fixtures.signedIn();
        long id = json.readTree(send(post("/api/v1/store/me/addresses"), address("主人"), owner.bearer())
                .getContentAsString()).get("id").asLong();
        assertThat(send(get("/api/v1/store/me/addresses/" + id), null, other.bearer()).getStatus()).isEqualTo(404);
        assertThat(send(put("/api/v1/store/me/addresses/" + id), address("x").replace("}", ",\"version\":0}"),
                other.bearer()).getStatus()).isEqualTo(404);
        assertThat(send(post("/api/v1/store/me/addresses/" + id + "/default"), null, other.bearer()).getStatus())
                .isEqualTo(404);
        assertThat(send(delete("/api/v1/store/me/addresses/" + id), null, other.bearer()).getStatus()).isEqualTo(404);
        assertThat(send(get("/api/v1/store/me/addresses/" + id), null, owner.bearer()).getStatus()).isEqualTo(200);
    }

    @Test
    void auditEntriesNameTheCustomerWhoActed() throws Exception {
        var customer = fixtures.signedIn();
        send(post("/api/v1/store/me/addresses"), address("审计"), customer.bearer());
        List<AuditEntry> entries = audit.find(new AuditQuery(null, "ADDRESS_ADDED", "customer",
                customer.view().id().toString(), null, null), PageQuery.first(5)).items();
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.actorName()).isEqualTo("customer:" + customer.view().id().value());
            assertThat(entry.actorId()).isNull();
        });
    }

    private static String address(String recipient) {
        return """
                {"recipient":"%s","phone":"13800138000","province":"上海市","city":"上海市","district":"浦东新区",
                 "detail":"世纪大道 100 号"}""".formatted(recipient);
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request, String body, String authorization)
            throws Exception {
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        return response;
    }

    private List<String> fields(MockHttpServletResponse response) throws Exception {
        JsonNode errors = json.readTree(response.getContentAsString()).get("errors");
        assertThat(errors).as(response.getContentAsString()).isNotNull();
        return errors.valueStream().map(error -> error.get("field").asString()).toList();
    }

    private long customerCount() {
        return jdbc.sql("SELECT COUNT(*) FROM customer_account").query(Long.class).single();
    }

    private long auditCount() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry").query(Long.class).single();
    }
}
