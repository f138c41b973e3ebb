package io.shopops.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission a staff member needs for an API endpoint or console page, such as {@code "catalog:write"}
 * (see {@code identity.Permission} and docs/security.md). Checked before the request body is read, so a
 * member without it gets 403 whatever they send. Every handler of {@code /api/**} and {@code /console/**}
 * must carry one (on the method or its class): a handler without is refused for everybody.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RequiresPermission {

    /** Any signed-in staff member, whatever their roles (their own account, the home page). */
    String AUTHENTICATED = "authenticated";

    /** A signed-in shop customer (storefront API: cart, checkout, own orders); staff credentials do not count. */
    String CUSTOMER = "customer";

    /**
     * Anyone, signed in or not: storefront browsing and sign-up, and webhooks whose requests carry their own
     * signature (payment notifications, carrier tracking), which the handler verifies.
     */
    String PUBLIC = "public";

    String value();
}
