package io.shopops.customer.internal;

import java.io.IOException;
import java.util.Optional;

import io.shopops.shared.web.SecurityProblems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates storefront requests carrying {@code Authorization: Bearer ct_...}. A request without an
 * {@code Authorization} header passes on anonymous (public endpoints serve it; customer endpoints refuse it with
 * 401); any other credential, a staff API key included, is refused here with 401. Constructed by the storefront
 * chain only, never registered as a servlet filter of its own.
 */
class CustomerTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final CustomerTokenAuthenticator authenticator;
    static final String SIGN_IN = "Sign in and send the token as 'Authorization: Bearer ct_...'";

    private final SecurityProblems problems;

    CustomerTokenFilter(CustomerTokenAuthenticator authenticator, SecurityProblems problems) {
        this.authenticator = authenticator;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<CustomerPrincipal> principal = header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? authenticator.authenticate(header.substring(BEARER.length()).trim())
                : Optional.empty();
        if (principal.isEmpty()) {
            problems.unauthorized(request, response,
                    "The token is not a customer's, or it was revoked or has expired; " + SIGN_IN);
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal.get(), null,
                principal.get().authorities()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
