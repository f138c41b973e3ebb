package io.shopops.flashsale;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.shopops.audit.AuditLog;
import io.shopops.catalog.SkuId;
import io.shopops.flashsale.internal.EntitlementRepository;
import io.shopops.flashsale.internal.FlashSaleProperties;
import io.shopops.flashsale.internal.FlashSaleRepository;
import io.shopops.ordering.OrderCancelled;
import io.shopops.ordering.OrderId;
import io.shopops.ordering.OrderPaid;
import io.shopops.ordering.OrderStatus;
import io.shopops.ordering.Orders;
import io.shopops.shared.BusinessRuleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Units back to the quota, and the flash orders' payment deadline: the jobs (each on one node at a time) and the
 * listeners on ordering's events. Every way back passes an entitlement status gate first (a conditional UPDATE),
 * so units go back at most once however often a job runs or an event is delivered:
 * <ul>
 * <li>an entitlement not used within the pay window expires (ACCEPTED → EXPIRED), its units back;</li>
 * <li>a flash order not paid within the pay window is cancelled through {@link Orders#cancel(OrderId, String)},
 * only while it is still waiting for its payment;</li>
 * <li>a cancelled order's entitlements are RETURNED ({@link OrderCancelled}), the units it held back;</li>
 * <li>a paid order's entitlements become PAID ({@link OrderPaid});</li>
 * <li>scheduled sessions whose end passed are recorded ENDED.</li>
 * </ul>
 */
@Service
public class FlashSaleSettlement {

    private static final Logger log = LoggerFactory.getLogger(FlashSaleSettlement.class);

    private final EntitlementRepository entitlements;
    private final FlashSaleRepository sales;
    private final Orders orders;
    private final AuditLog audit;
    private final FlashSaleProperties properties;
    private final FlashSaleSupport support;
    private final TransactionTemplate transactions;

    FlashSaleSettlement(EntitlementRepository entitlements, FlashSaleRepository sales, Orders orders, AuditLog audit,
            FlashSaleProperties properties, FlashSaleSupport support, PlatformTransactionManager transactionManager) {
        this.entitlements = entitlements;
        this.sales = sales;
        this.orders = orders;
        this.audit = audit;
        this.properties = properties;
        this.support = support;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** The order was cancelled (by the customer, staff, or for not being paid): its flash units go back, once. */
    @ApplicationModuleListener
    public void on(OrderCancelled cancelled) {
        returnUnits(cancelled.orderId());
    }

    /** The order was paid: its entitlements count as sold. */
    @ApplicationModuleListener
    public void on(OrderPaid paid) {
        entitlements.paid(paid.orderId(), paid.paidAt());
    }

    /**
     * Gives back the units a cancelled order held, each entitlement once (a second delivery of the event finds them
     * RETURNED and gives nothing); returns how many units went back.
     */
    @Transactional
    int returnUnits(OrderId order) {
        Instant now = support.now();
        Map<Key, Integer> back = new LinkedHashMap<>();
        for (Entitlement entitlement : entitlements.ofOrder(order)) {
            if (entitlement.status() != EntitlementStatus.USED && entitlement.status() != EntitlementStatus.PAID) {
                continue;
            }
            if (entitlements.returned(entitlement.id(), now)) {
                back.merge(new Key(entitlement.saleId(), entitlement.skuId()),
                        Objects.requireNonNull(entitlement.usedQuantity()), Integer::sum);
            }
        }
        // the hot rows last
        back.forEach((key, units) -> entitlements.giveBack(key.sale(), key.sku(), units));
        return back.values().stream().mapToInt(Integer::intValue).sum();
    }

    private record Key(FlashSaleId sale, SkuId sku) {
    }

    // --- jobs -------------------------------------------------------------------------------------------------

    /**
     * Expires entitlements not used within their pay window and gives their units back, a batch per transaction
     * (the item rows updated last); returns how many expired.
     */
    public int expireUnused() {
        int expired = 0;
        while (true) {
            Integer done = transactions.execute(status -> {
                Instant now = support.now();
                List<Entitlement> due = entitlements.acceptedExpiredBy(now, properties.jobBatchSize());
                Map<Key, Integer> back = new LinkedHashMap<>();
                int count = 0;
                for (Entitlement entitlement : due) {
                    if (entitlements.expire(entitlement.id(), now, true)) {
                        back.merge(new Key(entitlement.saleId(), entitlement.skuId()), entitlement.quantity(),
                                Integer::sum);
                        count++;
                    }
                }
                back.forEach((key, units) -> entitlements.giveBack(key.sale(), key.sku(), units));
                return due.isEmpty() ? -1 : count;
            });
            if (done == null || done < 0) {
                return expired;
            }
            expired += done;
        }
    }

    /**
     * Cancels flash orders still waiting for their payment when the session's pay window closed, each through the
     * ordering facade in its own transaction; their units come back when {@link OrderCancelled} arrives. An order
     * paid before the cancellation is left alone: {@link Orders#cancelUnpaid} moves an order only from
     * PENDING_PAYMENT, so a payment landing at the same moment wins or loses the same conditional UPDATE. Returns
     * how many it cancelled.
     */
    public int cancelUnpaidOrders() {
        Set<OrderId> seen = new HashSet<>();
        int cancelled = 0;
        while (true) {
            Instant now = support.now();
            List<Entitlement> due = Objects.requireNonNull(transactions.execute(status -> entitlements.unpaidBy(now,
                    properties.jobBatchSize() + seen.size())));
            List<Entitlement> pending = due.stream().filter(e -> e.orderId() != null && !seen.contains(e.orderId()))
                    .toList();
            if (pending.isEmpty()) {
                return cancelled;
            }
            for (Entitlement entitlement : pending) {
                OrderId order = Objects.requireNonNull(entitlement.orderId());
                if (!seen.add(order)) {
                    continue;
                }
                try {
                    if (orders.detail(order).status() == OrderStatus.PENDING_PAYMENT) {
                        orders.cancelUnpaid(order, "flash sale: not paid by %s".formatted(entitlement.payBy()));
                        cancelled++;
                    }
                } catch (BusinessRuleException moved) {
                    // paid or cancelled meanwhile: the events take it from here
                    log.debug("Flash order {} moved on before it was cancelled: {}", order, moved.getMessage());
                } catch (RuntimeException e) {
                    log.error("Could not cancel unpaid flash order {}", order, e);
                }
            }
        }
    }

    /** Records scheduled sessions whose end has passed as ENDED (in the audit log as the system's); returns how many. */
    public int endSessions() {
        int ended = 0;
        for (FlashSaleId id : Objects.requireNonNull(transactions.execute(status -> sales.endedBefore(support.now(),
                properties.jobBatchSize())))) {
            Boolean done = transactions.execute(status -> {
                FlashSaleView before = support.view(support.sale(id));
                if (!sales.end(id, support.now())) {
                    return false;
                }
                audit.record("FLASH_SALE_ENDED", "flash-sale", id, before.name(), before,
                        support.view(support.sale(id)));
                return true;
            });
            ended += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        return ended;
    }
}
