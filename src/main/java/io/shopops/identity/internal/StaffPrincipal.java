package io.shopops.identity.internal;

import java.io.Serial;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.shopops.identity.Permission;
import io.shopops.identity.Role;
import io.shopops.identity.StaffView;
import io.shopops.shared.Actor;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in staff member. Kept in the (database-backed) session, so it holds only plain values. Its
 * authorities are the roles ({@code ROLE_ADMIN}) and the permissions they grant ({@code catalog:write}).
 */
public final class StaffPrincipal implements UserDetails, CredentialsContainer, Actor {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long id;
    private final String username;
    private final String displayName;
    private @Nullable String passwordHash;
    private final List<String> roles;
    private final boolean enabled;
    private final boolean locked;
    private final boolean mustChangePassword;

    StaffPrincipal(StaffView staff, @Nullable String passwordHash, boolean locked) {
        this(staff.id(), staff.username(), staff.displayName(), passwordHash,
                staff.roles().stream().map(Role::name).sorted().toList(), staff.enabled(), locked,
                staff.mustChangePassword());
    }

    private StaffPrincipal(long id, String username, String displayName, @Nullable String passwordHash,
            List<String> roles, boolean enabled, boolean locked, boolean mustChangePassword) {
        this.id = id;
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.roles = List.copyOf(roles);
        this.enabled = enabled;
        this.locked = locked;
        this.mustChangePassword = mustChangePassword;
    }

    /** The same member after choosing their own password: no longer sent to the password page. */
    public StaffPrincipal withPasswordChanged() {
        return new StaffPrincipal(id, username, displayName, null, roles, enabled, locked, false);
    }

    @Override
    public Long staffId() {
        return id;
    }

    public long id() {
        return id;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    public Set<Role> roles() {
        Set<Role> set = new LinkedHashSet<>();
        roles.forEach(name -> set.add(Role.valueOf(name)));
        return set;
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        Set<String> names = new LinkedHashSet<>();
        for (Role role : roles()) {
            names.add("ROLE_" + role.name());
            role.permissions().stream().map(Permission::authority).forEach(names::add);
        }
        return names.stream().map(SimpleGrantedAuthority::new).toList();
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public String username() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StaffPrincipal p && p.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return "StaffPrincipal[" + username + "]";
    }
}
