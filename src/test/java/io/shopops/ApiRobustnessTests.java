package io.shopops;

import java.util.ArrayList;
import java.util.List;

import io.shopops.identity.Role;
import io.shopops.testing.SecurityDoc;
import io.shopops.testing.SecurityDoc.Endpoint;
import io.shopops.testing.ShopOpsTest;
import io.shopops.testing.StaffFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Bad input of every kind, sent by an administrator (who passes every permission check) to every documented
 * endpoint: malformed and mistyped bodies, absurd ids, hostile strings and out-of-range paging. Each answer
 * is a 4xx (or a harmless 2xx/3xx), never a 500; the API's refusals are problem details.
 */
@ShopOpsTest
class ApiRobustnessTests {

    private static final List<String> BODIES = List.of("", "[]", "\"text\"", "{", "{\"unknown\":1}", "null",
            "{\"quantity\":\"many\",\"version\":\"x\",\"skuId\":[1],\"name\":{}}",
            "{\"quantity\":1e400,\"version\":99999999999999999999,\"warehouseId\":-1,\"skuId\":0}",
            "{\"code\":\"\\u0000\",\"name\":\"' OR 1=1; DROP TABLE product; --\",\"title\":\"<script>alert(1)</script>\"}",
            "{\"lines\":[null],\"skus\":[null],\"roles\":[null],\"productIds\":[null],\"attributes\":[null]}");
    private static final List<String> IDS = List.of("-1", "abc", "99999999999999999999", "%00");
    private static final List<String> QUERIES = List.of("page=-1", "size=100000", "page=abc&size=x",
            "q=%00%27%22%3B--", "q=" + "x".repeat(5000), "from=yesterday&to=2026-13-45", "status=BOGUS&state=NOPE",
            "categoryId=abc&brandId=-5&minPrice=-1&maxPrice=abc&sort=nonsense&warehouseId=x&skuId=y&type=Z",
            "minPrice=100&maxPrice=1", "role=KING&includeInactive=maybe");

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffFixtures staff;
    @Autowired
    UserDetailsService users;

    @Test
    void noBadInputMakesAnyEndpointFail() throws Exception {
        StaffFixtures.Member admin = staff.member(Role.ADMIN);
        UserDetails principal = users.loadUserByUsername(admin.username());
        var signedIn = authentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities()));
        List<String> failures = new ArrayList<>();
        for (Endpoint endpoint : SecurityDoc.endpoints()) {
            for (String id : IDS) {
                String path = endpoint.pathWith(id);
                if (endpoint.method().equals("GET")) {
                    for (String query : QUERIES) {
                        var call = request(HttpMethod.GET, path + "?" + query);
                        check(endpoint, path + "?" + query, endpoint.isConsole()
                                ? mvc.perform(call.with(signedIn)).andReturn().getResponse()
                                : mvc.perform(call.header("Authorization", admin.bearer())).andReturn().getResponse(),
                                failures);
                    }
                } else if (endpoint.isConsole()) {
                    var call = request(HttpMethod.valueOf(endpoint.method()), path).with(signedIn).with(csrf())
                            .param("version", "x").param("quantity", "-1").param("name", "\u0000")
                            .param("status", "BOGUS").param("roles", "KING").param("price", "1e400");
                    check(endpoint, path, mvc.perform(call).andReturn().getResponse(), failures);
                } else {
                    for (String body : BODIES) {
                        var call = request(HttpMethod.valueOf(endpoint.method()), path)
                                .header("Authorization", admin.bearer())
                                .contentType(MediaType.APPLICATION_JSON).content(body);
                        check(endpoint, path + " " + body, mvc.perform(call).andReturn().getResponse(), failures);
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    /**
     * Refusals made before a controller is chosen (the firewall, an unsupported media type) go through the
     * servlet container's error page, which MockMvc does not render: ErrorResponsesHttpTests checks those
     * answers on a real server.
     */
    private static boolean sentToErrorPage(MockHttpServletResponse response) {
        return response.getErrorMessage() != null || (response.getContentLength() == 0 && response.isCommitted());
    }

    private static void check(Endpoint endpoint, String what, MockHttpServletResponse response, List<String> failures)
            throws Exception {
        int status = response.getStatus();
        if (status >= 500) {
            failures.add("%s %s -> %d %s".formatted(endpoint.method(), what, status, response.getContentAsString()));
        } else if (!endpoint.isConsole() && status >= 400 && !sentToErrorPage(response)
                && !String.valueOf(response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE)) {
            failures.add("%s %s -> %d without problem details (%s)".formatted(endpoint.method(), what, status,
                    response.getContentType()));
        }
    }
}
