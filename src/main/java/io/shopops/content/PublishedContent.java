package io.shopops.content;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.shopops.catalog.ProductId;
import org.jspecify.annotations.Nullable;

/**
 * Content as the storefront shows it: the published version of an item, without who wrote or reviewed it.
 *
 * @param campaignCode the campaign to attribute an order to when a shopper comes through this content
 */
public record PublishedContent(ContentId id, ContentType type, int version, String title, @Nullable String body,
        List<String> imageUrls, @Nullable String linkUrl, @Nullable ProductId productId,
        Set<ContentChannel> channels, List<String> tags, @Nullable String campaignCode, Instant publishFrom,
        @Nullable Instant publishUntil) {

    public PublishedContent {
        imageUrls = List.copyOf(imageUrls);
        channels = Set.copyOf(channels);
        tags = List.copyOf(tags);
    }
}
