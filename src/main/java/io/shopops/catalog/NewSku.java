package io.shopops.catalog;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A SKU to create or, by its code, update. Prices are in the shop's currency with at most its minor-unit
 * decimals; the sale price may not exceed the list price (日常價).
 */
public record NewSku(String skuCode, List<SpecAttribute> attributes, BigDecimal listPrice, BigDecimal salePrice,
        BigDecimal costPrice, @Nullable String barcode, @Nullable Integer weightGrams) {
}
