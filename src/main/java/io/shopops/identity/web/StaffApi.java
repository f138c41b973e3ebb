package io.shopops.identity.web;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import io.shopops.identity.ApiKeyView;
import io.shopops.identity.CreatedStaff;
import io.shopops.identity.Identity;
import io.shopops.identity.NewStaff;
import io.shopops.identity.Permission;
import io.shopops.identity.Role;
import io.shopops.identity.StaffView;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.web.RequiresPermission;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staff accounts, for administrators. */
@RestController
@RequestMapping("/api/v1/admin")
class StaffApi {

    private final Identity identity;

    StaffApi(Identity identity) {
        this.identity = identity;
    }

    record CreateStaffRequest(String username, String displayName, @Nullable String email, Set<Role> roles,
            @Nullable String password) {
    }

    record RolesRequest(Set<Role> roles, long version) {
    }

    record VersionRequest(long version) {
    }

    record RoleView(Role role, List<String> permissions) {
    }

    @GetMapping("/staff")
    @RequiresPermission("staff:read")
    Page<StaffView> list(@RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Role role,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return identity.findStaff(q, role, new PageQuery(page, size));
    }

    @GetMapping("/staff/{id}")
    @RequiresPermission("staff:read")
    StaffView get(@PathVariable long id) {
        return identity.staff(id);
    }

    /** Creates a member; without a password a temporary one is generated and returned this once. */
    @PostMapping("/staff")
    @RequiresPermission("staff:manage")
    ResponseEntity<CreatedStaff> create(@RequestBody CreateStaffRequest request) {
        CreatedStaff created = identity.createStaff(new NewStaff(request.username(), request.displayName(),
                request.email(), request.roles() == null ? Set.of() : request.roles(), request.password()));
        return ResponseEntity.created(URI.create("/api/v1/admin/staff/" + created.staff().id())).body(created);
    }

    @PutMapping("/staff/{id}/roles")
    @RequiresPermission("staff:manage")
    StaffView changeRoles(@PathVariable long id, @RequestBody RolesRequest request) {
        return identity.changeRoles(id, request.roles() == null ? Set.of() : request.roles(), request.version());
    }

    @PostMapping("/staff/{id}/disable")
    @RequiresPermission("staff:manage")
    StaffView disable(@PathVariable long id, @RequestBody VersionRequest request) {
        return identity.disable(id, request.version());
    }

    @PostMapping("/staff/{id}/enable")
    @RequiresPermission("staff:manage")
    StaffView enable(@PathVariable long id, @RequestBody VersionRequest request) {
        return identity.enable(id, request.version());
    }

    @PostMapping("/staff/{id}/unlock")
    @RequiresPermission("staff:manage")
    StaffView unlock(@PathVariable long id) {
        return identity.unlock(id);
    }

    @PostMapping("/staff/{id}/password-reset")
    @RequiresPermission("staff:manage")
    CreatedStaff resetPassword(@PathVariable long id) {
        return identity.resetPassword(id);
    }

    @GetMapping("/staff/{id}/api-keys")
    @RequiresPermission("staff:manage")
    List<ApiKeyView> apiKeys(@PathVariable long id) {
        return identity.apiKeys(id);
    }

    @PostMapping("/staff/{id}/api-keys/{keyId}/revoke")
    @RequiresPermission("staff:manage")
    ApiKeyView revoke(@PathVariable long id, @PathVariable long keyId) {
        return identity.revokeApiKey(id, keyId);
    }

    @GetMapping("/roles")
    @RequiresPermission("staff:read")
    List<RoleView> roles() {
        return Arrays.stream(Role.values())
                .map(role -> new RoleView(role, Arrays.stream(Permission.values()).filter(role::grants)
                        .map(Permission::authority).toList()))
                .toList();
    }
}
