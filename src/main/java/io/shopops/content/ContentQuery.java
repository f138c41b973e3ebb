package io.shopops.content;

import org.jspecify.annotations.Nullable;

/**
 * Filters of the staff's list, every one optional: the status, the type, a channel the newest version runs on, and
 * text ({@code q}) found in its title, body, tags or campaign code.
 */
public record ContentQuery(@Nullable ContentStatus status, @Nullable ContentType type,
        @Nullable ContentChannel channel, @Nullable String q) {

    public static ContentQuery all() {
        return new ContentQuery(null, null, null, null);
    }
}
