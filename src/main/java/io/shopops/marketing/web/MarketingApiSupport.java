package io.shopops.marketing.web;

import io.shopops.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;

/** Steps the marketing endpoints share. */
final class MarketingApiSupport {

    private MarketingApiSupport() {
    }

    /** The version a client read, which every change of an existing thing must send back. */
    static long version(@Nullable Long version) {
        if (version == null) {
            throw new InvalidInputException("version", "is required: send the version you read");
        }
        return version;
    }
}
