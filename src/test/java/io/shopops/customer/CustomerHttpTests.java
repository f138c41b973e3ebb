package io.shopops.customer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.shopops.identity.Role;
import io.shopops.testing.CustomerFixtures;
import io.shopops.testing.StaffFixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a real server: a storefront client signs up, signs in and uses its token; every refusal on the storefront,
 * including those made by the security filters and the container, is a problem detail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CustomerHttpTests {

    @LocalServerPort
    int port;
    @Autowired
    StaffFixtures staff;
    @Autowired
    JsonMapper json;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aShopperSignsUpSignsInAndSeesTheirAccount() throws Exception {
        String phone = CustomerFixtures.uniquePhone();
        HttpResponse<String> signUp = send("POST", "/api/v1/store/customers", null, """
                {"phone":"%s","password":"%s","nickname":"真实客户"}""".formatted(phone, CustomerFixtures.PASSWORD));
        assertThat(signUp.statusCode()).as(signUp.body()).isEqualTo(201);
        HttpResponse<String> signIn = send("POST", "/api/v1/store/sessions", null, """
                {"login":"%s","password":"%s"}""".formatted(phone, CustomerFixtures.PASSWORD));
        assertThat(signIn.statusCode()).isEqualTo(201);
        assertThat(signIn.headers().firstValue("Set-Cookie")).as("stateless").isEmpty();
        String token = json.readTree(signIn.body()).get("token").asString();
        HttpResponse<String> me = send("GET", "/api/v1/store/me", "Bearer " + token, null);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("真实客户").doesNotContain(phone);
    }

    @Test
    void storefrontRefusalsAreProblemDetails() throws Exception {
        assertProblem(send("POST", "/api/v1/store/sessions", null, """
                {"login":"%s","password":"wrong-pass-1"}""".formatted(CustomerFixtures.uniquePhone())), 401);
        assertProblem(send("GET", "/api/v1/store/me", null, null), 401);
        assertProblem(send("GET", "/api/v1/store/products", staff.member(Role.ADMIN).bearer(), null), 401);
        assertProblem(send("GET", "/api/v1/store/no-such-thing", null, null), 404);
        assertProblem(send("PATCH", "/api/v1/store/customers", null, "{}"), 405);
        assertProblem(send("POST", "/api/v1/store/customers", null,
                "{\"nickname\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}"), 413);
    }

    private HttpResponse<String> send(String method, String path, String authorization, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"status\":" + status).contains("\"type\":\"urn:shopops:problem:");
    }
}
