package io.shopops.marketing;

/**
 * What a campaign's objective measures (the M of SMART), each as docs/metrics.md defines it for the campaign's
 * attributed orders; INCREMENTAL_GMV (against the hold-out group) only for audience-targeted campaigns.
 */
public enum CampaignMetric {
    GMV(false), ORDERS(true), BUYERS(true), NEW_BUYERS(true), INCREMENTAL_GMV(false);

    private final boolean count;

    CampaignMetric(boolean count) {
        this.count = count;
    }

    /** Whether the metric counts things (its target is a whole number) rather than money. */
    public boolean count() {
        return count;
    }
}
