package io.shopops.catalog.internal;

import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import io.shopops.catalog.ProductId;
import io.shopops.catalog.ProductSummary;
import io.shopops.catalog.SkuId;
import io.shopops.catalog.SkuStock;
import io.shopops.catalog.StockLevels;
import io.shopops.catalog.StockState;
import io.shopops.shared.InvalidInputException;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Finds products for a validated filter, with the stock figures of the inventory's {@link StockLevels} when
 * a module provides them. Without a stock state the database pages and counts; with one, the active SKUs
 * of every match stream by in order and are matched in memory ({@link StockMatches}).
 */
@Component
public class ProductFinder {

    private final ProductSearchRepository search;
    private final ObjectProvider<StockLevels> stockLevels;

    ProductFinder(ProductSearchRepository search, ObjectProvider<StockLevels> stockLevels) {
        this.search = search;
        this.stockLevels = stockLevels;
    }

    public boolean hasStockLevels() {
        return stockLevels.getIfAvailable() != null;
    }

    /** Stock of the given SKUs, empty when no stock figures are available. */
    public Map<SkuId, SkuStock> stockOf(Collection<SkuId> skus) {
        StockLevels stock = stockLevels.getIfAvailable();
        return stock == null || skus.isEmpty() ? Map.of() : stock.of(skus);
    }

    public Page<ProductSummary> page(ProductFilter filter, @Nullable StockState state, PageQuery page,
            Currency currency) {
        StockLevels stock = stockLevels.getIfAvailable();
        List<ProductId> ids;
        long total;
        if (state == null) {
            total = search.count(filter);
            ids = total == 0 ? List.of() : search.pageIds(filter, page);
        } else {
            StockMatches matches = StockMatches.window(state, require(stock), page.offset(), page.size());
            search.activeSkus(filter, matches);
            matches.finish();
            total = matches.total();
            ids = matches.ids();
        }
        List<ProductSummary> summaries = search.summaries(ids, currency);
        return Page.of(stock == null ? summaries : withStock(summaries, stock), page, total);
    }

    /** Every match's id in the filter's order. */
    public List<ProductId> ids(ProductFilter filter, @Nullable StockState state) {
        if (state == null) {
            return search.allIds(filter);
        }
        StockMatches matches = StockMatches.all(state, require(stockLevels.getIfAvailable()));
        search.activeSkus(filter, matches);
        return matches.finish().ids();
    }

    private static StockLevels require(@Nullable StockLevels stock) {
        if (stock == null) {
            throw new InvalidInputException("stockState", "stock levels are not available");
        }
        return stock;
    }

    /**
     * Adds the stock figures of the active SKUs to each summary: their available total and most urgent state
     * ({@link StockState} is declared from the least to the most urgent).
     */
    private List<ProductSummary> withStock(List<ProductSummary> summaries, StockLevels stock) {
        if (summaries.isEmpty()) {
            return summaries;
        }
        Map<ProductId, List<SkuId>> active = search.activeSkuIds(summaries.stream().map(ProductSummary::id).toList());
        Map<SkuId, SkuStock> levels = stock.of(active.values().stream().flatMap(List::stream).toList());
        return summaries.stream().map(summary -> {
            long available = 0;
            StockState mostUrgent = null;
            for (SkuId sku : active.getOrDefault(summary.id(), List.of())) {
                SkuStock level = levels.getOrDefault(sku, SkuStock.NONE);
                available += Math.max(0, level.available());
                if (mostUrgent == null || level.state().compareTo(mostUrgent) > 0) {
                    mostUrgent = level.state();
                }
            }
            return summary.withStock(available, mostUrgent);
        }).toList();
    }
}
