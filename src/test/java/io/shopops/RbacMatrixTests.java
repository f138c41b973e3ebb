package io.shopops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.shopops.identity.Permission;
import io.shopops.identity.Role;
import io.shopops.testing.CustomerFixtures;
import io.shopops.testing.ShopOpsTest;
import io.shopops.testing.SecurityDoc;
import io.shopops.testing.SecurityDoc.Endpoint;
import io.shopops.testing.StaffFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.shopops.shared.web.RequiresPermission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * docs/security.md is the contract: its role × permission table must equal the code's, every API endpoint
 * and console page must be listed there with the permission the code requires, and every endpoint called by
 * every role answers 403 exactly when the role lacks that permission (401 or the sign-in page when nobody
 * is signed in). Storefront endpoints ({@code public}, {@code customer}) are called by anonymous callers, a
 * signed-in customer and every role: {@code public} ones answer anyone who brings no credential of the other
 * door, {@code customer} ones only a customer's token; staff API keys get 401 on the storefront and customer
 * tokens 401 on the staff API. Nothing answers 500.
 */
@ShopOpsTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RbacMatrixTests {

    private static final Path DOC = SecurityDoc.PATH;

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffFixtures staff;
    @Autowired
    CustomerFixtures customers;
    @Autowired
    UserDetailsService users;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final Map<Role, StaffFixtures.Member> members = new EnumMap<>(Role.class);
    private CustomerFixtures.Registered customer;

    @BeforeAll
    void oneMemberPerRoleAndACustomer() {
        for (Role role : Role.values()) {
            members.put(role, staff.member(role));
        }
        customer = customers.customer();
    }

    @Test
    void rolePermissionTableMatchesTheCode() throws IOException {
        Map<Permission, Set<Role>> documented = documentedGrants();
        for (Permission permission : Permission.values()) {
            Set<Role> granted = EnumSet.noneOf(Role.class);
            for (Role role : Role.values()) {
                if (role.grants(permission)) {
                    granted.add(role);
                }
            }
            assertThat(documented.get(permission)).as("roles granted %s", permission.authority()).isEqualTo(granted);
        }
        assertThat(documented).hasSameSizeAs(Permission.values());
    }

    @Test
    void everyEndpointIsDocumentedWithThePermissionItRequires() throws IOException {
        assertThat(new TreeSet<>(documentedEndpoints())).isEqualTo(new TreeSet<>(mappedEndpoints()));
    }

    @Test
    void everyRoleGetsExactlyTheAccessTheDocumentSays() throws Exception {
        List<String> mismatches = new ArrayList<>();
        // one token for all the staff endpoints, checked to be still live at the end: its 401s mean refusal
        String customerToken = customers.signIn(customer.phone());
        for (Endpoint endpoint : documentedEndpoints()) {
            switch (endpoint.permission()) {
                case RequiresPermission.PUBLIC -> checkPublic(endpoint, mismatches);
                case RequiresPermission.CUSTOMER -> checkCustomerOnly(endpoint, mismatches);
                default -> checkStaff(endpoint, "Bearer " + customerToken, mismatches);
            }
        }
        assertThat(mvc.perform(request(HttpMethod.GET, "/api/v1/store/me")
                .header("Authorization", "Bearer " + customerToken)).andReturn().getResponse().getStatus())
                .as("the customer token used on the staff endpoints is live").isEqualTo(200);
        assertThat(mismatches).isEmpty();
    }

    private void checkStaff(Endpoint endpoint, String customerBearer, List<String> mismatches) throws Exception {
        int anonymous = call(endpoint, null, null);
        boolean console = endpoint.path().startsWith("/console");
        if (console ? anonymous != 302 : anonymous != 401) {
            mismatches.add("anonymous %s %s -> %d".formatted(endpoint.method(), endpoint.path(), anonymous));
        }
        int asCustomer = call(endpoint, null, customerBearer);
        if (console ? asCustomer != 302 : asCustomer != 401) {
            mismatches.add("customer %s %s -> %d".formatted(endpoint.method(), endpoint.path(), asCustomer));
        }
        for (Role role : Role.values()) {
            int status = call(endpoint, role, null);
            boolean allowed = RequiresPermission.AUTHENTICATED.equals(endpoint.permission())
                    || role.permissions().stream().anyMatch(p -> p.authority().equals(endpoint.permission()));
            boolean ok = allowed ? status != 401 && status != 403 && status < 500 : status == 403;
            if (!ok) {
                mismatches.add("%s %s %s -> %d (expected %s)".formatted(role, endpoint.method(), endpoint.path(),
                        status, allowed ? "allowed" : "403"));
            }
        }
    }

    /** Open to anyone without credentials, and to the holder of the credential of its door; 401 for the other's. */
    private void checkPublic(Endpoint endpoint, List<String> mismatches) throws Exception {
        boolean storefront = endpoint.path().startsWith("/api/v1/store/");
        int anonymous = call(endpoint, null, null);
        int asCustomer = call(endpoint, null, "Bearer " + customers.signIn(customer.phone()));
        if (storefront) {
            expectAllowed("anonymous", endpoint, anonymous, mismatches);
            expectAllowed("customer", endpoint, asCustomer, mismatches);
        } else {
            // a webhook: open to anyone, it answers on its own signature check, the same for every caller
            if (anonymous >= 500) {
                mismatches.add("anonymous %s %s -> %d".formatted(endpoint.method(), endpoint.path(), anonymous));
            }
            expectStatus("customer", endpoint, asCustomer, 401, mismatches);
        }
        for (Role role : Role.values()) {
            int status = call(endpoint, role, null);
            if (storefront) {
                expectStatus(role.name(), endpoint, status, 401, mismatches);
            } else {
                expectStatus(role.name(), endpoint, status, anonymous, mismatches);
            }
        }
    }

    /** Only a signed-in customer's token: 401 for anonymous callers and for every staff member's key. */
    private void checkCustomerOnly(Endpoint endpoint, List<String> mismatches) throws Exception {
        expectStatus("anonymous", endpoint, call(endpoint, null, null), 401, mismatches);
        // a fresh token per endpoint: signing out ends the token it is called with
        expectAllowed("customer", endpoint, call(endpoint, null, "Bearer " + customers.signIn(customer.phone())),
                mismatches);
        for (Role role : Role.values()) {
            expectStatus(role.name(), endpoint, call(endpoint, role, null), 401, mismatches);
        }
    }

    private static void expectAllowed(String who, Endpoint endpoint, int status, List<String> mismatches) {
        if (status == 401 || status == 403 || status >= 500) {
            mismatches.add("%s %s %s -> %d (expected allowed)".formatted(who, endpoint.method(), endpoint.path(),
                    status));
        }
    }

    private static void expectStatus(String who, Endpoint endpoint, int status, int expected, List<String> mismatches) {
        if (status != expected) {
            mismatches.add("%s %s %s -> %d (expected %d)".formatted(who, endpoint.method(), endpoint.path(), status,
                    expected));
        }
    }

    private int call(Endpoint endpoint, Role role, String customerBearer) throws Exception {
        String path = endpoint.path().replaceAll("\\{[^}]+}", "999999999");
        AbstractMockHttpServletRequestBuilder<?> request = request(HttpMethod.valueOf(endpoint.method()), path);
        boolean console = endpoint.path().startsWith("/console");
        if (consumesMultipart(endpoint)) {
            // an upload endpoint: a well-formed multipart request without the file
            request = multipart(HttpMethod.valueOf(endpoint.method()), path);
        }
        if (!endpoint.method().equals("GET")) {
            if (console) {
                request = request.with(csrf());
            } else if (!consumesMultipart(endpoint)) {
                request = request.contentType(MediaType.APPLICATION_JSON).content("{}");
            }
        }
        if (customerBearer != null) {
            request = request.header("Authorization", customerBearer);
        } else if (role != null) {
            StaffFixtures.Member member = members.get(role);
            if (console) {
                UserDetails principal = users.loadUserByUsername(member.username());
                request = request.with(authentication(UsernamePasswordAuthenticationToken.authenticated(
                        principal, null, principal.getAuthorities())));
            } else {
                request = request.header("Authorization", member.bearer());
            }
        }
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    private boolean consumesMultipart(Endpoint endpoint) {
        return mappings.getHandlerMethods().keySet().stream()
                .filter(info -> info.getPatternValues().contains(endpoint.path())
                        && info.getMethodsCondition().getMethods().contains(RequestMethod.valueOf(endpoint.method())))
                .anyMatch(info -> info.getConsumesCondition().getConsumableMediaTypes()
                        .contains(MediaType.MULTIPART_FORM_DATA));
    }

    private List<Endpoint> mappedEndpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            for (String path : info.getPatternValues()) {
                if (!path.startsWith("/api/") && !path.startsWith("/console")) {
                    continue;
                }
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                assertThat(methods).as("%s must name its HTTP methods", path).isNotEmpty();
                for (RequestMethod method : methods) {
                    endpoints.add(new Endpoint(method.name(), path, required(entry.getValue())));
                }
            }
        }
        return endpoints;
    }

    private static String required(HandlerMethod method) {
        RequiresPermission onMethod = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), RequiresPermission.class);
        RequiresPermission onType = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), RequiresPermission.class);
        RequiresPermission declared = onMethod != null ? onMethod : onType;
        return declared == null ? "(none declared)" : declared.value();
    }

    private static List<Endpoint> documentedEndpoints() throws IOException {
        return SecurityDoc.endpoints();
    }

    private static Map<Permission, Set<Role>> documentedGrants() throws IOException {
        List<String> lines = Files.readAllLines(DOC);
        Map<Permission, Set<Role>> grants = new HashMap<>();
        List<Role> columns = null;
        for (String line : lines) {
            String trimmed = line.trim();
            if (trimmed.startsWith("| Permission |")) {
                columns = new ArrayList<>();
                String[] cells = trimmed.split("\\|");
                for (int i = 2; i < cells.length; i++) {
                    columns.add(Role.valueOf(cells[i].trim()));
                }
                continue;
            }
            if (columns != null && trimmed.startsWith("|") && !trimmed.startsWith("|---")) {
                String[] cells = trimmed.split("\\|", -1);
                String authority = cells[1].trim();
                Permission permission = null;
                for (Permission p : Permission.values()) {
                    if (p.authority().equals(authority)) {
                        permission = p;
                    }
                }
                if (permission == null) {
                    break;
                }
                Set<Role> roles = EnumSet.noneOf(Role.class);
                for (int i = 0; i < columns.size(); i++) {
                    if (cells[i + 2].contains("✓")) {
                        roles.add(columns.get(i));
                    }
                }
                grants.put(permission, roles);
            } else if (columns != null && !trimmed.startsWith("|")) {
                break;
            }
        }
        return grants;
    }
}
