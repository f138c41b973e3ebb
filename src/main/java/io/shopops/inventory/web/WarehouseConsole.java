package io.shopops.inventory.web;

import java.util.Map;

import io.shopops.inventory.NewWarehouse;
import io.shopops.inventory.WarehouseChange;
import io.shopops.inventory.WarehouseId;
import io.shopops.inventory.WarehouseView;
import io.shopops.inventory.Warehouses;
import io.shopops.shared.DomainException;
import io.shopops.shared.PageQuery;
import io.shopops.shared.web.ConsoleController;
import io.shopops.shared.web.RequiresPermission;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Console pages for warehouses: the list with a form to open one, editing, and closing one. */
@ConsoleController
@RequestMapping("/console/inventory/warehouses")
class WarehouseConsole {

    private final Warehouses warehouses;
    private final ConsoleForms forms;

    WarehouseConsole(Warehouses warehouses, ConsoleForms forms) {
        this.warehouses = warehouses;
        this.forms = forms;
    }

    record WarehouseForm(@Nullable String code, @Nullable String name, @Nullable String region,
            @Nullable String address, @Nullable Long version) {
    }

    @GetMapping
    @RequiresPermission("inventory:read")
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        return listPage(model, page, new WarehouseForm(null, null, null, null, null), null);
    }

    private String listPage(Model model, int page, WarehouseForm form, ConsoleForms.@Nullable Errors errors) {
        model.addAttribute("rows", warehouses.list(true, new PageQuery(Math.max(0, page), 50)));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors == null ? Map.of() : errors.map());
        return "inventory/warehouses";
    }

    @PostMapping
    @RequiresPermission("inventory:warehouses")
    String create(WarehouseForm form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            WarehouseView created = warehouses.open(new NewWarehouse(form.code(), form.name(), form.region(),
                    form.address()));
            redirect.addFlashAttribute("flash", forms.text("inventory.warehouses.created", created.code()));
            return "redirect:/console/inventory/warehouses";
        } catch (DomainException refused) {
            ConsoleForms.Errors errors = new ConsoleForms.Errors();
            errors.addAll(refused, Map.of());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return listPage(model, 0, form, errors);
        }
    }

    @GetMapping("/{id}/edit")
    @RequiresPermission("inventory:warehouses")
    String edit(@PathVariable long id, Model model) {
        WarehouseView warehouse = warehouses.warehouse(new WarehouseId(id));
        return editPage(model, warehouse, new WarehouseForm(warehouse.code(), warehouse.name(), warehouse.region(),
                warehouse.address(), warehouse.version()), null);
    }

    private String editPage(Model model, WarehouseView warehouse, WarehouseForm form,
            ConsoleForms.@Nullable Errors errors) {
        model.addAttribute("warehouse", warehouse);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors == null ? Map.of() : errors.map());
        return "inventory/warehouse-edit";
    }

    @PostMapping("/{id}")
    @RequiresPermission("inventory:warehouses")
    String update(@PathVariable long id, WarehouseForm form, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        WarehouseId warehouseId = new WarehouseId(id);
        WarehouseView current = warehouses.warehouse(warehouseId);
        try {
            warehouses.change(warehouseId, new WarehouseChange(form.name(), form.region(), form.address(),
                    form.version() == null ? -1 : form.version()));
            redirect.addFlashAttribute("flash", forms.text("inventory.warehouses.saved", current.code()));
            return "redirect:/console/inventory/warehouses";
        } catch (DomainException refused) {
            ConsoleForms.Errors errors = new ConsoleForms.Errors();
            errors.addAll(refused, Map.of());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return editPage(model, current, form, errors);
        }
    }

    @PostMapping("/{id}/deactivate")
    @RequiresPermission("inventory:warehouses")
    String deactivate(@PathVariable long id, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            WarehouseView closed = warehouses.deactivate(new WarehouseId(id));
            redirect.addFlashAttribute("flash", forms.text("inventory.warehouses.deactivated", closed.code()));
            return "redirect:/console/inventory/warehouses";
        } catch (DomainException refused) {
            ConsoleForms.Errors errors = new ConsoleForms.Errors();
            errors.addAll(refused, Map.of());
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return listPage(model, 0, new WarehouseForm(null, null, null, null, null), errors);
        }
    }
}
