package io.shopops.flashsale;

import java.time.Instant;
import java.util.List;

import io.shopops.catalog.SkuId;
import io.shopops.shared.FieldViolation;
import io.shopops.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * A session as staff see it: its settings, each SKU with its prices and quota figures, and warnings that do not
 * refuse anything (less stock available than the quota, a SKU off the shelf).
 *
 * @param status   as stored, except that a scheduled session whose end has passed reads ENDED at once (the job
 *                 that records it runs every few seconds)
 * @param running  whether attempts are accepted now: scheduled, and now within its window
 * @param warnings each naming the field it is about ({@code items[0].quota})
 */
public record FlashSaleView(FlashSaleId id, String name, Instant startsAt, Instant endsAt, int payWindowMinutes,
        FlashSaleStatus status, boolean running, List<Item> items, List<FieldViolation> warnings, String createdBy,
        Instant createdAt, Instant updatedAt, @Nullable String scheduledBy, @Nullable Instant scheduledAt,
        @Nullable Instant closedAt, @Nullable String cancelReason, long version) {

    public FlashSaleView {
        items = List.copyOf(items);
        warnings = List.copyOf(warnings);
    }

    /** One SKU of the session: what the catalog says of it now, the session's prices and its quota figures. */
    public record Item(SkuId skuId, String skuCode, String title, String spec, Money salePrice, Money costPrice,
            Money flashPrice, boolean belowCostAllowed, int perCustomerLimit, QuotaFigures figures) {
    }
}
