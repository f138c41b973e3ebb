package io.shopops.content;

/**
 * What a content item is, chosen when it is created. Each kind needs its own parts: a banner is an image (with an
 * optional link), a product story is long text about one product, copy and announcements are text.
 */
public enum ContentType {
    /** Marketing copy (文案): a slogan, a push text, a campaign blurb. */
    COPY,
    /** An image by URL, usually with a link (輪播圖, 廣告位). */
    BANNER,
    /** Long text telling one product's story (商品故事). */
    PRODUCT_STORY,
    /** A notice to shoppers (公告): delivery delays, holiday hours, rule changes. */
    ANNOUNCEMENT;

    public boolean needsBody() {
        return this != BANNER;
    }

    public boolean needsImage() {
        return this == BANNER;
    }

    public boolean needsProduct() {
        return this == PRODUCT_STORY;
    }
}
