package io.shopops.aftersales;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.shopops.aftersales.internal.AfterSalesFilter;
import io.shopops.aftersales.internal.AfterSalesLineRecord;
import io.shopops.aftersales.internal.AfterSalesRecord;
import io.shopops.aftersales.internal.AfterSalesRepository;
import io.shopops.audit.AuditLog;
import io.shopops.inventory.Adjustment;
import io.shopops.inventory.Inventory;
import io.shopops.inventory.StockReturn;
import io.shopops.ordering.OrderId;
import io.shopops.ordering.OrderReturns;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.ShopProperties;
import io.shopops.shared.Violations;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * After-sales as staff work it (售後處理): find requests, approve or reject them, receive the goods that come back
 * (into stock or written off as damaged), and try a failed refund again. Every decision is in the audit log; a
 * refund starts in the same transaction as the step that makes it due, and the provider is asked after commit.
 */
@Service
public class AfterSales {

    private final AfterSalesRepository requests;
    private final OrderReturns orders;
    private final Inventory inventory;
    private final AuditLog audit;
    private final ShopProperties shop;
    private final AfterSalesSupport support;

    AfterSales(AfterSalesRepository requests, OrderReturns orders, Inventory inventory, AuditLog audit,
            ShopProperties shop, AfterSalesSupport support) {
        this.requests = requests;
        this.orders = orders;
        this.inventory = inventory;
        this.audit = audit;
        this.shop = shop;
        this.support = support;
    }

    /** Requests matching the filters, newest first. */
    @Transactional(readOnly = true)
    public Page<AfterSalesSummary> find(AfterSalesQuery query, PageQuery page) {
        Violations v = new Violations();
        v.check(query.requestedFrom() == null || query.requestedTo() == null
                || !query.requestedTo().isBefore(query.requestedFrom()), "requestedTo", "must not be before requestedFrom");
        v.text("orderNumber", query.orderNumber(), false, 32);
        v.throwIfAny();
        AfterSalesFilter filter = new AfterSalesFilter(query.status(), query.kind(), query.reason(),
                query.orderNumber() == null || query.orderNumber().isBlank() ? null : query.orderNumber().trim(),
                query.customerId() == null ? null : query.customerId().value(),
                query.requestedFrom() == null ? null : query.requestedFrom().atStartOfDay(shop.zone()).toInstant(),
                query.requestedTo() == null ? null : query.requestedTo().plusDays(1).atStartOfDay(shop.zone()).toInstant());
        Page<AfterSalesRecord> found = requests.find(filter, page);
        Map<AfterSalesId, Integer> units = requests.units(found.items().stream().map(AfterSalesRecord::id).toList());
        return found.map(r -> AfterSalesSupport.summary(r, units.getOrDefault(r.id(), 0)));
    }

    @Transactional(readOnly = true)
    public AfterSalesView request(AfterSalesId id) {
        return support.view(support.request(id));
    }

    /** The order's requests, oldest first. */
    @Transactional(readOnly = true)
    public List<AfterSalesSummary> ofOrder(OrderId order) {
        List<AfterSalesRecord> found = requests.ofOrder(order);
        Map<AfterSalesId, Integer> units = requests.units(found.stream().map(AfterSalesRecord::id).toList());
        return found.stream().map(r -> AfterSalesSupport.summary(r, units.getOrDefault(r.id(), 0))).toList();
    }

    /** How many requests are in each status (every status present, zero where none). */
    @Transactional(readOnly = true)
    public Map<AfterSalesStatus, Long> countByStatus() {
        Map<AfterSalesStatus, Long> counts = new EnumMap<>(AfterSalesStatus.class);
        for (AfterSalesStatus status : AfterSalesStatus.values()) {
            counts.put(status, 0L);
        }
        counts.putAll(requests.countByStatus());
        return counts;
    }

    /**
     * Approves a request (REQUESTED → APPROVED): a return now waits for the customer's parcel; a refund-only
     * request's refund starts at once.
     */
    @Transactional
    public AfterSalesView approve(AfterSalesId id, @Nullable String note) {
        Violations v = new Violations();
        v.text("note", note, false, 500);
        v.throwIfAny();
        AfterSalesRecord request = support.request(id);
        Instant now = support.now();
        String why = note == null || note.isBlank() ? null : note.trim();
        if (!requests.decide(id, AfterSalesStatus.APPROVED, why, AfterSalesSupport.actor(), now)) {
            throw AfterSalesSupport.illegal(support.request(id), AfterSalesStatus.APPROVED);
        }
        support.step(request, request.status(), AfterSalesStatus.APPROVED, why, now);
        if (request.kind() == AfterSalesKind.REFUND_ONLY) {
            support.startRefund(support.request(id), now);
        }
        support.publish(new AfterSalesDecided(id, request.requestNo(), request.orderId(), AfterSalesStatus.APPROVED,
                why, now));
        return audited("AFTER_SALES_APPROVED", request, why);
    }

