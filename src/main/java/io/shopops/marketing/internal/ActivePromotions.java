package io.shopops.marketing.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.shopops.catalog.Categories;
import io.shopops.catalog.CategoryView;

import org.springframework.stereotype.Component;

/**
 * The promotions live now, compiled for the price chain and kept per node. Each use reads one number, the
 * marketing revision every change bumps in the same transaction, and recompiles when it moved: so a promotion
 * stopped on one node is stopped on every node from its next price calculation, without a database read of every
 * rule per calculation. Category trees change without a revision; they are re-read at least once a minute.
 */
@Component
public class ActivePromotions {

    private static final Duration CATEGORY_REFRESH = Duration.ofMinutes(1);

    private final PromotionRepository promotions;
    private final Categories categories;
    private final Clock clock;
    private volatile Snapshot snapshot = new Snapshot(-1, Instant.EPOCH, List.of());

    ActivePromotions(PromotionRepository promotions, Categories categories, Clock clock) {
        this.promotions = promotions;
        this.categories = categories;
        this.clock = clock;
    }

    public record Compiled(PromotionRecord promotion, Targeting targeting) {
    }

    private record Snapshot(long revision, Instant loadedAt, List<Compiled> rules) {
    }

    /** The live (published, not past their end) promotions, highest priority first. */
    public List<Compiled> current() {
        long revision = promotions.revision();
        Instant now = clock.instant();
        Snapshot seen = snapshot;
        if (seen.revision() != revision || seen.loadedAt().plus(CATEGORY_REFRESH).isBefore(now)) {
            seen = load(revision, now);
            snapshot = seen;
        }
        return seen.rules();
    }

    private Snapshot load(long revision, Instant now) {
        List<PromotionRecord> live = promotions.live(now);
        List<CategoryView> tree = live.stream().anyMatch(p -> p.scope() == io.shopops.marketing.TargetScope.CATEGORIES)
                ? categories.all() : List.of();
        List<Compiled> rules = new ArrayList<>();
        for (PromotionRecord p : live) {
            rules.add(new Compiled(p, Targeting.of(p.scope(), p.targetIds(), tree)));
        }
        return new Snapshot(revision, now, List.copyOf(rules));
    }

    /** Forgets what this node knows, e.g. after a checkout found a budget spent that the snapshot did not. */
    public void invalidate() {
        snapshot = new Snapshot(-1, Instant.EPOCH, List.of());
    }

    public Targeting targeting(PromotionRecord p) {
        List<CategoryView> tree = p.scope() == io.shopops.marketing.TargetScope.CATEGORIES ? categories.all()
                : List.of();
        return Targeting.of(p.scope(), p.targetIds(), tree);
    }
}
