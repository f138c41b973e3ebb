package io.shopops.experiment;

/**
 * The primary metric: ORDER_PAID (server-side: the unit's first paid order after exposure, with the revenue of
 * every order paid after exposure; customers only) or CUSTOM_EVENT (a named event the storefront reports).
 */
public enum ExperimentMetric {
    ORDER_PAID, CUSTOM_EVENT;

    /** The event name of the built-in metric. */
    public static final String ORDER_PAID_EVENT = "order_paid";
}