    /** Rejects a request (REQUESTED → REJECTED) for a reason the customer sees; its claims go back. */
    @Transactional
    public AfterSalesView reject(AfterSalesId id, @Nullable String reason) {
        Violations v = new Violations();
        v.text("reason", reason, true, 500);
        v.throwIfAny();
        AfterSalesRecord request = support.request(id);
        Instant now = support.now();
        String why = reason.trim();
        if (!requests.decide(id, AfterSalesStatus.REJECTED, why, AfterSalesSupport.actor(), now)) {
            throw AfterSalesSupport.illegal(support.request(id), AfterSalesStatus.REJECTED);
        }
        support.releaseClaims(request);
        support.step(request, request.status(), AfterSalesStatus.REJECTED, why, now);
        support.publish(new AfterSalesDecided(id, request.requestNo(), request.orderId(), AfterSalesStatus.REJECTED,
                why, now));
        return audited("AFTER_SALES_REJECTED", request, why);
    }

    /**
     * The parcel back arrived (RETURN_SHIPPED → RECEIVED): restocked units go back on hand in the line's warehouse
     * (RETURN), damaged ones come in and are written off (RETURN, then ADJUSTMENT), and the refund starts. Every line
     * of the request must be named once; restocked + damaged may be less than sent (units missing from the parcel).
     */
    @Transactional
    public AfterSalesView receive(AfterSalesId id, ReturnReceipt receipt) {
        AfterSalesRecord request = support.request(id);
        List<AfterSalesLineRecord> lines = requests.lines(id);
        Map<Integer, int[]> found = checkReceipt(receipt, lines);
        Instant now = support.now();
        String note = receipt.note() == null || receipt.note().isBlank() ? null : receipt.note().trim();
        if (!requests.received(id, AfterSalesSupport.actor(), note, now)) {
            throw AfterSalesSupport.illegal(request, AfterSalesStatus.RECEIVED);
        }
        List<ReturnReceived.Line> received = new ArrayList<>();
        Map<Integer, Integer> back = new HashMap<>();
        for (AfterSalesLineRecord line : lines) {
            int[] counts = Objects.requireNonNull(found.get(line.lineNo()));
            int restocked = counts[0];
            int damaged = counts[1];
            requests.lineReceived(id, line.lineNo(), restocked, damaged);
            if (restocked + damaged > 0) {
                inventory.returnToStock(new StockReturn(line.skuId(), line.warehouseId(), restocked + damaged,
                        request.requestNo(), "returned by the customer, order " + request.orderNumber()));
            }
            if (damaged > 0) {
                inventory.adjust(new Adjustment(line.skuId(), line.warehouseId(), -damaged, null,
                        "returned damaged, written off", request.requestNo()));
            }
            back.put(line.lineNo(), restocked + damaged);
            received.add(new ReturnReceived.Line(line.skuId(), line.warehouseId(), restocked, damaged));
        }
        orders.returned(request.orderId(), back);
        support.step(request, request.status(), AfterSalesStatus.RECEIVED, note, now);
        support.startRefund(support.request(id), now);
        support.publish(new ReturnReceived(id, request.requestNo(), request.orderId(), received, now));
        return audited("AFTER_SALES_RECEIVED", request, note);
    }

    private static Map<Integer, int[]> checkReceipt(ReturnReceipt receipt, List<AfterSalesLineRecord> lines) {
        Violations v = new Violations();
        v.text("note", receipt.note(), false, 500);
        Map<Integer, int[]> found = new HashMap<>();
        List<ReturnReceipt.Line> given = receipt.lines() == null ? List.of() : receipt.lines();
        Set<Integer> expected = new HashSet<>();
        lines.forEach(l -> expected.add(l.lineNo()));
        for (int i = 0; i < given.size(); i++) {
            ReturnReceipt.Line line = given.get(i);
            String at = "lines[%d]".formatted(i);
            if (line == null || line.lineNo() == null) {
                v.add(at + ".lineNo", "is required");
                continue;
            }
            AfterSalesLineRecord sent = lines.stream().filter(l -> l.lineNo() == line.lineNo()).findFirst().orElse(null);
            if (sent == null) {
                v.add(at + ".lineNo", "is not a line of the request");
                continue;
            }
            if (found.containsKey(line.lineNo())) {
                v.add(at + ".lineNo", "appears twice");
                continue;
            }
            int restocked = line.restocked() == null ? 0 : line.restocked();
            int damaged = line.damaged() == null ? 0 : line.damaged();
            v.check(restocked >= 0, at + ".restocked", "must not be negative");
            v.check(damaged >= 0, at + ".damaged", "must not be negative");
            v.check(restocked < 0 || damaged < 0 || (long) restocked + damaged <= sent.quantity(), at + ".restocked",
                    "restocked and damaged together must not exceed the %d units sent back".formatted(sent.quantity()));
            found.put(line.lineNo(), new int[] { restocked, damaged });
        }
        expected.removeAll(found.keySet());
        v.check(expected.isEmpty(), "lines", "must account for every line of the request; missing " + expected);
        v.throwIfAny();
        return found;
    }

    /** Starts a new refund attempt after the provider refused the last one. */
    @Transactional
    public AfterSalesView retryRefund(AfterSalesId id) {
        AfterSalesRecord request = support.request(id);
        support.startRefund(request, support.now());
        return audited("AFTER_SALES_REFUND_RETRIED", request, null);
    }

    private AfterSalesView audited(String action, AfterSalesRecord before, @Nullable String why) {
        AfterSalesRecord after = support.request(before.id());
        audit.record(action, "after-sales", before.id(), before.requestNo() + (why == null ? "" : ": " + why),
                AfterSalesSupport.summary(before, 0), AfterSalesSupport.summary(after, 0));
        return support.view(after);
    }
}
