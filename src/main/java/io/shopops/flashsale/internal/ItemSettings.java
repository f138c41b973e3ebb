package io.shopops.flashsale.internal;

import java.time.Instant;

import io.shopops.flashsale.FlashSaleStatus;

/** What the gate needs to know of a session's item before it asks the database to decide. */
public record ItemSettings(String saleName, FlashSaleStatus status, Instant startsAt, Instant endsAt,
        int payWindowMinutes, int perCustomerLimit) {

    public boolean runningAt(Instant now) {
        return status == FlashSaleStatus.SCHEDULED && !now.isBefore(startsAt) && now.isBefore(endsAt);
    }
}
