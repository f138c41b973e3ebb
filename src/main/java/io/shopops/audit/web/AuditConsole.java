package io.shopops.audit.web;

import java.time.LocalDate;

import io.shopops.audit.AuditLog;
import io.shopops.audit.AuditQuery;
import io.shopops.shared.PageQuery;
import io.shopops.shared.ShopProperties;
import io.shopops.shared.web.ConsoleController;
import io.shopops.shared.web.RequiresPermission;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log on the console: filter by who, what, which thing and when (dates in the shop's zone). */
@ConsoleController
class AuditConsole {

    private final AuditLog audit;
    private final ShopProperties shop;

    AuditConsole(AuditLog audit, ShopProperties shop) {
        this.audit = audit;
        this.shop = shop;
    }

    @GetMapping("/console/audit")
    @RequiresPermission("audit:read")
    String list(@RequestParam(required = false) @Nullable String actor,
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @Nullable String entityType,
            @RequestParam(required = false) @Nullable String entityId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(defaultValue = "0") int page, Model model) {
        AuditQuery query = new AuditQuery(actor, action, entityType, entityId,
                from == null ? null : from.atStartOfDay(shop.zone()).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(shop.zone()).toInstant());
        model.addAttribute("entries", audit.find(query, new PageQuery(page, 50)));
        model.addAttribute("actions", audit.knownActions());
        model.addAttribute("entityTypes", audit.knownEntityTypes());
        model.addAttribute("filter", query);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return "audit/entries";
    }
}
