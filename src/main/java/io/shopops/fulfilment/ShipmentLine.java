package io.shopops.fulfilment;

import io.shopops.catalog.SkuId;
import org.jspecify.annotations.Nullable;

/** Units of one SKU in a shipment. */
public record ShipmentLine(@Nullable SkuId skuId, int quantity) {
}
