package io.shopops.inventory.web;

import java.math.BigDecimal;
import java.time.Instant;

import io.shopops.catalog.SkuId;
import io.shopops.catalog.StockState;
import io.shopops.inventory.Adjustment;
import io.shopops.inventory.Inventory;
import io.shopops.inventory.InventoryFigures;
import io.shopops.inventory.LowStockView;
import io.shopops.inventory.MovementQuery;
import io.shopops.inventory.MovementType;
import io.shopops.inventory.MovementView;
import io.shopops.inventory.Receipt;
import io.shopops.inventory.ReconciliationReport;
import io.shopops.inventory.SafetyStock;
import io.shopops.inventory.StockChange;
import io.shopops.inventory.StockQuery;
import io.shopops.inventory.StockReturn;
import io.shopops.inventory.StockView;
import io.shopops.inventory.Transfer;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.web.RequiresPermission;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import static io.shopops.inventory.web.Quantities.sku;
import static io.shopops.inventory.web.Quantities.warehouse;

/** Stock levels, the movements that change them, the ledger, safety and low stock, and the reconciliation. */
@RestController
@RequestMapping("/api/v1/admin/inventory")
class StockApi {

    private final Inventory inventory;

    StockApi(Inventory inventory) {
        this.inventory = inventory;
    }

    @GetMapping("/stock")
    @RequiresPermission("inventory:read")
    Page<StockView> stock(@RequestParam(required = false) @Nullable Long warehouseId,
            @RequestParam(required = false) @Nullable Long skuId, @RequestParam(required = false) @Nullable String skuCode,
            @RequestParam(required = false) @Nullable StockState state, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return inventory.stock(new StockQuery(warehouse(warehouseId), sku(skuId), skuCode, state),
                new PageQuery(page, size));
    }

    record ReceiptRequest(@Nullable Long skuId, @Nullable Long warehouseId, @Nullable BigDecimal quantity,
            @Nullable String reference, @Nullable String reason) {
    }

    @PostMapping("/receipts")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission("inventory:write")
    StockChange receive(@RequestBody ReceiptRequest request) {
        return inventory.receive(new Receipt(sku(request.skuId()), warehouse(request.warehouseId()),
                Quantities.required("quantity", request.quantity()), request.reference(), request.reason()));
    }

    @PostMapping("/returns")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission("inventory:write")
    StockChange returnToStock(@RequestBody ReceiptRequest request) {
        return inventory.returnToStock(new StockReturn(sku(request.skuId()), warehouse(request.warehouseId()),
                Quantities.required("quantity", request.quantity()), request.reference(), request.reason()));
    }

    record AdjustmentRequest(@Nullable Long skuId, @Nullable Long warehouseId, @Nullable BigDecimal delta,
            @Nullable BigDecimal countedQuantity, @Nullable String reason, @Nullable String reference) {
    }

    @PostMapping("/adjustments")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission("inventory:write")
    StockChange adjust(@RequestBody AdjustmentRequest request) {
        return inventory.adjust(new Adjustment(sku(request.skuId()), warehouse(request.warehouseId()),
                Quantities.optional("delta", request.delta()),
                Quantities.optional("countedQuantity", request.countedQuantity()), request.reason(),
                request.reference()));
    }

    record TransferRequest(@Nullable Long skuId, @Nullable Long fromWarehouseId, @Nullable Long toWarehouseId,
            @Nullable BigDecimal quantity, @Nullable String reference, @Nullable String reason) {
    }

    @PostMapping("/transfers")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission("inventory:write")
    StockChange transfer(@RequestBody TransferRequest request) {
        return inventory.transfer(new Transfer(sku(request.skuId()), warehouse(request.fromWarehouseId()),
                warehouse(request.toWarehouseId()), Quantities.required("quantity", request.quantity()),
                request.reference(), request.reason()));
    }

    @GetMapping("/safety-stock/{skuId}")
    @RequiresPermission("inventory:read")
    SafetyStock safetyStock(@PathVariable long skuId) {
        return inventory.safetyStock(new SkuId(skuId));
    }

    record SafetyStockRequest(@Nullable BigDecimal quantity) {
    }

    @PutMapping("/safety-stock/{skuId}")
    @RequiresPermission("inventory:write")
    SafetyStock setSafetyStock(@PathVariable long skuId, @RequestBody SafetyStockRequest request) {
        Integer quantity = Quantities.optional("quantity", request.quantity());
        return inventory.setSafetyStock(new SkuId(skuId), quantity == null ? -1 : quantity);
    }

    @GetMapping("/low-stock")
    @RequiresPermission("inventory:read")
    Page<LowStockView> lowStock(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return inventory.lowStock(new PageQuery(page, size));
    }

    @GetMapping("/movements")
    @RequiresPermission("inventory:read")
    Page<MovementView> movements(@RequestParam(required = false) @Nullable Long skuId,
            @RequestParam(required = false) @Nullable String skuCode,
            @RequestParam(required = false) @Nullable Long warehouseId,
            @RequestParam(required = false) @Nullable MovementType type,
            @RequestParam(required = false) @Nullable String reference,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant to,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return inventory.movements(new MovementQuery(sku(skuId), skuCode, warehouse(warehouseId), type, reference,
                from, to), new PageQuery(page, size));
    }

    @PostMapping("/reconciliation")
    @RequiresPermission("inventory:reconcile")
    ReconciliationReport reconcile() {
        return inventory.reconcile();
    }

    @GetMapping("/figures")
    @RequiresPermission("inventory:read")
    InventoryFigures figures() {
        return inventory.figures();
    }
}
