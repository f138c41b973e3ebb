package io.shopops.content.internal;

import io.shopops.content.ContentChannel;
import io.shopops.content.ContentStatus;
import io.shopops.content.ContentType;
import org.jspecify.annotations.Nullable;

/** The list's filters as the repository applies them to each item's newest version (every one optional). */
public record ContentFilter(@Nullable ContentStatus status, @Nullable ContentType type,
        @Nullable ContentChannel channel, @Nullable String text) {
}
