package io.shopops.ordering;

import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/** Where the customer came from: the UTM parameters of the visit and the campaign code, when known. */
public record Attribution(@Nullable String utmSource, @Nullable String utmMedium, @Nullable String utmCampaign,
        @Nullable String campaignCode) {

    public static final Attribution NONE = new Attribution(null, null, null, null);

    /** The parts that are known, for display: "wechat / social / double11 / D11". */
    public String text() {
        return Stream.of(utmSource, utmMedium, utmCampaign, campaignCode).filter(Objects::nonNull)
                .collect(Collectors.joining(" / "));
    }
}
