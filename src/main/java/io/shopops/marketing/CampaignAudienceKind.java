package io.shopops.marketing;

/**
 * Who a campaign targets: EVERYONE its channels reach (no hold-out possible), a list of CUSTOMERS, or a SEGMENT
 * (once the customer module provides segments). The last two get an automatic hold-out group.
 */
public enum CampaignAudienceKind {
    EVERYONE, CUSTOMERS, SEGMENT
}
