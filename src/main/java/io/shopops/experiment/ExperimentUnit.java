package io.shopops.experiment;

/**
 * What is randomised: a signed-in CUSTOMER (their id, the same on every device) or a DEVICE (an opaque id the
 * storefront keeps, for visitors who are not signed in).
 */
public enum ExperimentUnit {
    CUSTOMER, DEVICE
}
