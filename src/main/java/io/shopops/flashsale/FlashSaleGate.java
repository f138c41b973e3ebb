package io.shopops.flashsale;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.shopops.catalog.SkuId;
import io.shopops.customer.CustomerId;
import io.shopops.flashsale.internal.EntitlementRepository;
import io.shopops.flashsale.internal.GateCache;
import io.shopops.flashsale.internal.ItemSettings;
import io.shopops.shared.NotFoundException;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.Violations;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The gate (秒殺閘門): answers a customer's attempt to get units of a flash-sale item, fast, and never gives out
 * more than the quota. The decision is one short transaction: the customer's entitlement row (unique per customer
 * and item, so repeated clicks and bots count once), then {@code UPDATE flash_item SET taken = taken + q WHERE …
 * AND taken + q <= quota} and the session running, checked by its row count, last before the commit so the hot row
 * is locked only for the commit. A repeat is answered with the first answer's entitlement. This node's memory only
 * refuses faster (an item seen sold out less than a second ago, a session not running by its cached settings).
 */
@Service
public class FlashSaleGate {

    private final EntitlementRepository entitlements;
    private final GateCache cache;
    private final FlashSaleSupport support;
    private final TransactionTemplate transactions;

    FlashSaleGate(EntitlementRepository entitlements, GateCache cache, FlashSaleSupport support,
            PlatformTransactionManager transactionManager) {
        this.entitlements = entitlements;
        this.cache = cache;
        this.support = support;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * One attempt of the customer for {@code quantity} units of the session's SKU (400 for a missing or
     * non-positive quantity; 404 when the session has no such SKU). Accepted: the customer's entitlement, to be
     * ordered within the session's pay window. Refused: {@code limit-reached}, {@code not-running} or
     * {@code sold-out}, with a message. A customer accepted before gets that entitlement again, whatever they ask.
     */
    public Attempt attempt(FlashSaleId sale, SkuId sku, CustomerId customer, @Nullable Integer quantity) {
        Violations v = new Violations();
        if (quantity == null) {
            v.add("quantity", "is required");
        } else {
            v.check(quantity >= 1, "quantity", "must be at least 1");
        }
        v.throwIfAny();
        ItemSettings item = cache.settings(sale, sku)
                .orElseThrow(() -> NotFoundException.of("Flash sale item", sale + "/" + sku));
        // read before the customer's entitlement: once the item was seen sold out, every unit counted then had
        // committed, the customer's included, so a customer accepted on another node is found below
        boolean soldOut = cache.soldOut(sale, sku);
        Optional<Entitlement> before = read(sale, sku, customer);
        if (before.isPresent()) {
            return new Attempt.Accepted(before.get(), true);
        }
        if (quantity > item.perCustomerLimit()) {
            return new Attempt.Refused(Attempt.Refusal.LIMIT_REACHED, "at most %d per customer in flash sale \"%s\", %d asked for"
                    .formatted(item.perCustomerLimit(), item.saleName(), quantity));
        }
        Instant now = support.now();
        if (!item.runningAt(now)) {
            return notRunning(item, now);
        }
        if (soldOut) {
            return soldOut(item, 0, quantity);
        }
        return decide(sale, sku, customer, quantity, item, now, true);
    }

    private Attempt decide(FlashSaleId sale, SkuId sku, CustomerId customer, int quantity, ItemSettings item,
            Instant now, boolean again) {
        Instant expiresAt = now.plus(Duration.ofMinutes(item.payWindowMinutes()));
        EntitlementId accepted;
        try {
            accepted = transactions.execute(status -> {
                EntitlementId inserted = entitlements.insert(sale, sku, customer, quantity, now, expiresAt);
                // the hot row last: locked from here to the commit only
                if (entitlements.take(sale, sku, quantity, now)) {
                    return inserted;
                }
                status.setRollbackOnly();
                return null;
            });
        } catch (DuplicateKeyException repeat) {
            // the same customer's other attempt got there first and committed: its answer is this one's
            Optional<Entitlement> first = read(sale, sku, customer);
            if (first.isPresent()) {
                return new Attempt.Accepted(first.get(), true);
            }
            if (again) {
                return decide(sale, sku, customer, quantity, item, support.now(), false);
            }
            throw repeat;
        }
        if (accepted != null) {
            return new Attempt.Accepted(new Entitlement(accepted, sale, sku, customer, quantity,
                    EntitlementStatus.ACCEPTED, now, expiresAt, null, null, null, null, null, null, null), false);
        }
        // refused by the database: too few units left, or the session stopped running meanwhile
        int left = entitlements.remaining(sale, sku);
        if (left >= quantity) {
            cache.forget(sale);
            return notRunning(cache.settings(sale, sku).orElse(item), now);
        }
        if (left <= 0) {
            cache.markSoldOut(sale, sku);
        }
        return soldOut(item, left, quantity);
    }

    /** The customer's entitlements, newest first. */
    public Page<Entitlement> entitlements(CustomerId customer, PageQuery page) {
        return entitlements.ofCustomer(customer, page);
    }

    /** One indexed read outside any transaction (autocommit): the cheapest way to find the first answer. */
    private Optional<Entitlement> read(FlashSaleId sale, SkuId sku, CustomerId customer) {
        return entitlements.find(sale, sku, customer);
    }

    private static Attempt notRunning(ItemSettings item, Instant now) {
        String when = switch (item.status()) {
            case DRAFT -> "is not scheduled";
            case CANCELLED -> "was cancelled";
            case ENDED -> "has ended";
            case SCHEDULED -> now.isBefore(item.startsAt()) ? "starts at " + item.startsAt() : "has ended";
        };
        return new Attempt.Refused(Attempt.Refusal.NOT_RUNNING, "flash sale \"%s\" %s".formatted(item.saleName(), when));
    }

    private static Attempt soldOut(ItemSettings item, int left, int quantity) {
        return new Attempt.Refused(Attempt.Refusal.SOLD_OUT, left <= 0
                ? "sold out in flash sale \"%s\"".formatted(item.saleName())
                : "only %d left in flash sale \"%s\", %d asked for".formatted(left, item.saleName(), quantity));
    }
}
