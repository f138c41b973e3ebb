package io.shopops.ordering;

/** Where an order came from: the shop's own storefronts, or a marketplace it was imported from. */
public enum SalesChannel {

    WEB, APP, MINI_PROGRAM, TAOBAO, JD, DOUYIN, PINDUODUO;

    public boolean isOwn() {
        return this == WEB || this == APP || this == MINI_PROGRAM;
    }
}
