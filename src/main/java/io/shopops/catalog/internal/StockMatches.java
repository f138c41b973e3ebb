package io.shopops.catalog.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import io.shopops.catalog.ProductId;
import io.shopops.catalog.SkuId;
import io.shopops.catalog.StockLevels;
import io.shopops.catalog.StockState;
import org.jspecify.annotations.Nullable;

/**
 * Matches products against a stock state as the active SKUs of the matching products stream by in the
 * search's order: a product matches when any of its active SKUs is in the state. It counts every match and
 * keeps the ids of one window of them (a page, or everything for an export).
 *
 * <p>The inventory's sets may hold a hundred thousand SKUs. They stay in memory as the port returns them and
 * are probed once per active SKU; nothing of that size is sent to the database, whose limits on parameters
 * (and H2's on array lengths) would otherwise be reached.
 */
public final class StockMatches implements ProductSearchRepository.ActiveSkuHandler {

    private final Predicate<SkuId> inState;
    private final long offset;
    private final long limit;
    private final List<ProductId> window = new ArrayList<>();
    private long total;
    private @Nullable ProductId current;
    private boolean currentMatches;

    private StockMatches(Predicate<SkuId> inState, long offset, long limit) {
        this.inState = inState;
        this.offset = offset;
        this.limit = limit;
    }

    /** Keeps the ids of the matches from {@code offset}, at most {@code limit} of them. */
    public static StockMatches window(StockState state, StockLevels levels, long offset, int limit) {
        return new StockMatches(skusIn(state, levels), offset, limit);
    }

    /** Keeps the ids of all matches. */
    public static StockMatches all(StockState state, StockLevels levels) {
        return new StockMatches(skusIn(state, levels), 0, Long.MAX_VALUE);
    }

    /** Which SKUs are in the state, by the port's definitions: OUT_OF_STOCK is every SKU without available stock. */
    static Predicate<SkuId> skusIn(StockState state, StockLevels levels) {
        Set<SkuId> available = levels.skusWithAvailableStock();
        return switch (state) {
            case IN_STOCK -> {
                Set<SkuId> low = levels.skusRunningLow();
                yield sku -> available.contains(sku) && !low.contains(sku);
            }
            case LOW_STOCK -> levels.skusRunningLow()::contains;
            case OUT_OF_STOCK -> sku -> !available.contains(sku);
        };
    }

    @Override
    public void accept(ProductId product, SkuId sku) {
        if (!product.equals(current)) {
            close();
            current = product;
            currentMatches = false;
        }
        if (!currentMatches && inState.test(sku)) {
            currentMatches = true;
        }
    }

    private void close() {
        if (current != null && currentMatches) {
            if (total >= offset && window.size() < limit) {
                window.add(current);
            }
            total++;
        }
    }

    /** Ends the stream; call once after the last pair. */
    public StockMatches finish() {
        close();
        current = null;
        return this;
    }

    public List<ProductId> ids() {
        return List.copyOf(window);
    }

    public long total() {
        return total;
    }
}
