package io.shopops.customer;

import java.util.ArrayList;
import java.util.List;

import io.shopops.testing.CustomerFixtures;
import io.shopops.testing.SecurityDoc;
import io.shopops.testing.SecurityDoc.Endpoint;
import io.shopops.testing.ShopOpsTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * What ApiRobustnessTests does for the staff API (whose keys the storefront refuses), done for the storefront
 * with a signed-in customer's token: malformed and mistyped bodies, absurd ids, hostile strings and bad paging
 * sent to every storefront endpoint of docs/security.md answer 4xx problem details (or a harmless 2xx), never 500.
 */
@ShopOpsTest
class CustomerStoreRobustnessTests {

    private static final List<String> BODIES = List.of("", "[]", "\"text\"", "{", "{\"unknown\":1}", "null",
            "{\"phone\":13800138000,\"password\":[1],\"nickname\":{},\"version\":\"x\",\"channel\":7}",
            "{\"login\":\"\\u0000\",\"password\":\"\\u0000\",\"recipient\":\"' OR 1=1; --\",\"detail\":\"<script>\"}",
            "{\"version\":99999999999999999999,\"postalCode\":1e400,\"phone\":\"+86 +86 1\"}",
            "{\"email\":\"" + "@".repeat(3000) + "\",\"province\":null,\"city\":[null]}");
    private static final List<String> IDS = List.of("-1", "abc", "99999999999999999999", "%00", "0");
    private static final List<String> QUERIES = List.of("page=-1", "size=100000", "page=abc&size=x",
            "q=%00%27%22%3B--", "q=" + "x".repeat(5000), "categoryId=abc&brandId=-5&minPrice=-1&maxPrice=abc",
            "sort=nonsense", "minPrice=100&maxPrice=1", "sort=price,sideways", "status=DRAFT&stockState=LOW");

    @Autowired
    MockMvc mvc;
    @Autowired
    CustomerFixtures customers;

    @Test
    void noBadInputMakesAnyStorefrontEndpointFail() throws Exception {
        List<Endpoint> storefront = SecurityDoc.endpoints().stream()
                .filter(endpoint -> endpoint.path().startsWith("/api/v1/store/")).toList();
        assertThat(storefront).isNotEmpty();
        List<String> failures = new ArrayList<>();
        for (Endpoint endpoint : storefront) {
            // a fresh token per endpoint: signing out ends the token it is called with
            String bearer = customers.signedIn().bearer();
            for (String id : IDS) {
                String path = endpoint.pathWith(id);
                if (endpoint.method().equals("GET")) {
                    for (String query : QUERIES) {
                        check(endpoint, path + "?" + query, request(HttpMethod.GET, path + "?" + query), bearer,
                                failures);
                    }
                } else {
                    for (String body : BODIES) {
                        check(endpoint, path + " " + body, request(HttpMethod.valueOf(endpoint.method()), path)
                                .contentType(MediaType.APPLICATION_JSON).content(body), bearer, failures);
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    /**
     * Refusals made before a controller is chosen (the firewall refusing an encoded NUL in the path) go through the
     * servlet container's error page, which MockMvc does not render. CustomerHttpTests checks the storefront's
     * refusals on a real server (where Tomcat itself refuses an encoded NUL, for the staff API alike).
     */
    private static boolean sentToErrorPage(MockHttpServletResponse response) {
        return response.getErrorMessage() != null || (response.getContentLength() == 0 && response.isCommitted());
    }

    private void check(Endpoint endpoint, String what, MockHttpServletRequestBuilder call, String bearer,
            List<String> failures) throws Exception {
        MockHttpServletResponse response = mvc.perform(call.header("Authorization", bearer)).andReturn().getResponse();
        int status = response.getStatus();
        if (status >= 500) {
            failures.add("%s %s -> %d %s".formatted(endpoint.method(), what, status, response.getContentAsString()));
        } else if (status == 401 && !what.contains("sessions/current")) {
            failures.add("%s %s -> 401: the customer's token was refused".formatted(endpoint.method(), what));
        } else if (status >= 400 && !sentToErrorPage(response)
                && !String.valueOf(response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE)) {
            failures.add("%s %s -> %d without problem details (%s)".formatted(endpoint.method(), what, status,
                    response.getContentType()));
        }
    }
}
