package io.shopops.flashsale;

import java.time.Instant;

/** A session in the list: its window, status and the quota of all its SKUs together. */
public record FlashSaleSummary(FlashSaleId id, String name, Instant startsAt, Instant endsAt, int payWindowMinutes,
        FlashSaleStatus status, boolean running, int skus, long quota, long taken) {
}
