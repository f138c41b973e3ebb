package io.shopops.ordering;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.shopops.audit.AuditLog;
import io.shopops.catalog.Catalog;
import io.shopops.catalog.SkuId;
import io.shopops.catalog.SkuRef;
import io.shopops.inventory.ReservationId;
import io.shopops.inventory.WarehouseId;
import io.shopops.inventory.WarehouseView;
import io.shopops.inventory.Warehouses;
import io.shopops.ordering.internal.AllocationRecord;
import io.shopops.ordering.internal.OrderLineRecord;
import io.shopops.ordering.internal.OrderRecord;
import io.shopops.ordering.internal.OrderRepository;
import io.shopops.ordering.internal.OrderRepository.Of;
import io.shopops.ordering.internal.OrderingProperties;
import io.shopops.ordering.internal.TimelineRepository;
import io.shopops.shared.ConflictException;
import io.shopops.shared.FieldViolation;
import io.shopops.shared.Money;
import io.shopops.shared.ShopProperties;
import io.shopops.shared.Violations;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports order history (訂單歷史導入): orders that went through checkout, payment, fulfilment and after-sales
 * elsewhere, or before ShopOps kept this shop's books (the demo shop's six months). The order's other modules import
 * their side first, each through its own facade, and hand back the ids the order links to: the payment module its
 * payments and refunds, the inventory its reservations, fulfilment its shipments; all of them refer to the order
 * number this facade handed out first ({@link #numbers}).
 *
 * <p>Imported orders publish no events (nothing happens to them now: what happened is recorded; analytics reads the
 * tables) and write one audit entry per import, not one per order. They do not move stock: the stock a finished
 * order took left before today's stock was counted, and an open order's stock is held by the reservation it names.
 * After the import they are orders like any other: the jobs cancel the unpaid ones whose window closes and complete
 * the delivered ones, and staff see and act on them.
 */
@Service
public class OrderImport {

    /** The most orders one import may carry. */
    public static final int MAX_IMPORT = 200_000;

    private static final Set<OrderStatus> ALLOCATED_OR_LATER = EnumSet.of(OrderStatus.ALLOCATED,
            OrderStatus.PARTIALLY_SHIPPED, OrderStatus.SHIPPED, OrderStatus.DELIVERED, OrderStatus.COMPLETED);
    private static final Set<OrderStatus> SHIPPED_OR_LATER = EnumSet.of(OrderStatus.SHIPPED, OrderStatus.DELIVERED,
            OrderStatus.COMPLETED);
    private static final Set<OrderStatus> DELIVERED_OR_LATER = EnumSet.of(OrderStatus.DELIVERED,
            OrderStatus.COMPLETED);

    private final OrderRepository orders;
    private final TimelineRepository timeline;
    private final Catalog catalog;
    private final Warehouses warehouses;
    private final AuditLog audit;
    private final OrderingProperties properties;
    private final ShopProperties shop;
    private final OrderSupport support;

    OrderImport(OrderRepository orders, TimelineRepository timeline, Catalog catalog, Warehouses warehouses,
            AuditLog audit, OrderingProperties properties, ShopProperties shop, OrderSupport support) {
        this.orders = orders;
        this.timeline = timeline;
        this.catalog = catalog;
        this.warehouses = warehouses;
        this.audit = audit;
        this.properties = properties;
        this.shop = shop;
        this.support = support;
    }

    /**
     * Hands out ids from the order sequence and the numbers orders placed at these times would have had (SO, the
     * shop's day, the id), in input order; the ids ascend with the placing times, as live orders' do. An id handed
     * out and never imported is a gap in the sequence, as after a rolled-back checkout. 400 for an empty list or a
     * missing or future time.
     */
    @Transactional
    public List<OrderNumber> numbers(List<Instant> placedAt) {
        Violations v = new Violations();
        if (placedAt.isEmpty()) {
            v.add("placedAt", "must contain at least one time");
        } else if (placedAt.size() > MAX_IMPORT) {
            v.add("placedAt", "must contain at most " + MAX_IMPORT + " times");
        }
        Instant now = support.now();
        for (int i = 0; i < placedAt.size() && placedAt.size() <= MAX_IMPORT; i++) {
            Instant at = placedAt.get(i);
            v.check(at != null, "placedAt[" + i + "]", "is required");
            v.check(at == null || !at.isAfter(now), "placedAt[" + i + "]", "must not be in the future");
        }
        v.throwIfAny();
        List<OrderId> ids = orders.nextIds(placedAt.size());
        List<Integer> byTime = new ArrayList<>();
        for (int i = 0; i < placedAt.size(); i++) {
            byTime.add(i);
        }
        byTime.sort(Comparator.comparing((Integer i) -> placedAt.get(i)).thenComparingInt(i -> i));
        OrderNumber[] numbers = new OrderNumber[placedAt.size()];
        for (int k = 0; k < byTime.size(); k++) {
            int i = byTime.get(k);
            numbers[i] = new OrderNumber(ids.get(k), OrderSupport.number(ids.get(k), placedAt.get(i), shop.zone()));
        }
        return List.of(numbers);
    }

    /**
     * Writes the orders as they went, in JDBC batches: the order with its totals and times, its lines (named by the
     * catalog: code, title, spec, cost), its price rules, one allocation per parcel, its payment and refunds, and a
     * timeline entry for each status it reached, each parcel and each refund. Returns how many orders were written.
     *
     * <p>Everything is checked first and refused with 400 naming the field ({@code orders[12].lines[1].skuId},
     * {@code orders[12].parcels[0].dispatchedAt}): bad input, an unknown SKU or warehouse, a number that is not the
     * one handed out for the id and time, amounts that do not add up (a payment is of the order's total, refunds at
     * most what was paid, a line's refund at most what it cost), times out of order, missing or given for a status
     * not reached. An id used by an order already is refused with 409. Nothing is written then. The ids of the other
     * modules' records (customer, reservations, shipments, payment, refunds) are taken as their imports handed them
     * out: they are not looked up one by one.
     */
    @Transactional
    public int importHistorical(List<HistoricalOrder> imported) {
        Violations v = new Violations();
        if (imported.isEmpty()) {
            v.add("orders", "must contain at least one order");
        } else if (imported.size() > MAX_IMPORT) {
            v.add("orders", "must contain at most " + MAX_IMPORT + " orders");
        }
        v.throwIfAny();
        Instant now = support.now();
        Set<WarehouseId> knownWarehouses = warehouses.all().stream().map(WarehouseView::id)
                .collect(Collectors.toSet());
        Map<OrderId, Integer> ids = new HashMap<>();
        Set<ReservationId> reservations = new HashSet<>();
        Set<Long> shipments = new HashSet<>();
        Set<Long> payments = new HashSet<>();
        Set<Long> refunds = new HashSet<>();
        Set<SkuId> skus = new HashSet<>();
        for (int i = 0; i < imported.size(); i++) {
            HistoricalOrder order = imported.get(i);
            Violations at = v.nested("orders[" + i + "]");
            if (order == null) {
                at.add("id", "is required");
                continue;
            }
            if (order.id() == null) {
                at.add("id", "is required");
            } else {
                Integer first = ids.putIfAbsent(order.id(), i);
                at.check(first == null, "id", "is also the id of orders[" + first + "]");
            }
            if (order.orderNumber() == null || order.orderNumber().isBlank()) {
                at.add("orderNumber", "is required");
            } else if (order.id() != null && order.placedAt() != null) {
                at.check(order.orderNumber().equals(OrderSupport.number(order.id(), order.placedAt(), shop.zone())),
                        "orderNumber", "must be the number handed out for the id and placedAt");
            }
            at.check(order.customerId() != null, "customerId", "is required");
            at.check(order.channel() != null, "channel", "is required");
            checkAttribution(at, order.attribution());
            checkDestination(at, order.destination());
            at.multilineText("customerNote", order.customerNote(), false, 500);
            checkLines(at, order, knownWarehouses, skus);
            checkRules(at, order);
            checkProgress(at, order, now);
            checkMoney(at, order, payments, refunds);
            checkParcels(at, order, knownWarehouses, reservations, shipments);
        }
        v.throwIfAny();

        Map<SkuId, SkuRef> known = catalog.skus(skus);
        for (int i = 0; i < imported.size(); i++) {
            List<HistoricalOrder.Line> lines = imported.get(i).lines();
            for (int l = 0; l < lines.size(); l++) {
                if (!known.containsKey(lines.get(l).skuId())) {
                    v.add("orders[" + i + "].lines[" + l + "].skuId",
                            "SKU " + lines.get(l).skuId() + " does not exist");
                }
            }
        }
        v.throwIfAny();
        Set<OrderId> taken = orders.existing(ids.keySet());
        if (!taken.isEmpty()) {
            throw new ConflictException(taken.size() + " of the orders' ids are used already", ids.entrySet().stream()
                    .filter(e -> taken.contains(e.getKey())).sorted(Map.Entry.comparingByValue())
                    .map(e -> new FieldViolation("orders[" + e.getValue() + "].id", "is used by an order already"))
                    .toList());
        }

        String importer = OrderSupport.actor();
        List<OrderRecord> records = new ArrayList<>(imported.size());
        List<Of<OrderLineRecord>> lines = new ArrayList<>();
        List<Of<List<AppliedRule>>> rules = new ArrayList<>();
        List<Of<AllocationRecord>> allocations = new ArrayList<>();
        List<Of<OrderRepository.PaymentRecord>> paymentRows = new ArrayList<>();
        List<Of<OrderRepository.RefundRecord>> refundRows = new ArrayList<>();
        List<TimelineRepository.Entry> entries = new ArrayList<>();
        for (HistoricalOrder order : imported) {
            OrderId id = order.id();
            Money zero = Money.zero(shop.currency());
            Money items = zero;
            Money discount = zero;
            List<HistoricalOrder.Line> given = order.lines();
            for (int l = 0; l < given.size(); l++) {
                HistoricalOrder.Line line = given.get(l);
                SkuRef sku = known.get(line.skuId());
                Money amount = line.unitPrice().times(line.quantity());
                items = items.plus(amount);
                discount = discount.plus(line.discount());
                lines.add(new Of<>(id, new OrderLineRecord(l + 1, sku.id(), sku.skuCode(), sku.productId(),
                        sku.productTitle(), sku.specText().isEmpty() ? null : sku.specText(), line.quantity(),
                        line.unitPrice(), line.discount(), amount.minus(line.discount()), sku.costPrice(),
                        line.warehouseId(), refundedOf(line), line.returnedQuantity())));
            }
            Money shipping = shippingFee(order);
            Money total = items.minus(discount).plus(shipping);
            Money refunded = refundsOf(order).stream().map(HistoricalOrder.Refund::amount).reduce(zero, Money::plus);
            Money paid = order.payment() == null ? zero : total;
            HistoricalOrder.Cancellation cancellation = order.cancellation();
            Instant updated = latest(order);
            records.add(new OrderRecord(id, order.orderNumber().trim(), order.customerId().value(), order.status(),
                    order.channel(), items, discount, shipping, total, paid, refunded,
                    support.encrypt(trimmed(order.destination())), trimToNull(order.customerNote()),
                    order.attribution() == null ? Attribution.NONE : trimmed(order.attribution()), false, null,
                    micros(order.placedAt()).plus(properties.paymentWindow()), micros(order.placedAt()),
                    micros(order.paidAt()), micros(order.allocatedAt()), micros(order.shippedAt()),
                    micros(order.deliveredAt()), micros(order.completedAt()),
                    cancellation == null ? null : micros(cancellation.at()),
                    cancellation == null ? null : cancellation.reason().trim(), updated, 0));
            rules.add(new Of<>(id, order.rules()));
            for (HistoricalOrder.Parcel parcel : order.parcels()) {
                allocations.add(new Of<>(id, new AllocationRecord(parcel.warehouseId(), parcel.reservationId(),
                        parcel.shipmentId() == null ? null : parcel.shipmentId().value(), allocationStatus(order, parcel),
                        trimToNull(parcel.carrier()), trimToNull(parcel.trackingNumber()),
                        micros(parcel.dispatchedAt()), micros(parcel.deliveredAt()))));
            }
            HistoricalOrder.Payment payment = order.payment();
            if (payment != null) {
                paymentRows.add(new Of<>(id, new OrderRepository.PaymentRecord(payment.paymentId().value(), total,
                        payment.providerCode().trim(), trimToNull(payment.providerTransactionId()),
                        micros(order.paidAt()), "ACCEPTED")));
                for (HistoricalOrder.Refund refund : refundsOf(order)) {
                    refundRows.add(new Of<>(id, new OrderRepository.RefundRecord(refund.refundId().value(),
                            payment.paymentId().value(), refund.amount(), micros(refund.refundedAt()))));
                }
            }
            entries.addAll(timelineOf(order, total, importer));
        }
        orders.insertHistorical(records);
        orders.insertAllLines(lines);
        orders.insertAllPriceRules(rules);
        orders.insertAllAllocations(allocations);
        orders.insertAllPayments(paymentRows);
        orders.insertAllRefunds(refundRows);
        timeline.appendAll(entries);
        audit.record("ORDERS_IMPORTED", "order", null, "%d historical orders with %d lines and %d refunds imported"
                .formatted(records.size(), lines.size(), refundRows.size()), null, null);
        return records.size();
    }

    // --- checks -----------------------------------------------------------------------------------------------

    private static void checkAttribution(Violations v, @Nullable Attribution attribution) {
        if (attribution == null) {
            return;
        }
        Violations at = v.nested("attribution");
        at.text("utmSource", attribution.utmSource(), false, 100);
        at.text("utmMedium", attribution.utmMedium(), false, 100);
        at.text("utmCampaign", attribution.utmCampaign(), false, 100);
        at.text("campaignCode", attribution.campaignCode(), false, 64);
    }

    private static void checkDestination(Violations v, @Nullable Destination destination) {
        if (destination == null) {
            v.add("destination", "is required");
            return;
        }
        Violations at = v.nested("destination");
        at.text("recipient", destination.recipient(), true, 50);
        at.text("phone", destination.phone(), true, 24);
        at.text("province", destination.province(), true, 30);
        at.text("city", destination.city(), true, 30);
        at.text("district", destination.district(), true, 30);
        at.text("detail", destination.detail(), true, 200);
        String postalCode = destination.postalCode();
        at.check(postalCode == null || postalCode.isBlank() || postalCode.trim().matches("[0-9]{6}"), "postalCode",
                "must be 6 digits");
    }

    private void checkLines(Violations v, HistoricalOrder order, Set<WarehouseId> knownWarehouses, Set<SkuId> skus) {
        List<HistoricalOrder.Line> lines = order.lines() == null ? List.of() : order.lines();
        if (lines.isEmpty()) {
            v.add("lines", "must contain at least one line");
            return;
        }
        if (lines.size() > Checkout.MAX_LINES) {
            v.add("lines", "must contain at most " + Checkout.MAX_LINES + " lines");
            return;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int l = 0; l < lines.size(); l++) {
            HistoricalOrder.Line line = lines.get(l);
            Violations at = v.nested("lines[" + l + "]");
            if (line == null) {
                at.add("skuId", "is required");
                continue;
            }
            if (line.skuId() == null) {
                at.add("skuId", "is required");
            } else {
                skus.add(line.skuId());
            }
            if (line.warehouseId() == null) {
                at.add("warehouseId", "is required");
            } else if (!knownWarehouses.contains(line.warehouseId())) {
                at.add("warehouseId", "Warehouse " + line.warehouseId() + " does not exist");
            }
            if (line.skuId() != null && line.warehouseId() != null) {
                Integer first = seen.putIfAbsent(line.skuId() + "@" + line.warehouseId(), l);
                at.check(first == null, "skuId", "is also in lines[" + first + "] from the same warehouse");
            }
            if (line.quantity() < 1 || line.quantity() > Checkout.MAX_QUANTITY) {
                at.add("quantity", "must be between 1 and " + Checkout.MAX_QUANTITY);
            }
            boolean priced = checkAmount(at, "unitPrice", line.unitPrice(), true)
                    & checkAmount(at, "discount", line.discount(), true);
            boolean fits = priced && line.quantity() >= 1
                    && !line.discount().isGreaterThan(line.unitPrice().times(line.quantity()));
            if (priced && line.quantity() >= 1 && !fits) {
                at.add("discount", "must not be more than unitPrice × quantity");
            }
            if (checkAmount(at, "refunded", line.refunded(), false) && fits
                    && refundedOf(line).isGreaterThan(line.unitPrice().times(line.quantity()).minus(line.discount()))) {
                at.add("refunded", "must not be more than the line cost the customer");
            }
            if (line.returnedQuantity() < 0 || line.returnedQuantity() > Math.max(0, line.quantity())) {
                at.add("returnedQuantity", "must be between 0 and the line's quantity");
            }
        }
    }

    private void checkRules(Violations v, HistoricalOrder order) {
        List<AppliedRule> rules = order.rules() == null ? List.of() : order.rules();
        long shipping = rules.stream().filter(r -> r != null && r.kind() == AppliedRule.Kind.SHIPPING).count();
        v.check(shipping == 1, "rules", "must contain exactly one shipping rule (its amount is the shipping fee)");
        Money discounts = Money.zero(shop.currency());
        for (int r = 0; r < rules.size(); r++) {
            AppliedRule rule = rules.get(r);
            Violations at = v.nested("rules[" + r + "]");
            if (rule == null) {
                at.add("kind", "is required");
                continue;
            }
            at.code("code", rule.code());
            at.text("label", rule.label(), true, 200);
            if (checkAmount(at, "amount", rule.amount(), true) && rule.kind() == AppliedRule.Kind.DISCOUNT) {
                discounts = discounts.plus(rule.amount());
            }
        }
        List<HistoricalOrder.Line> lines = order.lines() == null ? List.of() : order.lines();
        boolean linesPriced = lines.stream().allMatch(l -> l != null && l.discount() != null
                && l.discount().currency().equals(shop.currency()));
        if (linesPriced) {
            Money lineDiscounts = lines.stream().map(HistoricalOrder.Line::discount)
                    .reduce(Money.zero(shop.currency()), Money::plus);
            v.check(lineDiscounts.equals(discounts), "rules",
                    "discounts add up to %s, the lines' discounts to %s".formatted(discounts, lineDiscounts));
        }
    }

    /** The status and the times of the steps: each step reached has its time, in order; none is given beyond. */
    private static void checkProgress(Violations v, HistoricalOrder order, Instant now) {
        OrderStatus status = order.status();
        if (status == null) {
            v.add("status", "is required");
            return;
        }
        if (status == OrderStatus.UNDER_REVIEW) {
            v.add("status", "UNDER_REVIEW is not imported: a review is a live decision");
            return;
        }
        HistoricalOrder.Cancellation cancellation = order.cancellation();
        boolean cancelled = status == OrderStatus.CANCELLED;
        boolean paid = status.isPaid() || (cancelled && order.payment() != null);
        Instant placed = order.placedAt();
        time(v, "placedAt", placed, null, true, now);
        time(v, "paidAt", order.paidAt(), placed, paid, now);
        boolean allocated = ALLOCATED_OR_LATER.contains(status) || (cancelled && order.allocatedAt() != null);
        time(v, "allocatedAt", order.allocatedAt(), order.paidAt(), allocated, now);
        time(v, "shippedAt", order.shippedAt(), order.allocatedAt(), SHIPPED_OR_LATER.contains(status), now);
        time(v, "deliveredAt", order.deliveredAt(), order.shippedAt(), DELIVERED_OR_LATER.contains(status), now);
        time(v, "completedAt", order.completedAt(), order.deliveredAt(), status == OrderStatus.COMPLETED, now);
        beyond(v, "paidAt", order.paidAt(), paid, status);
        beyond(v, "allocatedAt", order.allocatedAt(), allocated || (cancelled && paid), status);
        beyond(v, "shippedAt", order.shippedAt(), SHIPPED_OR_LATER.contains(status), status);
        beyond(v, "deliveredAt", order.deliveredAt(), DELIVERED_OR_LATER.contains(status), status);
        beyond(v, "completedAt", order.completedAt(), status == OrderStatus.COMPLETED, status);
        v.check(!paid || order.payment() != null, "payment", "is required once the order is paid");
        v.check(paid || order.payment() == null, "payment", "must not be given for an unpaid " + status + " order");
        if (!cancelled) {
            v.check(cancellation == null, "cancellation", "must not be given for a " + status + " order");
            return;
        }
        if (cancellation == null) {
            v.add("cancellation", "is required for a CANCELLED order");
            return;
        }
        Violations at = v.nested("cancellation");
        Instant last = latest(placed, order.paidAt(), order.allocatedAt());
        time(at, "at", cancellation.at(), last, true, now);
        at.check(cancellation.by() != null, "by", "is required");
        at.text("reason", cancellation.reason(), true, 500);
    }

    private void checkMoney(Violations v, HistoricalOrder order, Set<Long> payments, Set<Long> refunds) {
        HistoricalOrder.Payment payment = order.payment();
        if (payment != null) {
            Violations at = v.nested("payment");
            if (payment.paymentId() == null) {
                at.add("paymentId", "is required");
            } else {
                at.check(payments.add(payment.paymentId().value()), "paymentId", "is also the payment of another order");
            }
            at.text("providerCode", payment.providerCode(), true, 32);
            at.text("providerTransactionId", payment.providerTransactionId(), false, 128);
        }
        List<HistoricalOrder.Refund> given = order.refunds() == null ? List.of() : order.refunds();
        v.check(given.isEmpty() || payment != null, "refunds", "must be empty for an order without a payment");
        Money refunded = Money.zero(shop.currency());
        for (int r = 0; r < given.size(); r++) {
            HistoricalOrder.Refund refund = given.get(r);
            Violations at = v.nested("refunds[" + r + "]");
            if (refund == null) {
                at.add("refundId", "is required");
                continue;
            }
            if (refund.refundId() == null) {
                at.add("refundId", "is required");
            } else {
                at.check(refunds.add(refund.refundId().value()), "refundId", "is also a refund of another order");
            }
            if (checkAmount(at, "amount", refund.amount(), true)) {
                at.check(!refund.amount().isZero(), "amount", "must be more than zero");
                refunded = refunded.plus(refund.amount());
            }
            time(at, "refundedAt", refund.refundedAt(), order.paidAt(), true, support.now());
        }
        List<HistoricalOrder.Line> lines = order.lines() == null ? List.of() : order.lines();
        boolean priced = lines.stream().allMatch(l -> l != null && l.unitPrice() != null && l.discount() != null
                && l.unitPrice().currency().equals(shop.currency()) && l.discount().currency().equals(shop.currency())
                && l.quantity() >= 1 && (l.refunded() == null || l.refunded().currency().equals(shop.currency())));
        List<AppliedRule> rules = order.rules() == null ? List.of() : order.rules();
        boolean shippingKnown = rules.stream().filter(r -> r != null && r.kind() == AppliedRule.Kind.SHIPPING)
                .count() == 1 && shippingFee(order).currency().equals(shop.currency());
        if (!priced || lines.isEmpty() || !shippingKnown) {
            return;
        }
        Money total = lines.stream().map(l -> l.unitPrice().times(l.quantity()).minus(l.discount()))
                .reduce(Money.zero(shop.currency()), Money::plus).plus(shippingFee(order));
        if (payment != null) {
            v.check(!refunded.isGreaterThan(total), "refunds",
                    "add up to %s, more than the %s paid".formatted(refunded, total));
        }
        Money lineRefunds = lines.stream().map(OrderImport::refundedOf).reduce(Money.zero(shop.currency()), Money::plus);
        v.check(!lineRefunds.isGreaterThan(refunded), "lines",
                "refunds of lines add up to %s, the order's refunds to %s".formatted(lineRefunds, refunded));
    }

    private static void checkParcels(Violations v, HistoricalOrder order, Set<WarehouseId> knownWarehouses,
            Set<ReservationId> reservations, Set<Long> shipments) {
        List<HistoricalOrder.Parcel> parcels = order.parcels() == null ? List.of() : order.parcels();
        if (parcels.isEmpty()) {
            v.add("parcels", "must contain a parcel for each warehouse of the lines");
            return;
        }
        OrderStatus status = order.status();
        Set<WarehouseId> ofParcels = new HashSet<>();
        int dispatched = 0;
        for (int p = 0; p < parcels.size(); p++) {
            HistoricalOrder.Parcel parcel = parcels.get(p);
            Violations at = v.nested("parcels[" + p + "]");
            if (parcel == null) {
                at.add("warehouseId", "is required");
                continue;
            }
            if (parcel.warehouseId() == null) {
                at.add("warehouseId", "is required");
            } else if (!knownWarehouses.contains(parcel.warehouseId())) {
                at.add("warehouseId", "Warehouse " + parcel.warehouseId() + " does not exist");
            } else {
                at.check(ofParcels.add(parcel.warehouseId()), "warehouseId", "is the warehouse of another parcel");
            }
            if (parcel.reservationId() == null) {
                at.add("reservationId", "is required");
            } else {
                at.check(reservations.add(parcel.reservationId()), "reservationId",
                        "is also the reservation of another parcel");
            }
            boolean needsShipment = status != null && ALLOCATED_OR_LATER.contains(status);
            if (parcel.shipmentId() == null) {
                at.check(!needsShipment, "shipmentId", "is required once the order is allocated");
            } else {
                at.check(status == null || needsShipment || (status == OrderStatus.CANCELLED
                        && order.allocatedAt() != null), "shipmentId",
                        "must not be given before the order is allocated");
                at.check(shipments.add(parcel.shipmentId().value()), "shipmentId",
                        "is also the shipment of another parcel");
            }
            boolean left = parcel.dispatchedAt() != null;
            dispatched += left ? 1 : 0;
            if (left || parcel.carrier() != null || parcel.trackingNumber() != null) {
                at.text("carrier", parcel.carrier(), true, 64);
                at.text("trackingNumber", parcel.trackingNumber(), true, 64);
                at.check(left, "dispatchedAt", "is required with a carrier and tracking number");
                at.check(parcel.shipmentId() != null, "shipmentId", "is required for a dispatched parcel");
            }
            if (left) {
                time(at, "dispatchedAt", parcel.dispatchedAt(), order.allocatedAt(), true, Instant.MAX);
                at.check(order.shippedAt() == null || !parcel.dispatchedAt().isAfter(order.shippedAt()),
                        "dispatchedAt", "must not be after the order's shippedAt");
                at.check(status != OrderStatus.CANCELLED && status != OrderStatus.ALLOCATED, "dispatchedAt",
                        "must not be given for a " + status + " order");
            }
            if (parcel.deliveredAt() != null) {
                at.check(left, "deliveredAt", "must not be given for a parcel that was not dispatched");
                time(at, "deliveredAt", parcel.deliveredAt(), parcel.dispatchedAt(), true, Instant.MAX);
                at.check(order.deliveredAt() == null || !parcel.deliveredAt().isAfter(order.deliveredAt()),
                        "deliveredAt", "must not be after the order's deliveredAt");
            } else {
                at.check(status == null || !DELIVERED_OR_LATER.contains(status), "deliveredAt",
                        "is required once the order is delivered");
            }
            if (!left) {
                at.check(status == null || !SHIPPED_OR_LATER.contains(status), "dispatchedAt",
                        "is required once the order is shipped");
            }
        }
        if (status == OrderStatus.PARTIALLY_SHIPPED) {
            v.check(dispatched > 0 && dispatched < parcels.size(), "parcels",
                    "some but not all must be dispatched for a PARTIALLY_SHIPPED order");
        }
        List<HistoricalOrder.Line> lines = order.lines() == null ? List.of() : order.lines();
        Set<WarehouseId> ofLines = lines.stream().filter(l -> l != null && l.warehouseId() != null)
                .map(HistoricalOrder.Line::warehouseId).collect(Collectors.toSet());
        v.check(ofLines.equals(ofParcels) || ofLines.isEmpty(), "parcels",
                "must be one per warehouse the lines come from");
    }

    /** A time: there when required, not before the step before (when known), not after now. */
    private static void time(Violations v, String field, @Nullable Instant time, @Nullable Instant after,
            boolean required, Instant now) {
        if (time == null) {
            v.check(!required, field, "is required");
        } else if (time.isAfter(now)) {
            v.add(field, "must not be in the future");
        } else if (after != null && time.isBefore(after)) {
            v.add(field, "must not be before the step before it");
        }
    }

    private static void beyond(Violations v, String field, @Nullable Instant time, boolean reached,
            OrderStatus status) {
        v.check(time == null || reached, field, "must not be given for a " + status + " order");
    }

    /** An amount in the shop's currency, not negative, to the fen; false when it is not one. */
    private boolean checkAmount(Violations v, String field, @Nullable Money amount, boolean required) {
        if (amount == null) {
            v.check(!required, field, "is required");
            return !required;
        }
        if (!amount.currency().equals(shop.currency())) {
            v.add(field, "must be in " + shop.currency().getCurrencyCode());
            return false;
        }
        int before = v.list().size();
        v.amount(field, amount.amount(), shop.currency());
        return v.list().size() == before;
    }

    // --- what is written --------------------------------------------------------------------------------------

    private Money shippingFee(HistoricalOrder order) {
        return order.rules().stream().filter(r -> r != null && r.kind() == AppliedRule.Kind.SHIPPING)
                .map(AppliedRule::amount).findFirst().orElse(Money.zero(shop.currency()));
    }

    private static Money refundedOf(HistoricalOrder.Line line) {
        return line.refunded() == null ? Money.zero(line.unitPrice().currency()) : line.refunded();
    }

    private static List<HistoricalOrder.Refund> refundsOf(HistoricalOrder order) {
        return order.refunds() == null ? List.of() : order.refunds();
    }

    /** Where a parcel's stock and shipment stand, as the live listeners would have left the allocation. */
    private static AllocationRecord.Status allocationStatus(HistoricalOrder order, HistoricalOrder.Parcel parcel) {
        if (order.status() == OrderStatus.CANCELLED) {
            return AllocationRecord.Status.RELEASED;
        }
        if (parcel.deliveredAt() != null) {
            return AllocationRecord.Status.DELIVERED;
        }
        if (parcel.dispatchedAt() != null) {
            return AllocationRecord.Status.DISPATCHED;
        }
        return parcel.shipmentId() != null ? AllocationRecord.Status.SHIPMENT_CREATED
                : AllocationRecord.Status.RESERVED;
    }

    /**
     * The timeline the order would have collected live: placed by the customer, paid, allocated, each parcel
     * dispatched and delivered, shipped, delivered and completed by the system, cancelled (and its stock released)
     * by whoever cancelled, and each refund.
     */
    private List<TimelineRepository.Entry> timelineOf(HistoricalOrder order, Money total, String importer) {
        OrderId id = order.id();
        String customer = "customer:" + order.customerId().value();
        String system = "system";
        List<TimelineRepository.Entry> entries = new ArrayList<>();
        OrderStatus at = OrderStatus.PENDING_PAYMENT;
        entries.add(new TimelineRepository.Entry(id, micros(order.placedAt()), TimelineEntry.Kind.PLACED, null, at,
                customer, null));
        HistoricalOrder.Payment payment = order.payment();
        if (order.paidAt() != null && payment != null) {
            entries.add(new TimelineRepository.Entry(id, micros(order.paidAt()), TimelineEntry.Kind.PAID, at,
                    OrderStatus.PAID, system, "payment %s of %s via %s".formatted(payment.paymentId(), total,
                            payment.providerCode().trim())));
            at = OrderStatus.PAID;
        }
        if (order.allocatedAt() != null) {
            entries.add(new TimelineRepository.Entry(id, micros(order.allocatedAt()), TimelineEntry.Kind.ALLOCATED, at,
                    OrderStatus.ALLOCATED, system, null));
            at = OrderStatus.ALLOCATED;
        }
        List<HistoricalOrder.Parcel> left = order.parcels().stream().filter(p -> p.dispatchedAt() != null)
                .sorted(Comparator.comparing(HistoricalOrder.Parcel::dispatchedAt)).toList();
        for (int p = 0; p < left.size(); p++) {
            HistoricalOrder.Parcel parcel = left.get(p);
            Instant time = micros(parcel.dispatchedAt());
            entries.add(new TimelineRepository.Entry(id, time, TimelineEntry.Kind.PARCEL_DISPATCHED, null, null, system,
                    "%s %s".formatted(parcel.carrier().trim(), parcel.trackingNumber().trim())));
            boolean all = p == order.parcels().size() - 1;
            if (!all && at == OrderStatus.ALLOCATED) {
                entries.add(new TimelineRepository.Entry(id, time, TimelineEntry.Kind.PARTIALLY_SHIPPED, at,
                        OrderStatus.PARTIALLY_SHIPPED, system, null));
                at = OrderStatus.PARTIALLY_SHIPPED;
            }
        }
        if (order.shippedAt() != null) {
            entries.add(new TimelineRepository.Entry(id, micros(order.shippedAt()), TimelineEntry.Kind.SHIPPED, at,
                    OrderStatus.SHIPPED, system, null));
            at = OrderStatus.SHIPPED;
        }
        order.parcels().stream().filter(p -> p.deliveredAt() != null)
                .sorted(Comparator.comparing(HistoricalOrder.Parcel::deliveredAt))
                .forEach(parcel -> entries.add(new TimelineRepository.Entry(id, micros(parcel.deliveredAt()),
                        TimelineEntry.Kind.PARCEL_DELIVERED, null, null, system, "shipment " + parcel.shipmentId())));
        if (order.deliveredAt() != null) {
            entries.add(new TimelineRepository.Entry(id, micros(order.deliveredAt()), TimelineEntry.Kind.DELIVERED, at,
                    OrderStatus.DELIVERED, system, null));
            at = OrderStatus.DELIVERED;
        }
        if (order.completedAt() != null) {
            entries.add(new TimelineRepository.Entry(id, micros(order.completedAt()), TimelineEntry.Kind.COMPLETED, at,
                    OrderStatus.COMPLETED, system, null));
        }
        HistoricalOrder.Cancellation cancellation = order.cancellation();
        if (cancellation != null) {
            String by = switch (cancellation.by()) {
                case CUSTOMER -> customer;
                case PAYMENT_WINDOW -> system;
                case STAFF -> importer;
            };
            Instant time = micros(cancellation.at());
            entries.add(new TimelineRepository.Entry(id, time, TimelineEntry.Kind.CANCELLED, at,
                    OrderStatus.CANCELLED, by, cancellation.reason().trim()));
            entries.add(new TimelineRepository.Entry(id, time, TimelineEntry.Kind.STOCK_RELEASED, null, null, by,
                    order.parcels().size() + " reservation(s) released"));
        }
        if (payment != null) {
            for (HistoricalOrder.Refund refund : refundsOf(order)) {
                entries.add(new TimelineRepository.Entry(id, micros(refund.refundedAt()), TimelineEntry.Kind.REFUNDED,
                        null, null, system, "refund %s of %s for payment %s".formatted(refund.refundId(),
                                refund.amount(), payment.paymentId())));
            }
        }
        entries.sort(Comparator.comparing(TimelineRepository.Entry::at));
        return entries;
    }

    /** When the order last changed: its latest time. */
    private static Instant latest(HistoricalOrder order) {
        List<Instant> times = new ArrayList<>(List.of(order.placedAt()));
        for (Instant time : new Instant[] { order.paidAt(), order.allocatedAt(), order.shippedAt(), order.deliveredAt(),
                order.completedAt(), order.cancellation() == null ? null : order.cancellation().at() }) {
            if (time != null) {
                times.add(time);
            }
        }
        refundsOf(order).forEach(r -> times.add(r.refundedAt()));
        order.parcels().forEach(p -> {
            if (p.deliveredAt() != null) {
                times.add(p.deliveredAt());
            }
        });
        return micros(times.stream().max(Comparator.naturalOrder()).orElseThrow());
    }

    private static @Nullable Instant latest(@Nullable Instant... times) {
        Instant latest = null;
        for (Instant time : times) {
            if (time != null && (latest == null || time.isAfter(latest))) {
                latest = time;
            }
        }
        return latest;
    }

    private static Destination trimmed(Destination d) {
        return new Destination(d.recipient().trim(), d.phone().trim(), d.province().trim(), d.city().trim(),
                d.district().trim(), d.detail().trim(), trimToNull(d.postalCode()));
    }

    private static Attribution trimmed(Attribution a) {
        return new Attribution(trimToNull(a.utmSource()), trimToNull(a.utmMedium()), trimToNull(a.utmCampaign()),
                trimToNull(a.campaignCode()));
    }

    private static @Nullable Instant micros(@Nullable Instant time) {
        return time == null ? null : time.truncatedTo(ChronoUnit.MICROS);
    }

    private static @Nullable String trimToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
