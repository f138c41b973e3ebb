package io.shopops.loyalty;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.shopops.audit.AuditLog;
import io.shopops.customer.CustomerId;
import io.shopops.customer.Customers;
import io.shopops.loyalty.internal.LoyaltyProperties;
import io.shopops.loyalty.internal.PointsLedger;
import io.shopops.ordering.OrderId;
import io.shopops.shared.Actors;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.Money;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.ShopProperties;
import io.shopops.shared.Violations;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loyalty points (積分): earned on what an order paid ({@code shopops.loyalty.points.earn-per-yuan}, rounded down),
 * worth ¥0.01 each at checkout (up to {@code max-redeem-percent} of the goods), expiring at the end of the year
 * after the one they were earned in; taken back when the order is cancelled or refunded. Every movement is a ledger
 * entry with an idempotency key, so replayed events and retried requests move points once.
 */
@Service
public class Points {

    /** Points per ¥1 at checkout: one point is one fen. */
    public static final long PER_YUAN = 100;
    public static final long MAX_ADJUSTMENT = 10_000_000;
    static final int BATCH = 500;

    private final PointsLedger ledger;
    private final LoyaltyProperties properties;
    private final Customers customers;
    private final AuditLog audit;
    private final ShopProperties shop;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Points(PointsLedger ledger, LoyaltyProperties properties, Customers customers, AuditLog audit,
            ShopProperties shop, TransactionTemplate transactions, Clock clock) {
        this.ledger = ledger;
        this.properties = properties;
        this.customers = customers;
        this.audit = audit;
        this.shop = shop;
        this.transactions = transactions;
        this.clock = clock;
    }

