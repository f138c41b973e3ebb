package io.shopops.marketing;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.shopops.marketing.internal.CampaignRecord;
import io.shopops.shared.Money;
import io.shopops.shared.ShopProperties;
import io.shopops.shared.Violations;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Checks a campaign as an operator planned it and turns it into the stored form: every refused field at once,
 * named (400). The SMART parts are all required: a description, a measurable metric and target, a rationale and
 * a deadline within the measured window.
 */
@Component
class CampaignDefinitions {

    static final int MAX_CHANNELS = 20;
    static final int MAX_AUDIENCE = 200_000;
    static final int DEFAULT_ATTRIBUTION_DAYS = 7;
    static final int DEFAULT_HOLDOUT_PERCENT = 10;
    static final Duration MAX_WINDOW = Duration.ofDays(366);

    private final CustomerAudience audiences;
    private final ShopProperties shop;

    CampaignDefinitions(CustomerAudience audiences, ShopProperties shop) {
        this.audiences = audiences;
        this.shop = shop;
    }

    CampaignRecord check(NewCampaign c, CampaignId id, String createdBy, Instant createdAt, long version) {
        Violations v = new Violations();
        v.code("code", c.code());
        v.text("name", c.name(), true, 200);
        v.multilineText("description", c.description(), true, 2000);
        v.multilineText("objectiveRationale", c.objectiveRationale(), true, 1000);
        v.check(c.objectiveMetric() != null, "objectiveMetric", "is required");
        CampaignAudienceKind audience = c.audience() == null ? CampaignAudienceKind.EVERYONE : c.audience();
        if (c.objectiveMetric() == CampaignMetric.INCREMENTAL_GMV && audience == CampaignAudienceKind.EVERYONE) {
            v.add("objectiveMetric", "INCREMENTAL_GMV needs an audience with a hold-out group (CUSTOMERS or SEGMENT)");
        }
        checkTarget(v, c.objectiveMetric(), c.objectiveTarget());
        v.check(c.startsAt() != null, "startsAt", "is required");
        v.check(c.endsAt() != null, "endsAt", "is required");
        int attribution = c.attributionDays() == null ? DEFAULT_ATTRIBUTION_DAYS : c.attributionDays();
        v.check(attribution >= 0 && attribution <= 30, "attributionDays", "must be between 0 and 30");
        if (c.startsAt() != null && c.endsAt() != null) {
            if (!c.endsAt().isAfter(c.startsAt())) {
                v.add("endsAt", "must be after startsAt");
            } else if (Duration.between(c.startsAt(), c.endsAt()).compareTo(MAX_WINDOW) > 0) {
                v.add("endsAt", "must be at most 366 days after startsAt");
            }
        }
        if (c.objectiveDeadline() == null) {
            v.add("objectiveDeadline", "is required");
        } else if (c.startsAt() != null && c.endsAt() != null && c.endsAt().isAfter(c.startsAt())) {
            Instant last = c.endsAt().plus(Duration.ofDays(Math.max(0, Math.min(30, attribution))));
            v.check(c.objectiveDeadline().isAfter(c.startsAt()) && !c.objectiveDeadline().isAfter(last),
                    "objectiveDeadline", "must be after startsAt and at most attributionDays after endsAt");
        }
        int holdout = checkAudience(v, c, audience);
        v.url("landingUrl", c.landingUrl(), false);
        if (c.landingUrl() != null && c.landingUrl().length() > 500) {
            v.add("landingUrl", "must be at most 500 characters");
        }
        List<CampaignRecord.Channel> channels = checkChannels(v, c.channels());
        v.throwIfAny();
        return new CampaignRecord(id, c.code().trim(), c.name().trim(), c.description().trim(), c.objectiveMetric(),
                c.objectiveTarget().stripTrailingZeros().scale() < 0 ? c.objectiveTarget().setScale(0)
                        : c.objectiveTarget(), c.objectiveDeadline(), c.objectiveRationale().trim(), c.startsAt(),
                c.endsAt(), attribution, audience, audience == CampaignAudienceKind.SEGMENT ? c.segmentId() : null,
                holdout, blank(c.landingUrl()), CampaignRecord.Stored.DRAFT, null, null, null, channels, createdBy,
                createdAt, createdAt, version);
    }

