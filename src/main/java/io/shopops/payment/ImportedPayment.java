package io.shopops.payment;

import java.util.List;

/**
 * A payment written by {@link Payments#importHistorical}: its id, the merchant trade number the provider knows it by,
 * and its refunds' ids in input order.
 */
public record ImportedPayment(PaymentId id, String merchantTradeNo, List<RefundId> refunds) {

    public ImportedPayment {
        refunds = List.copyOf(refunds);
    }
}
