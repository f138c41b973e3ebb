package io.shopops.marketing.internal;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Keeps a campaign's hold-out group out of its treatment: a promotion or coupon template carrying the code of a
 * campaign with an audience goes to the launched campaign's treatment members only. A code no campaign has, or a
 * campaign for everyone, limits nobody.
 */
@Component
public class CampaignGate {

    static final String REFUSAL = "for the campaign's selected customers only";

    private final CampaignRepository campaigns;

    CampaignGate(CampaignRepository campaigns) {
        this.campaigns = campaigns;
    }

    /** Null when the customer (null: not signed in) may have what carries the code; otherwise why not. */
    public @Nullable String refusal(@Nullable String campaignCode, @Nullable Long customer) {
        if (campaignCode == null) {
            return null;
        }
        java.util.Optional<Boolean> treatment = campaigns.inTreatment(campaignCode, customer == null ? -1 : customer);
        return treatment.isEmpty() || treatment.get() ? null : REFUSAL;
    }
}
