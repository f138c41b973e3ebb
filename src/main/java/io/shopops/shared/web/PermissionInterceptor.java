package io.shopops.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Enforces {@link RequiresPermission} before the handler's arguments are resolved, and refuses handlers
 * that declare no permission (closed by default: forgetting the annotation cannot open an endpoint).
 */
class PermissionInterceptor implements HandlerInterceptor {

    private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        String required = required(method);
        if (required == null) {
            throw new AccessDeniedException("No permission is declared for " + method.getShortLogMessage());
        }
        if (RequiresPermission.PUBLIC.equals(required)) {
            return true;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || trust.isAnonymous(authentication) || !authentication.isAuthenticated()) {
            throw new AccessDeniedException("Not signed in");
        }
        boolean customer = authentication.getAuthorities().stream()
                .anyMatch(a -> RequiresPermission.CUSTOMER.equals(a.getAuthority()));
        if (RequiresPermission.AUTHENTICATED.equals(required)) {
            // "authenticated" means a staff member: a customer's token never opens a staff endpoint
            if (customer) {
                throw new AccessDeniedException("Staff only");
            }
            return true;
        }
        boolean granted = authentication.getAuthorities().stream().anyMatch(a -> required.equals(a.getAuthority()));
        if (!granted) {
            throw new AccessDeniedException("Requires " + required);
        }
        return true;
    }

    static @Nullable String required(HandlerMethod method) {
        RequiresPermission onMethod = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), RequiresPermission.class);
        if (onMethod != null) {
            return onMethod.value();
        }
        RequiresPermission onType = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), RequiresPermission.class);
        return onType == null ? null : onType.value();
    }
}
