package io.shopops.content;

import java.time.Instant;
import java.util.List;

import io.shopops.catalog.ProductId;
import org.jspecify.annotations.Nullable;

/**
 * What a version of a content item says, as staff write it; every part is checked by the facade (400 naming the
 * field).
 *
 * @param title        1–200 characters, one line
 * @param body         multiline text, at most 20,000 characters, stored and shown exactly as typed (escaped when
 *                     shown); required except for a banner
 * @param imageUrls    0–10 absolute http(s) URLs; a banner needs at least one
 * @param linkUrl      where a click leads: an absolute http(s) URL
 * @param productId    the catalog product the content is about; a product story needs one
 * @param channels     one or more of PC, MOBILE, MINI_PROGRAM (a channel named twice counts once)
 * @param tags         at most 20 labels of at most 32 characters (a tag named twice counts once)
 * @param publishFrom  when the content starts running
 * @param publishUntil when it stops (the first moment it no longer runs), after {@code publishFrom}; none runs it
 *                     until archived
 * @param campaignCode the campaign it belongs to, as orders carry it (letters, digits, '.', '_', '-')
 */
public record ContentFields(@Nullable String title, @Nullable String body, @Nullable List<String> imageUrls,
        @Nullable String linkUrl, @Nullable ProductId productId, @Nullable List<ContentChannel> channels,
        @Nullable List<String> tags, @Nullable Instant publishFrom, @Nullable Instant publishUntil,
        @Nullable String campaignCode) {
}
