package io.shopops.fulfilment;

/** How the customer chose to have the order sent: 标准快递, 特快 or 当日达. */
public enum ShippingMethod {
    STANDARD, EXPRESS, SAME_DAY
}
