package io.shopops.ordering;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One entry of an order's timeline: a status change, a payment, a parcel, a note or a flag; who and when. */
public record TimelineEntry(Instant occurredAt, Kind kind, @Nullable OrderStatus fromStatus,
        @Nullable OrderStatus toStatus, String actor, @Nullable String detail) {

    public enum Kind {
        PLACED(true), PAYMENT_STARTED(true), PAID(true), PAYMENT_FAILED(true), PAYMENT_REFUND_DUE(false),
        HELD_FOR_REVIEW(false), REVIEW_RELEASED(false), ALLOCATED(true), PARCEL_DISPATCHED(true),
        PARTIALLY_SHIPPED(true), SHIPPED(true), PARCEL_DELIVERED(true), DELIVERED(true), COMPLETED(true),
        CANCELLED(true), STOCK_RELEASED(false), STOCK_LOST(false), REFUND_REQUESTED(true), REFUNDED(true),
        AFTER_SALES(true), NOTE(false), FLAGGED_ABNORMAL(false), ABNORMAL_CLEARED(false);

        private final boolean shownToCustomer;

        Kind(boolean shownToCustomer) {
            this.shownToCustomer = shownToCustomer;
        }

        /** Whether the customer sees this kind of entry on their order (notes and flags are staff's own). */
        public boolean shownToCustomer() {
            return shownToCustomer;
        }
    }
}
