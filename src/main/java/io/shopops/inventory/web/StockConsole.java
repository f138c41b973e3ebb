package io.shopops.inventory.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.shopops.catalog.SkuRef;
import io.shopops.catalog.StockState;
import io.shopops.inventory.Adjustment;
import io.shopops.inventory.Inventory;
import io.shopops.inventory.MovementQuery;
import io.shopops.inventory.MovementType;
import io.shopops.inventory.MovementView;
import io.shopops.inventory.ReconciliationReport;
import io.shopops.inventory.Receipt;
import io.shopops.inventory.StockQuery;
import io.shopops.inventory.WarehouseId;
import io.shopops.inventory.WarehouseView;
import io.shopops.inventory.Warehouses;
import io.shopops.shared.DomainException;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.ShopProperties;
import io.shopops.shared.web.ConsoleController;
import io.shopops.shared.web.RequiresPermission;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Console pages for stock: levels by warehouse with receive and adjust forms, low stock, the ledger, reconciliation. */
@ConsoleController
@RequestMapping("/console/inventory")
class StockConsole {

    private static final Map<String, String> RECEIPT_FIELDS = Map.of("skuId", "skuCode");
    private static final Map<String, String> ADJUST_FIELDS = Map.of("skuId", "adjustSkuCode", "warehouseId",
            "adjustWarehouseId", "delta", "adjustQuantity", "countedQuantity", "adjustQuantity", "reason",
            "adjustReason", "reference", "adjustReason");

    private final Inventory inventory;
    private final Warehouses warehouses;
    private final ConsoleForms forms;
    private final ShopProperties shop;

    StockConsole(Inventory inventory, Warehouses warehouses, ConsoleForms forms, ShopProperties shop) {
        this.inventory = inventory;
        this.warehouses = warehouses;
        this.forms = forms;
        this.shop = shop;
    }

    /** The filters and the typed-in values of the stock page's forms. */
    record StockFilter(@Nullable Long warehouseId, @Nullable String skuCode, @Nullable StockState state, int page) {
    }

    record ReceiveForm(@Nullable String skuCode, @Nullable String warehouseId, @Nullable String quantity,
            @Nullable String reference) {
    }

    record AdjustForm(@Nullable String adjustSkuCode, @Nullable String adjustWarehouseId, @Nullable String mode,
            @Nullable String adjustQuantity, @Nullable String adjustReason) {
    }

    @GetMapping("/stock")
    @RequiresPermission("inventory:read")
    String stock(@RequestParam(required = false) @Nullable Long warehouseId,
            @RequestParam(required = false) @Nullable String skuCode,
            @RequestParam(required = false) @Nullable StockState state, @RequestParam(defaultValue = "0") int page,
            Model model) {
        StockFilter filter = new StockFilter(warehouseId, skuCode, state, page);
        return stockPage(model, filter, new ReceiveForm(null, warehouseId == null ? null : warehouseId.toString(), null,
                null), new AdjustForm(null, warehouseId == null ? null : warehouseId.toString(), "delta", null, null),
                null);
    }

    private String stockPage(Model model, StockFilter filter, ReceiveForm receive, AdjustForm adjust,
            ConsoleForms.@Nullable Errors errors) {
        model.addAttribute("filter", filter);
        model.addAttribute("states", StockState.values());
        model.addAttribute("warehouses", warehouses.all());
        model.addAttribute("activeWarehouses", warehouses.all().stream().filter(WarehouseView::active).toList());
        model.addAttribute("rows", inventory.stock(new StockQuery(
                filter.warehouseId() == null ? null : new WarehouseId(filter.warehouseId()), null, filter.skuCode(),
                filter.state()), new PageQuery(Math.max(0, filter.page()), 50)));
        model.addAttribute("receive", receive);
        model.addAttribute("adjust", adjust);
        model.addAttribute("errors", errors == null ? Map.of() : errors.map());
        return "inventory/stock";
    }

