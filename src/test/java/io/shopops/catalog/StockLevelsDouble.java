package io.shopops.catalog;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Stock figures for catalog tests, kept in a map: the inventory module implements {@link StockLevels} for
 * real, but the catalog is tested on its own. {@code @Primary}, so it wins over the inventory's
 * implementation once both are in one application.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StockLevelsDouble {

    @Bean
    @Primary
    MapStockLevels mapStockLevels() {
        return new MapStockLevels();
    }

    public static class MapStockLevels implements StockLevels {

        private final Map<SkuId, SkuStock> stock = new ConcurrentHashMap<>();
        private final Set<SkuId> extraAvailable = ConcurrentHashMap.newKeySet();
        private final Set<SkuId> extraLow = ConcurrentHashMap.newKeySet();

        public void set(SkuId sku, long onHand, long reserved, long safetyStock) {
            stock.put(sku, new SkuStock(onHand, reserved, safetyStock));
        }

        /** SKUs the catalog does not know, as a large warehouse would report them alongside the known ones. */
        public void addUnknownSkus(Collection<SkuId> available, Collection<SkuId> low) {
            extraAvailable.addAll(available);
            extraAvailable.addAll(low);
            extraLow.addAll(low);
        }

        @Override
        public Map<SkuId, SkuStock> of(Collection<SkuId> skus) {
            Map<SkuId, SkuStock> found = new HashMap<>();
            for (SkuId sku : skus) {
                SkuStock level = stock.get(sku);
                if (level != null) {
                    found.put(sku, level);
                }
            }
            return found;
        }

        @Override
        public Set<SkuId> skusWithAvailableStock() {
            Set<SkuId> available = new HashSet<>(extraAvailable);
            stock.forEach((sku, level) -> {
                if (level.available() > 0) {
                    available.add(sku);
                }
            });
            return available;
        }

        @Override
        public Set<SkuId> skusRunningLow() {
            Set<SkuId> low = new HashSet<>(extraLow);
            stock.forEach((sku, level) -> {
                if (level.state() == StockState.LOW_STOCK) {
                    low.add(sku);
                }
            });
            return low;
        }
    }
}
