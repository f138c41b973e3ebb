package io.shopops.shared.web;

import java.util.Set;

/** The signed-in member as console templates see them: {@code ${me.can('catalog:write')}}. */
public record ConsoleUser(long id, String username, String displayName, Set<String> authorities) {

    public boolean can(String authority) {
        return authorities.contains(authority);
    }

    public boolean hasRole(String role) {
        return authorities.contains("ROLE_" + role);
    }
}
