package io.shopops.marketing.internal;

import io.shopops.catalog.SkuRef;
import io.shopops.shared.Money;
import org.jspecify.annotations.Nullable;

/** An item of a basket as promotions see it: what it is (for targeting), its unit price and quantity. */
public record BasketItem(long skuId, long productId, long categoryId, @Nullable Long brandId, Money unitPrice,
        int quantity) {

    public static BasketItem of(SkuRef sku, int quantity) {
        return new BasketItem(sku.id().value(), sku.productId().value(), sku.categoryId().value(),
                sku.brandId() == null ? null : sku.brandId().value(), sku.salePrice(), quantity);
    }

    public Money amount() {
        return unitPrice.times(quantity);
    }
}