    @PostMapping("/stock/receive")
    @RequiresPermission("inventory:write")
    String receive(ReceiveForm form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        ConsoleForms.Errors errors = new ConsoleForms.Errors();
        Optional<SkuRef> sku = forms.sku(form.skuCode(), "skuCode", errors);
        WarehouseId warehouse = forms.warehouse(form.warehouseId(), "warehouseId", errors);
        Long quantity = forms.number(form.quantity(), "quantity", errors, true);
        if (errors.isEmpty()) {
            try {
                inventory.receive(new Receipt(sku.get().id(), warehouse, ConsoleForms.clamp(quantity),
                        form.reference(), null));
                redirect.addFlashAttribute("flash", forms.text("inventory.stock.received", quantity,
                        sku.get().skuCode()));
                redirect.addAttribute("warehouseId", warehouse.value());
                return "redirect:/console/inventory/stock";
            } catch (DomainException refused) {
                errors.addAll(refused, RECEIPT_FIELDS);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return stockPage(model, new StockFilter(null, null, null, 0), form,
                new AdjustForm(null, null, "delta", null, null), errors);
    }

    @PostMapping("/stock/adjust")
    @RequiresPermission("inventory:write")
    String adjust(AdjustForm form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        ConsoleForms.Errors errors = new ConsoleForms.Errors();
        Optional<SkuRef> sku = forms.sku(form.adjustSkuCode(), "adjustSkuCode", errors);
        WarehouseId warehouse = forms.warehouse(form.adjustWarehouseId(), "adjustWarehouseId", errors);
        Long quantity = forms.number(form.adjustQuantity(), "adjustQuantity", errors, true);
        boolean count = "count".equals(form.mode());
        if (errors.isEmpty()) {
            try {
                int value = ConsoleForms.clamp(quantity);
                inventory.adjust(new Adjustment(sku.get().id(), warehouse, count ? null : value, count ? value : null,
                        form.adjustReason(), null));
                redirect.addFlashAttribute("flash", forms.text("inventory.stock.adjusted", sku.get().skuCode()));
                redirect.addAttribute("warehouseId", warehouse.value());
                return "redirect:/console/inventory/stock";
            } catch (DomainException refused) {
                errors.addAll(refused, ADJUST_FIELDS);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return stockPage(model, new StockFilter(null, null, null, 0), new ReceiveForm(null, null, null, null), form,
                errors);
    }

    @GetMapping("/low-stock")
    @RequiresPermission("inventory:read")
    String lowStock(@RequestParam(defaultValue = "0") int page, Model model) {
        return lowStockPage(model, page, null, null, null);
    }

    private String lowStockPage(Model model, int page, @Nullable String skuCode, @Nullable String quantity,
            ConsoleForms.@Nullable Errors errors) {
        model.addAttribute("rows", inventory.lowStock(new PageQuery(Math.max(0, page), 50)));
        model.addAttribute("safetySkuCode", skuCode);
        model.addAttribute("safetyQuantity", quantity);
        model.addAttribute("errors", errors == null ? Map.of() : errors.map());
        return "inventory/low-stock";
    }

    @PostMapping("/safety-stock")
    @RequiresPermission("inventory:write")
    String setSafetyStock(@RequestParam(required = false) @Nullable String safetySkuCode,
            @RequestParam(required = false) @Nullable String safetyQuantity, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        ConsoleForms.Errors errors = new ConsoleForms.Errors();
        Optional<SkuRef> sku = forms.sku(safetySkuCode, "safetySkuCode", errors);
        Long quantity = forms.number(safetyQuantity, "safetyQuantity", errors, true);
        if (errors.isEmpty()) {
            try {
                inventory.setSafetyStock(sku.get().id(), ConsoleForms.clamp(quantity));
                redirect.addFlashAttribute("flash", forms.text("inventory.safety.saved", sku.get().skuCode(), quantity));
                return "redirect:/console/inventory/low-stock";
            } catch (DomainException refused) {
                errors.addAll(refused, Map.of("quantity", "safetyQuantity", "skuId", "safetySkuCode"));
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return lowStockPage(model, 0, safetySkuCode, safetyQuantity, errors);
    }

    @GetMapping("/movements")
    @RequiresPermission("inventory:read")
    String movements(@RequestParam(required = false) @Nullable String skuCode,
            @RequestParam(required = false) @Nullable Long warehouseId,
            @RequestParam(required = false) @Nullable MovementType type,
            @RequestParam(required = false) @Nullable String reference,
            @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
            @RequestParam(defaultValue = "0") int page, Model model) {
        ConsoleForms.Errors errors = new ConsoleForms.Errors();
        Instant fromInstant = localTime(from, "from", errors);
        Instant toInstant = localTime(to, "to", errors);
        model.addAttribute("warehouses", warehouses.all());
        model.addAttribute("types", MovementType.values());
        model.addAttribute("skuCode", skuCode);
        model.addAttribute("warehouseId", warehouseId);
        model.addAttribute("type", type);
        model.addAttribute("reference", reference);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        Page<MovementView> rows = Page.of(List.of(), PageQuery.first(50), 0);
        if (errors.isEmpty()) {
            try {
                rows = inventory.movements(new MovementQuery(null, skuCode,
                        warehouseId == null ? null : new WarehouseId(warehouseId), type,
                        reference == null || reference.isBlank() ? null : reference, fromInstant, toInstant),
                        new PageQuery(Math.max(0, page), 50));
            } catch (DomainException refused) {
                errors.addAll(refused, Map.of());
            }
        }
        model.addAttribute("rows", rows);
        model.addAttribute("skuCodes", forms.skuCodes(rows.items().stream().map(MovementView::skuId).toList()));
        model.addAttribute("warehouseCodes", warehouseCodes());
        model.addAttribute("errors", errors.map());
        return "inventory/movements";
    }

    private Map<WarehouseId, String> warehouseCodes() {
        Map<WarehouseId, String> codes = new java.util.HashMap<>();
        warehouses.all().forEach(w -> codes.put(w.id(), w.code()));
        return codes;
    }

    private @Nullable Instant localTime(@Nullable String text, String field, ConsoleForms.Errors errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.trim()).atZone(shop.zone()).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(field, forms.text("inventory.form.dateTime"));
            return null;
        }
    }

    @GetMapping("/reconciliation")
    @RequiresPermission("inventory:reconcile")
    String reconciliation(Model model) {
        return "inventory/reconciliation";
    }

    @PostMapping("/reconciliation")
    @RequiresPermission("inventory:reconcile")
    String reconcile(Model model) {
        ReconciliationReport report = inventory.reconcile();
        model.addAttribute("report", report);
        model.addAttribute("skuCodes", forms.skuCodes(report.mismatches().stream()
                .map(ReconciliationReport.Mismatch::skuId).toList()));
        model.addAttribute("warehouseCodes", warehouseCodes());
        return "inventory/reconciliation";
    }
}
