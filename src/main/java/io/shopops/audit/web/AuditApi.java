package io.shopops.audit.web;

import java.time.Instant;

import io.shopops.audit.AuditEntry;
import io.shopops.audit.AuditLog;
import io.shopops.audit.AuditQuery;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.web.RequiresPermission;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reading the audit log. There is no endpoint that writes, changes or deletes an entry. */
@RestController
class AuditApi {

    private final AuditLog audit;

    AuditApi(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/api/v1/admin/audit-entries")
    @RequiresPermission("audit:read")
    Page<AuditEntry> find(@RequestParam(required = false) @Nullable String actor,
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @Nullable String entityType,
            @RequestParam(required = false) @Nullable String entityId,
            @RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return audit.find(new AuditQuery(actor, action, entityType, entityId, from, to), new PageQuery(page, size));
    }
}
