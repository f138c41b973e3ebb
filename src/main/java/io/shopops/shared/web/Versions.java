package io.shopops.shared.web;

import io.shopops.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;

/** The optimistic-locking version a client read, which every change of an existing thing must send back. */
public final class Versions {

    private Versions() {
    }

    /** The version, or 400 naming {@code version} when it is missing. */
    public static long required(@Nullable Long version) {
        if (version == null) {
            throw new InvalidInputException("version", "is required: send the version you read");
        }
        return version;
    }
}
