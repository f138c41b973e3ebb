package io.shopops.flashsale;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.shopops.catalog.Catalog;
import io.shopops.catalog.SkuId;
import io.shopops.catalog.SkuRef;
import io.shopops.flashsale.internal.FlashItemRecord;
import io.shopops.flashsale.internal.FlashSaleRecord;
import io.shopops.flashsale.internal.FlashSaleRepository;
import io.shopops.inventory.Inventory;
import io.shopops.inventory.WarehouseId;
import io.shopops.shared.Actors;
import io.shopops.shared.FieldViolation;
import io.shopops.shared.Money;
import io.shopops.shared.NotFoundException;

import org.springframework.stereotype.Component;

/** What the flash-sale facades share: the time, the acting party, reading sessions and their views. */
@Component
class FlashSaleSupport {

    private final FlashSaleRepository sales;
    private final Catalog catalog;
    private final Inventory inventory;
    private final Clock clock;

    FlashSaleSupport(FlashSaleRepository sales, Catalog catalog, Inventory inventory, Clock clock) {
        this.sales = sales;
        this.catalog = catalog;
        this.inventory = inventory;
        this.clock = clock;
    }

    Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    static String actor() {
        return Actors.current().username();
    }

    FlashSaleRecord sale(FlashSaleId id) {
        return sales.find(id).orElseThrow(() -> NotFoundException.of("Flash sale", id));
    }

    /** The status as staff should read it: a scheduled session whose end has passed is ENDED already. */
    static FlashSaleStatus status(FlashSaleRecord sale, Instant now) {
        return sale.status() == FlashSaleStatus.SCHEDULED && !now.isBefore(sale.endsAt()) ? FlashSaleStatus.ENDED
                : sale.status();
    }

    FlashSaleView view(FlashSaleRecord sale) {
        Instant now = now();
        List<FlashItemRecord> items = sales.items(sale.id());
        Map<SkuId, SkuRef> skus = catalog.skus(items.stream().map(FlashItemRecord::skuId).toList());
        Map<SkuId, QuotaFigures> figures = sales.figures(sale.id());
        FlashSaleStatus status = status(sale, now);
        boolean open = status == FlashSaleStatus.DRAFT || status == FlashSaleStatus.SCHEDULED;
        Map<SkuId, Map<WarehouseId, Long>> availability = open
                ? inventory.availability(items.stream().map(FlashItemRecord::skuId).toList()) : Map.of();
        List<FlashSaleView.Item> views = new ArrayList<>();
        List<FieldViolation> warnings = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            FlashItemRecord item = items.get(i);
            SkuRef sku = skus.get(item.skuId());
            QuotaFigures quota = figures.get(item.skuId());
            Money zero = Money.zero(item.flashPrice().currency());
            views.add(new FlashSaleView.Item(item.skuId(), sku == null ? "#" + item.skuId() : sku.skuCode(),
                    sku == null ? "" : sku.productTitle(), sku == null ? "" : sku.specText(),
                    sku == null ? zero : sku.salePrice(), sku == null ? zero : sku.costPrice(), item.flashPrice(),
                    item.belowCostAllowed(), item.perCustomerLimit(), quota));
            if (!open) {
                continue;
            }
            String at = "items[" + i + "]";
            if (sku == null || !sku.isSellable()) {
                warnings.add(new FieldViolation(at + ".skuId", "SKU %s is not on sale now: checkout refuses it"
                        .formatted(sku == null ? item.skuId() : sku.skuCode())));
            }
            long available = availability.getOrDefault(item.skuId(), Map.of()).values().stream()
                    .mapToLong(Long::longValue).sum();
            int stillNeeded = item.quota() - (quota == null ? 0 : quota.ordered());
            if (available < stillNeeded) {
                warnings.add(new FieldViolation(at + ".quota", "only %d units are available in stock for the %d of the quota not yet ordered"
                        .formatted(available, stillNeeded)));
            }
        }
        return new FlashSaleView(sale.id(), sale.name(), sale.startsAt(), sale.endsAt(), sale.payWindowMinutes(),
                status, sale.runningAt(now), views, warnings, sale.createdBy(), sale.createdAt(), sale.updatedAt(),
                sale.scheduledBy(), sale.scheduledAt(), sale.closedAt(), sale.cancelReason(), sale.version());
    }
}
