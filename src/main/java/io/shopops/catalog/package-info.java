/**
 * The catalog (商品管理): the category tree, brands, products (SPU) and their SKUs with exact prices, and
 * the product lifecycle DRAFT → ON_SHELF ⇄ OFF_SHELF → ARCHIVED. Other modules refer to SKUs by
 * {@link io.shopops.catalog.SkuId} and read them through {@link io.shopops.catalog.Catalog#skus}; stock
 * figures reach the catalog through the {@link io.shopops.catalog.StockLevels} port the inventory implements.
 *
 * <p>Facades: {@link io.shopops.catalog.Categories}, {@link io.shopops.catalog.Brands},
 * {@link io.shopops.catalog.Catalog} (products, SKUs, lifecycle, import, SKU lookups) and
 * {@link io.shopops.catalog.ProductSearch} (search, export, stock figures).
 */
@ApplicationModule(displayName = "Catalog", allowedDependencies = { "audit", "shared :: *" })
@NullMarked
package io.shopops.catalog;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
