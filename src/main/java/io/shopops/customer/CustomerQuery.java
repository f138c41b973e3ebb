package io.shopops.customer;

import org.jspecify.annotations.Nullable;

/**
 * How staff find customers. Phone and email are encrypted, so they match only exactly (through their keyed
 * hashes, never by fragment); the nickname matches by fragment, case-insensitively. Parts combine with AND.
 */
public record CustomerQuery(@Nullable String phone, @Nullable String email, @Nullable String nickname) {

    public static CustomerQuery all() {
        return new CustomerQuery(null, null, null);
    }
}
