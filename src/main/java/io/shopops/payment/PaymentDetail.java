package io.shopops.payment;

import java.util.List;

/** A payment with its refunds, the log of provider reports and its incidents, newest first. */
public record PaymentDetail(PaymentView payment, List<RefundView> refunds, List<NotificationLogEntry> notifications,
        List<PaymentIncident> incidents) {

    public PaymentDetail {
        refunds = List.copyOf(refunds);
        notifications = List.copyOf(notifications);
        incidents = List.copyOf(incidents);
    }
}
