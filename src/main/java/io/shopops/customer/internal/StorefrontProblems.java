package io.shopops.customer.internal;

import java.io.IOException;
import java.net.URI;

import io.shopops.shared.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Writes the storefront chain's 401 and 403 answers as problem details, with the same types as the staff
 * API's ({@code unauthenticated}, {@code forbidden}).
 */
final class StorefrontProblems {

    static final String SIGN_IN = "Sign in and send the token as 'Authorization: Bearer ct_...'";

    private final JsonMapper json;

    StorefrontProblems(JsonMapper json) {
        this.json = json;
    }

    void unauthorized(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"shopops-store\"");
        write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required", detail);
    }

    void forbidden(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "This action is not open to you");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
            String title, String detail) throws IOException {
        ProblemDetail problem = Problems.of(status, type, title, detail);
        problem.setInstance(URI.create(request.getRequestURI().replaceAll("[^\\w/.\\-]", "")));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
