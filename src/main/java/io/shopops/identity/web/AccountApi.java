package io.shopops.identity.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.shopops.identity.ApiKeyView;
import io.shopops.identity.Identity;
import io.shopops.identity.IssuedApiKey;
import io.shopops.identity.StaffView;
import io.shopops.shared.Actors;
import io.shopops.shared.web.RequiresPermission;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The calling member's own account: whoever they are, they may see it, change their password and keys. */
@RestController
@RequestMapping("/api/v1/admin/account")
@RequiresPermission(RequiresPermission.AUTHENTICATED)
class AccountApi {

    private final Identity identity;

    AccountApi(Identity identity) {
        this.identity = identity;
    }

    record PasswordChange(String currentPassword, String newPassword) {
    }

    record NewKey(String name, @Nullable Instant expiresAt) {
    }

    @GetMapping
    StaffView me() {
        return identity.staff(currentStaffId());
    }

    @PutMapping("/password")
    ResponseEntity<Void> changePassword(@RequestBody PasswordChange request) {
        identity.changePassword(currentStaffId(), nonNull(request.currentPassword()), nonNull(request.newPassword()));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api-keys")
    List<ApiKeyView> keys() {
        return identity.apiKeys(currentStaffId());
    }

    /** Issues a key; the token in the answer is shown this once and cannot be retrieved later. */
    @PostMapping("/api-keys")
    ResponseEntity<IssuedApiKey> issue(@RequestBody NewKey request) {
        IssuedApiKey issued = identity.issueApiKey(currentStaffId(), request.name(), request.expiresAt());
        return ResponseEntity.created(URI.create("/api/v1/admin/account/api-keys/" + issued.key().id())).body(issued);
    }

    @PostMapping("/api-keys/{keyId}/revoke")
    ApiKeyView revoke(@PathVariable long keyId) {
        return identity.revokeApiKey(currentStaffId(), keyId);
    }

    private static long currentStaffId() {
        Long id = Actors.current().staffId();
        if (id == null) {
            throw new IllegalStateException("An authenticated staff member is required");
        }
        return id;
    }

    private static String nonNull(@Nullable String value) {
        return value == null ? "" : value;
    }
}
