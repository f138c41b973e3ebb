package io.shopops.marketing;

import java.util.Set;

import io.shopops.customer.CustomerId;

/**
 * Who a customer is for targeting: membership tier and segments. The customer module provides them once it has
 * tiers and segments (the seam); until then {@link #available()} is false and promotions cannot be limited to
 * tiers or segments.
 */
public interface CustomerAudience {

    boolean available();

    Set<String> tiers();

    boolean inTier(CustomerId customer, Set<String> tiers);

    boolean inSegment(CustomerId customer, long segmentId);

    /** The segment's members now (a campaign's audience is a snapshot taken at launch). */
    java.util.List<CustomerId> segmentMembers(long segmentId);

    /** No tiers and no segments yet. */
    CustomerAudience NONE = new CustomerAudience() {
        @Override
        public boolean available() {
            return false;
        }

        @Override
        public Set<String> tiers() {
            return Set.of();
        }

        @Override
        public boolean inTier(CustomerId customer, Set<String> tiers) {
            return false;
        }

        @Override
        public boolean inSegment(CustomerId customer, long segmentId) {
            return false;
        }

        @Override
        public java.util.List<CustomerId> segmentMembers(long segmentId) {
            return java.util.List.of();
        }
    };
}
