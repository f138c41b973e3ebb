package io.shopops.marketing;

import com.fasterxml.jackson.annotation.JsonValue;

public record CampaignId(@JsonValue long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
