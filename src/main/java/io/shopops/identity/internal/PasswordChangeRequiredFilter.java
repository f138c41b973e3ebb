package io.shopops.identity.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A member signed in with a generated or reset password sees nothing but the page to choose their own
 * (and can sign out). Part of the console's filter chain only.
 */
class PasswordChangeRequiredFilter extends OncePerRequestFilter {

    private final String passwordPage;

    PasswordChangeRequiredFilter(String passwordPage) {
        this.passwordPage = passwordPage;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof StaffPrincipal staff
                && staff.mustChangePassword() && !allowed(request.getRequestURI())) {
            String target = request.getContextPath() + passwordPage;
            if (request.getHeader("HX-Request") != null) {
                response.setHeader("HX-Redirect", target);
                response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            } else {
                response.sendRedirect(target);
            }
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean allowed(String uri) {
        return uri.equals(passwordPage) || uri.equals("/logout") || uri.equals("/error")
                || uri.startsWith("/css/") || uri.startsWith("/js/") || uri.startsWith("/webjars/")
                || uri.startsWith("/img/");
    }
}
