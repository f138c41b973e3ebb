package io.shopops.audit;

import java.util.List;

import io.shopops.audit.internal.AuditEntryRepository;
import io.shopops.audit.internal.AuditSnapshots;
import io.shopops.shared.Actor;
import io.shopops.shared.Actors;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes and reads the audit log. Writes join the caller's transaction: if the audited change rolls back,
 * so does its entry. There is deliberately no way to change or delete an entry.
 */
@Service
public class AuditLog {

    private final AuditEntryRepository entries;
    private final AuditSnapshots snapshots;

    AuditLog(AuditEntryRepository entries, AuditSnapshots snapshots) {
        this.entries = entries;
        this.snapshots = snapshots;
    }

    /**
     * Records an action by the current actor.
     *
     * @param before the state before the change (any JSON-serialisable value), {@code null} for a creation
     * @param after  the state after the change, {@code null} for a deletion
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String entityType, @Nullable Object entityId, @Nullable String summary,
            @Nullable Object before, @Nullable Object after) {
        record(Actors.current(), action, entityType, entityId, summary, before, after);
    }

    /** Records an action by a named actor, for events where no one is signed in yet (a failed login). */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(Actor actor, String action, String entityType, @Nullable Object entityId,
            @Nullable String summary, @Nullable Object before, @Nullable Object after) {
        entries.append(actor.staffId(), actor.username(), action, entityType,
                entityId == null ? null : String.valueOf(entityId), summary,
                snapshots.toJson(before), snapshots.toJson(after), clientIp());
    }

    @Transactional(readOnly = true)
    public Page<AuditEntry> find(AuditQuery query, PageQuery page) {
        return entries.find(query, page);
    }

    @Transactional(readOnly = true)
    public List<String> knownActions() {
        return entries.distinctActions();
    }

    @Transactional(readOnly = true)
    public List<String> knownEntityTypes() {
        return entries.distinctEntityTypes();
    }

    private static @Nullable String clientIp() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
