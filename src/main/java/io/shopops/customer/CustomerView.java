package io.shopops.customer;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A customer as anyone but the database sees them: phone, email and real name masked (138****8000,
 * l***@example.com, 张*). This is what the storefront shows the customer, staff see and the audit log records.
 */
public record CustomerView(
        CustomerId id,
        @Nullable String maskedPhone,
        @Nullable String maskedEmail,
        @Nullable String maskedRealName,
        String nickname,
        RegistrationChannel channel,
        Instant registeredAt) {
}