    // --- reads ---------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public PointsAccount account(CustomerId customer) {
        customers.customer(customer);
        Instant now = now();
        long balance = ledger.balance(customer.value());
        Optional<Object[]> next = ledger.nextExpiry(customer.value(), now);
        return new PointsAccount(customer, balance, worth(balance), next.map(n -> (Long) n[0]).orElse(0L),
                next.map(n -> (Instant) n[1]).orElse(null), ledger.entries(customer.value(), 20, 0));
    }

    /** The customer's ledger, latest first. */
    @Transactional(readOnly = true)
    public Page<PointsEntry> entries(CustomerId customer, PageQuery page) {
        customers.customer(customer);
        return Page.of(ledger.entries(customer.value(), page.size(), page.offset()), page,
                ledger.count(customer.value()));
    }

    /** What points may be spent now (lots not expired). */
    @Transactional(readOnly = true)
    public long spendable(CustomerId customer) {
        return ledger.available(customer.value(), now());
    }

    public Money worth(long points) {
        return Money.ofMinor(points * (100 / PER_YUAN), shop.currency());
    }

    // --- staff ---------------------------------------------------------------------------------------------

    /**
     * Credits (positive) or debits (negative) points by hand, for a reason (required; goodwill, a correction):
     * 422 {@code points-insufficient} when a debit is more than the customer's spendable points. Audited.
     */
    @Transactional
    public PointsEntry adjust(CustomerId customer, @Nullable Long points, @Nullable String reason) {
        Violations v = new Violations();
        v.check(points != null && points != 0 && Math.abs(points) <= MAX_ADJUSTMENT, "points",
                "must be a non-zero whole number of points between -" + MAX_ADJUSTMENT + " and " + MAX_ADJUSTMENT);
        v.text("reason", reason, true, 500);
        v.throwIfAny();
        customers.customer(customer);
        Instant now = now();
        PointsLedger.Move move = new PointsLedger.Move(customer.value(), PointsEntryKind.ADJUST,
                "adjust:" + UUID.randomUUID(), null, reason.trim(), Actors.current().username(), now);
        PointsEntry entry = points > 0 ? ledger.credit(move, points, expiry(now), null)
                : ledger.debit(move, -points, false, true, null).orElseThrow(() -> new BusinessRuleException(
                        "points-insufficient", "points", "the customer has only " + ledger.available(customer.value(),
                                now) + " spendable points"));
        audit.record("POINTS_ADJUSTED", "customer", customer, points + " points: " + reason.trim(), null, entry);
        return entry;
    }

    // --- the order's points (called by the module's listeners and the price chain) --------------------------

    /** Points earned on an order's payment (once per order). */
    @Transactional
    public Optional<PointsEntry> earn(OrderId order, CustomerId customer, Money paid, Instant paidAt) {
        long points = paid.amount().multiply(properties.earnPerYuan()).setScale(0, RoundingMode.DOWN).longValue();
        if (points <= 0) {
            return Optional.empty();
        }
        return Optional.of(ledger.credit(new PointsLedger.Move(customer.value(), PointsEntryKind.EARN,
                "order:" + order.value() + ":earn", order.value(), "order paid " + paid.amount().toPlainString(),
                "system", now()), points, expiry(paidAt), paid.amount()));
    }

    /**
     * Spends points at checkout (inside its transaction): exactly {@code points}, or 422 {@code points-insufficient}
     * (a parallel checkout spent them), which undoes the checkout.
     */
    public PointsEntry redeem(OrderId order, String orderNumber, CustomerId customer, long points, Instant at) {
        return ledger.debit(new PointsLedger.Move(customer.value(), PointsEntryKind.REDEEM,
                "order:" + order.value() + ":redeem", order.value(), "order " + orderNumber, "system", at), points,
                false, true, null).orElseThrow(() -> new BusinessRuleException("points-insufficient", "pointsToUse",
                "the points were spent meanwhile: review the new price"));
    }

    /**
     * A cancelled order gives back the points it spent (a new lot, valid as newly earned ones) and takes back those it
     * earned (as many as are left: what was spent since stays spent). Once per order.
     */
    @Transactional
    public void orderCancelled(OrderId order, CustomerId customer) {
        Instant now = now();
        for (PointsEntry spent : ledger.ofOrder(order.value(), PointsEntryKind.REDEEM)) {
            ledger.credit(new PointsLedger.Move(customer.value(), PointsEntryKind.RETURN,
                    "order:" + order.value() + ":return", order.value(), "order cancelled", "system", now),
                    -spent.points(), expiry(now), null);
        }
        for (PointsEntry earned : ledger.ofOrder(order.value(), PointsEntryKind.EARN)) {
            long reversed = reversed(order);
            if (earned.points() - reversed > 0) {
                ledger.debit(new PointsLedger.Move(customer.value(), PointsEntryKind.REVERSE,
                        "order:" + order.value() + ":cancel", order.value(), "order cancelled", "system", now),
                        earned.points() - reversed, true, false, earned.id());
            }
        }
    }

    /**
     * A refund takes back its share of the points the order earned: earned × refund ÷ paid, rounded down, and
     * never more than is left to take back for the order. Once per refund.
     */
    @Transactional
    public void refunded(OrderId order, CustomerId customer, long refundId, Money amount) {
        for (PointsEntry earned : ledger.ofOrder(order.value(), PointsEntryKind.EARN)) {
            BigDecimal basis = ledger.basis(earned.id()).orElse(null);
            if (basis == null || basis.signum() == 0) {
                continue;
            }
            long share = BigDecimal.valueOf(earned.points()).multiply(amount.amount())
                    .divide(basis, 0, RoundingMode.DOWN).longValue();
            long due = Math.min(share, earned.points() - reversed(order));
            if (due > 0) {
                ledger.debit(new PointsLedger.Move(customer.value(), PointsEntryKind.REVERSE,
                        "refund:" + refundId + ":reverse", order.value(), "refund " + amount.amount().toPlainString(),
                        "system", now()), due, true, false, earned.id());
            }
        }
    }

    private long reversed(OrderId order) {
        return -ledger.ofOrder(order.value(), PointsEntryKind.REVERSE).stream().mapToLong(PointsEntry::points).sum();
    }

    /** Expires the rest of every lot whose expiry has come, each customer's in a transaction; returns how many lots. */
    public int expireDue() {
        int expired = 0;
        while (true) {
            Instant now = now();
            List<long[]> due = transactions.execute(s -> ledger.expiredLots(now, BATCH));
            if (due == null || due.isEmpty()) {
                return expired;
            }
            for (long[] lot : due) {
                Boolean done = transactions.execute(s -> {
                    ledger.lock(lot[1], now);
                    long left = ledger.remaining(lot[0]);
                    if (left == 0) {
                        return false;
                    }
                    ledger.debit(new PointsLedger.Move(lot[1], PointsEntryKind.EXPIRE, "expire:" + lot[0], null,
                            "expired", "system", now), left, false, false, lot[0]);
                    return true;
                });
                expired += Boolean.TRUE.equals(done) ? 1 : 0;
            }
            if (due.size() < BATCH) {
                return expired;
            }
        }
    }

    /** The end of the year {@code expiry-years} after the one of {@code earnedAt}, in the shop's zone. */
    Instant expiry(Instant earnedAt) {
        int year = LocalDate.ofInstant(earnedAt, shop.zone()).getYear() + properties.expiryYears();
        return LocalDate.of(year + 1, 1, 1).atStartOfDay(shop.zone()).toInstant();
    }

    public int maxRedeemPercent() {
        return properties.maxRedeemPercent();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
