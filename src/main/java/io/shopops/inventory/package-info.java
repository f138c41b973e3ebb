/**
 * Inventory (库存管理): warehouses, stock of every SKU in every warehouse, the append-only ledger of its
 * movements, reservations held for orders, safety stock and the reconciliation that proves the ledger and the
 * stock agree. Available stock (on hand − reserved) never goes below zero, whatever the concurrency: the
 * database enforces it. The catalog learns about stock through the {@link io.shopops.catalog.StockLevels} port
 * implemented here.
 *
 * <p>Facades: {@link io.shopops.inventory.Warehouses}, {@link io.shopops.inventory.Inventory} (stock and its
 * ledger) and {@link io.shopops.inventory.Reservations}.
 */
@ApplicationModule(displayName = "Inventory", allowedDependencies = { "catalog", "audit", "shared :: *" })
@NullMarked
package io.shopops.inventory;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
