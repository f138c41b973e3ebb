package io.shopops.fulfilment;

/** Why a dispatched shipment did not reach the customer (异常件). */
public enum ExceptionReason {
    LOST, DAMAGED, RETURNED_TO_SENDER
}
