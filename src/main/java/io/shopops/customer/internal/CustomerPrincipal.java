package io.shopops.customer.internal;

import java.io.Serial;
import java.util.Collection;
import java.util.List;

import io.shopops.customer.CustomerId;
import io.shopops.shared.Actor;
import io.shopops.shared.web.RequiresPermission;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A signed-in customer, authenticated by a session token for one request. Its only authority is
 * {@value RequiresPermission#CUSTOMER}, which no staff member holds; as an {@link Actor} it names itself
 * {@code customer:<id>} (with no staff id), so audit entries say which customer acted.
 *
 * @param id        the customer's id
 * @param sessionId the session whose token authenticated the request, which signing out ends; {@code null}
 *                  when the customer acts without a session (signing up, signing in)
 */
public record CustomerPrincipal(long id, @Nullable Long sessionId) implements Actor {

    @Serial
    private static final long serialVersionUID = 1L;

    static final List<GrantedAuthority> AUTHORITIES = List.of(new SimpleGrantedAuthority(RequiresPermission.CUSTOMER));

    CustomerPrincipal(CustomerId customerId, long sessionId) {
        this(customerId.value(), sessionId);
    }

    /** The customer as the actor of something done before or without a session (signing up, signing in). */
    public static CustomerPrincipal actor(CustomerId customerId) {
        return new CustomerPrincipal(customerId.value(), null);
    }

    public CustomerId customerId() {
        return new CustomerId(id);
    }

    @Override
    public @Nullable Long staffId() {
        return null;
    }

    @Override
    public String username() {
        return "customer:" + id;
    }

    public Collection<GrantedAuthority> authorities() {
        return AUTHORITIES;
    }
}
