package io.shopops;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.shopops.identity.Role;
import io.shopops.testing.StaffFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a real server, refusals that happen before any controller runs (unknown path, wrong method, wrong
 * media type, a body over the size limit, no credentials) are problem details too, and the OpenAPI document
 * and health are open to anonymous callers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ErrorResponsesHttpTests {

    @LocalServerPort
    int port;
    @Autowired
    StaffFixtures staff;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void refusalsBeforeAnyControllerAreProblemDetails() throws Exception {
        String key = staff.member(Role.ADMIN).bearer();
        assertProblem(send("GET", "/api/v1/admin/no-such-thing", key, null, null), 404);
        assertProblem(send("DELETE", "/api/v1/admin/roles", key, null, null), 405);
        assertProblem(send("POST", "/api/v1/admin/catalog/products/import", key, "application/json", "{}"), 415);
        assertProblem(send("POST", "/api/v1/admin/staff", key, "application/json",
                "{\"username\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}"), 413);
        assertProblem(send("GET", "/api/v1/admin/roles", null, null, null), 401);
    }

    @Test
    void theOpenApiDocumentAndHealthAreOpen() throws Exception {
        HttpResponse<String> api = send("GET", "/v3/api-docs", null, null, null);
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).contains("\"openapi\"").contains("/api/v1/admin/catalog/products")
                .contains("/api/v1/admin/inventory/reservations");
        assertThat(send("GET", "/swagger-ui/index.html", null, null, null).statusCode()).isEqualTo(200);
        HttpResponse<String> health = send("GET", "/actuator/health", null, null, null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("UP");
        assertThat(send("GET", "/actuator/info", null, null, null).statusCode()).isEqualTo(302);
    }

    private HttpResponse<String> send(String method, String path, String authorization, String contentType,
            String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"status\":" + status).contains("\"type\":\"urn:shopops:problem:");
    }
}
