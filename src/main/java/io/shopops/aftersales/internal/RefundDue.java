package io.shopops.aftersales.internal;

import io.shopops.aftersales.AfterSalesId;

/**
 * A request's refund attempt was started: published in the transaction that started it, from the after-sales
 * module to itself, so that the outbox retries it and the provider is never called inside a transaction that
 * could still roll back.
 */
public record RefundDue(AfterSalesId requestId) {
}
