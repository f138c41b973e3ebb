package io.shopops.console.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.shopops.catalog.Catalog;
import io.shopops.catalog.CatalogFigures;
import io.shopops.catalog.ProductStatus;
import io.shopops.inventory.Inventory;
import io.shopops.inventory.InventoryFigures;
import io.shopops.shared.PageQuery;
import io.shopops.shared.web.ConsoleController;
import io.shopops.shared.web.RequiresPermission;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page: products on shelf, SKUs, low-stock SKUs and stock value at cost, read live from the
 * catalog and the inventory (definitions in docs/metrics.md). Figures a member's roles do not cover are
 * left out rather than refused, so every member has a home.
 */
@ConsoleController
class HomeConsole {

    private final Catalog catalog;
    private final Inventory inventory;
    private final MessageSource messages;
    private final JsonMapper json;

    HomeConsole(Catalog catalog, Inventory inventory, MessageSource messages, JsonMapper json) {
        this.catalog = catalog;
        this.inventory = inventory;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/console")
    @RequiresPermission(RequiresPermission.AUTHENTICATED)
    String home(Model model) {
        io.shopops.shared.web.ConsoleUser me = (io.shopops.shared.web.ConsoleUser) model.getAttribute("me");
        Locale locale = LocaleContextHolder.getLocale();
        if (me != null && me.can("catalog:read")) {
            CatalogFigures figures = catalog.figures();
            model.addAttribute("catalogFigures", figures);
            model.addAttribute("statusChart", statusChart(figures, locale));
        }
        if (me != null && me.can("inventory:read")) {
            InventoryFigures figures = inventory.figures();
            model.addAttribute("inventoryFigures", figures);
            model.addAttribute("warehouseChart", warehouseChart(figures));
            model.addAttribute("lowStock", inventory.lowStock(PageQuery.first(8)));
        }
        return "console/home";
    }

    private String statusChart(CatalogFigures figures, Locale locale) {
        List<String> labels = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        for (ProductStatus status : ProductStatus.values()) {
            labels.add(messages.getMessage("catalog.status." + status, null, status.name(), locale));
            values.add(figures.productsByStatus().get(status));
        }
        return chart("pie", labels, List.of(series("", values)));
    }

    private String warehouseChart(InventoryFigures figures) {
        List<String> labels = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (InventoryFigures.WarehouseValue warehouse : figures.byWarehouse()) {
            labels.add(warehouse.name());
            values.add(warehouse.value().amount());
        }
        return chart("bar", labels, List.of(series(figures.stockValue().currency().getCurrencyCode(), values)));
    }

    private static Map<String, Object> series(String name, List<?> data) {
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("name", name);
        series.put("data", data);
        return series;
    }

    private String chart(String type, List<String> labels, List<Map<String, Object>> series) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("type", type);
        spec.put("labels", labels);
        spec.put("series", series);
        return json.writeValueAsString(spec);
    }
}