    private static void checkTarget(Violations v, @Nullable CampaignMetric metric, @Nullable BigDecimal target) {
        if (target == null) {
            v.add("objectiveTarget", "is required");
        } else if (target.signum() <= 0) {
            v.add("objectiveTarget", "must be positive");
        } else if (target.compareTo(Violations.MAX_AMOUNT) > 0) {
            v.add("objectiveTarget", "must be at most " + Violations.MAX_AMOUNT.toPlainString());
        } else if (metric != null && metric.count() && target.stripTrailingZeros().scale() > 0) {
            v.add("objectiveTarget", "must be a whole number for " + metric);
        } else if (target.stripTrailingZeros().scale() > 2) {
            v.add("objectiveTarget", "must have at most 2 decimal places");
        }
    }

    /** The hold-out share (0 for EVERYONE). */
    private int checkAudience(Violations v, NewCampaign c, CampaignAudienceKind audience) {
        List<Long> customers = c.customerIds() == null ? List.of() : c.customerIds();
        if (audience == CampaignAudienceKind.EVERYONE) {
            v.check(c.holdoutPercent() == null || c.holdoutPercent() == 0, "holdoutPercent",
                    "an audience of everyone has no hold-out group: choose CUSTOMERS or SEGMENT");
            v.check(customers.isEmpty(), "customerIds", "only for an audience of CUSTOMERS");
            v.check(c.segmentId() == null, "segmentId", "only for an audience of SEGMENT");
            return 0;
        }
        int holdout = c.holdoutPercent() == null ? DEFAULT_HOLDOUT_PERCENT : c.holdoutPercent();
        v.check(holdout >= 1 && holdout <= 50, "holdoutPercent", "must be between 1 and 50");
        if (audience == CampaignAudienceKind.CUSTOMERS) {
            v.check(c.segmentId() == null, "segmentId", "only for an audience of SEGMENT");
            if (customers.isEmpty()) {
                v.add("customerIds", "must name at least one customer");
            } else if (customers.size() > MAX_AUDIENCE) {
                v.add("customerIds", "must name at most " + MAX_AUDIENCE + " customers");
            } else {
                int reported = 0;
                for (int i = 0; i < customers.size() && reported < 20; i++) {
                    if (customers.get(i) == null || customers.get(i) <= 0) {
                        v.add("customerIds[" + i + "]", "must be a customer id");
                        reported++;
                    }
                }
            }
        } else {
            v.check(customers.isEmpty(), "customerIds", "only for an audience of CUSTOMERS");
            if (c.segmentId() == null) {
                v.add("segmentId", "is required for an audience of SEGMENT");
            } else {
                v.check(audiences.available(), "segmentId", "customer segments are not available yet");
            }
        }
        return holdout;
    }

    private List<CampaignRecord.Channel> checkChannels(Violations v, @Nullable List<NewCampaign.Channel> channels) {
        if (channels == null || channels.isEmpty()) {
            v.add("channels", "must name at least one channel");
            return List.of();
        }
        if (channels.size() > MAX_CHANNELS) {
            v.add("channels", "must name at most " + MAX_CHANNELS + " channels");
            return List.of();
        }
        List<CampaignRecord.Channel> checked = new ArrayList<>();
        Set<String> sources = new HashSet<>();
        for (int i = 0; i < channels.size(); i++) {
            NewCampaign.Channel ch = channels.get(i);
            String at = "channels[" + i + "].";
            if (ch == null) {
                v.add("channels[" + i + "]", "is required");
                continue;
            }
            v.check(ch.kind() != null, at + "kind", "is required");
            v.text(at + "name", ch.name(), true, 200);
            v.code(at + "utmSource", ch.utmSource());
            if (ch.utmSource() != null && !sources.add(ch.utmSource().trim().toLowerCase(Locale.ROOT))) {
                v.add(at + "utmSource", "is used by another channel of this campaign");
            }
            if (ch.utmMedium() != null && !ch.utmMedium().isBlank()) {
                v.code(at + "utmMedium", ch.utmMedium().trim());
            }
            int before = v.list().size();
            v.amount(at + "budget", ch.budget(), shop.currency());
            boolean budgetValid = v.list().size() == before;
            if (ch.kind() != null && ch.name() != null && ch.utmSource() != null && budgetValid) {
                checked.add(new CampaignRecord.Channel(i + 1, ch.kind(), ch.name().trim(), ch.utmSource().trim(),
                        blank(ch.utmMedium()), Money.of(ch.budget(), shop.currency())));
            }
        }
        return checked;
    }

    /** The audience's customers without repeats, in the order given. */
    static List<Long> distinct(@Nullable List<Long> customers) {
        return customers == null ? List.of() : List.copyOf(new LinkedHashSet<>(customers));
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
