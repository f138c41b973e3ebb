package io.shopops.flashsale.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.shopops.catalog.SkuId;
import io.shopops.flashsale.FlashSaleId;

import org.springframework.stereotype.Component;

/**
 * What one node keeps in memory for the gate, and only to refuse faster: each item's settings (for at most
 * {@code settings-cache}) and a sold-out marker (for at most {@code sold-out-marker}, so that units given back on
 * another node are offered again within that time). Nothing here can make the gate accept: every accept is the
 * database's conditional UPDATE. Unknown items are not remembered, so made-up ids cannot fill the maps.
 */
@Component
public class GateCache {

    private static final int MAX_ENTRIES = 10_000;

    private record Key(long sale, long sku) {
    }

    private record Cached(ItemSettings settings, long until) {
    }

    private final FlashSaleRepository sales;
    private final long settingsNanos;
    private final long soldOutNanos;
    private final Map<Key, Cached> settings = new ConcurrentHashMap<>();
    private final Map<Key, Long> soldOutUntil = new ConcurrentHashMap<>();

    GateCache(FlashSaleRepository sales, FlashSaleProperties properties) {
        this.sales = sales;
        this.settingsNanos = properties.settingsCache().toNanos();
        this.soldOutNanos = properties.soldOutMarker().toNanos();
    }

    /** The item's settings, from memory if read less than {@code settings-cache} ago; empty if no such item. */
    public Optional<ItemSettings> settings(FlashSaleId sale, SkuId sku) {
        Key key = new Key(sale.value(), sku.value());
        long now = System.nanoTime();
        Cached cached = settings.get(key);
        if (cached != null && now - cached.until() < 0) {
            return Optional.of(cached.settings());
        }
        Optional<ItemSettings> loaded = sales.settings(sale, sku);
        if (loaded.isPresent() && settingsNanos > 0) {
            trim(settings);
            settings.put(key, new Cached(loaded.get(), now + settingsNanos));
        }
        return loaded;
    }

    public boolean soldOut(FlashSaleId sale, SkuId sku) {
        Long until = soldOutUntil.get(new Key(sale.value(), sku.value()));
        return until != null && System.nanoTime() - until < 0;
    }

    public void markSoldOut(FlashSaleId sale, SkuId sku) {
        if (soldOutNanos > 0) {
            long now = System.nanoTime();
            trim(soldOutUntil);
            soldOutUntil.put(new Key(sale.value(), sku.value()), now + soldOutNanos);
        }
    }

    /** Forgets what this node knows of the session (after staff changed it here). */
    public void forget(FlashSaleId sale) {
        settings.keySet().removeIf(k -> k.sale() == sale.value());
        soldOutUntil.keySet().removeIf(k -> k.sale() == sale.value());
    }

    private static <V> void trim(Map<Key, V> map) {
        if (map.size() >= MAX_ENTRIES) {
            map.clear();
        }
    }
}
