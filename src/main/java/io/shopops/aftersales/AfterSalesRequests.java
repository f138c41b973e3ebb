package io.shopops.aftersales;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.shopops.aftersales.internal.AfterSalesFilter;
import io.shopops.aftersales.internal.AfterSalesLineRecord;
import io.shopops.aftersales.internal.AfterSalesPolicy;
import io.shopops.aftersales.internal.AfterSalesProperties;
import io.shopops.aftersales.internal.AfterSalesRecord;
import io.shopops.aftersales.internal.AfterSalesRepository;
import io.shopops.customer.CustomerId;
import io.shopops.ordering.OrderId;
import io.shopops.ordering.OrderReturns;
import io.shopops.ordering.ReturnableOrder;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.Money;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.ShopProperties;
import io.shopops.shared.Violations;
import io.shopops.shared.idempotency.IdempotencyStore;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * After-sales (售後) as the customer uses it: ask for a return or a refund on lines of a paid order, see the
 * requests, ship a return back, withdraw a request. A request claims its money and units from the order lines
 * in its own transaction (never more than a line paid, whatever other requests do at the same moment).
 */
@Service
public class AfterSalesRequests {

    public static final int MAX_LINES = 50;
    public static final int MAX_DESCRIPTION = 1000;
    private static final int MAX_URL = 1000;
    private static final Pattern TRACKING = Pattern.compile("[A-Za-z0-9-]{4,64}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final AfterSalesRepository requests;
    private final OrderReturns orders;
    private final AfterSalesPolicy policy;
    private final AfterSalesProperties properties;
    private final IdempotencyStore idempotency;
    private final ShopProperties shop;
    private final AfterSalesSupport support;

    AfterSalesRequests(AfterSalesRepository requests, OrderReturns orders, AfterSalesPolicy policy,
            AfterSalesProperties properties, IdempotencyStore idempotency, ShopProperties shop,
            AfterSalesSupport support) {
        this.requests = requests;
        this.orders = orders;
        this.policy = policy;
        this.properties = properties;
        this.idempotency = idempotency;
        this.shop = shop;
        this.support = support;
    }

    /** What an idempotency key guards: the same order and the same request. */
    private record Keyed(OrderId orderId, NewAfterSalesRequest request) {
    }

    /**
     * Opens a request on the customer's order. Refused with 400 naming the field for bad input, 404 for an order
     * that is not theirs, 422 for what the policy refuses ({@code cancel-instead}, {@code no-reason-period-over},
     * {@code after-sales-period-over}, …) and for more than a line has left ({@code refund-exceeds-paid},
     * {@code return-exceeds-bought}). With an Idempotency-Key a retry gets the same request back.
     */
    @Transactional
    public AfterSalesView request(CustomerId customer, OrderId orderId, @Nullable String idempotencyKey,
            NewAfterSalesRequest request) {
        if (idempotencyKey == null) {
            return open(customer, orderId, request);
        }
        return idempotency.execute("aftersales:customer:" + customer.value(), idempotencyKey,
                new Keyed(orderId, request), AfterSalesView.class, () -> open(customer, orderId, request)).value();
    }

    private AfterSalesView open(CustomerId customer, OrderId orderId, NewAfterSalesRequest request) {
        check(request);
        AfterSalesKind kind = request.kind();
        ReturnableOrder order = orders.returnable(customer, orderId);
        List<NewAfterSalesRequest.Line> asked = request.lines();
        List<ReturnableOrder.Line> concerned = new ArrayList<>();
        Violations v = new Violations();
        for (int i = 0; i < asked.size(); i++) {
            Optional<ReturnableOrder.Line> line = order.line(asked.get(i).lineNo());
            if (line.isPresent()) {
                concerned.add(line.get());
            } else {
                v.add("lines[%d].lineNo".formatted(i), "is not a line of the order");
            }
        }
        v.throwIfAny();
        Instant now = support.now();
        policy.check(kind, request.reason(), order, concerned, now);

        List<AfterSalesLineRecord> lines = new ArrayList<>();
        Money total = Money.zero(order.paidAmount().currency());
        for (int i = 0; i < asked.size(); i++) {
            NewAfterSalesRequest.Line ask = asked.get(i);
            ReturnableOrder.Line line = concerned.get(i);
            int quantity = ask.quantity() == null ? 0 : ask.quantity();
            if (kind == AfterSalesKind.RETURN_AND_REFUND && quantity > line.returnable()) {
                throw new BusinessRuleException("return-exceeds-bought", "lines[%d].quantity".formatted(i),
                        "at most %d units of line %d are left to return".formatted(line.returnable(), line.lineNo()));
            }
            if (quantity > line.quantity()) {
                throw new BusinessRuleException("return-exceeds-bought", "lines[%d].quantity".formatted(i),
                        "line %d has %d units".formatted(line.lineNo(), line.quantity()));
            }
            Money amount = ask.amount() != null ? Money.of(ask.amount(), total.currency()) : due(line, quantity);
            if (amount.isGreaterThan(line.refundable()) || amount.isZero()) {
                throw new BusinessRuleException("refund-exceeds-paid", "lines[%d].amount".formatted(i),
                        "line %d has %s left to refund".formatted(line.lineNo(), line.refundable()));
            }
            lines.add(new AfterSalesLineRecord(line.lineNo(), line.skuId(), line.skuCode(), line.title(),
                    line.warehouseId(), quantity, amount, 0, 0));
            total = total.plus(amount);
        }

        AfterSalesId id = requests.nextId();
        String number = "AS" + LocalDate.ofInstant(now, shop.zone()).format(DAY) + "%08d".formatted(id.value());
        AfterSalesRecord record = new AfterSalesRecord(id, number, order.id(), order.orderNumber(), customer, kind,
                request.reason(), blankToNull(request.description()), AfterSalesStatus.REQUESTED, total, null, null,
                null, null, null, null, null, null, RefundProgress.NONE, 0, null, now, null, null, null, null, null,
                null, now, 0);
        requests.insert(record);
        requests.insertLines(id, lines);
        requests.insertEvidence(id, request.evidenceUrls() == null ? List.of()
                : request.evidenceUrls().stream().map(String::trim).toList());
        orders.claim(order.id(), AfterSalesSupport.claims(record, lines));
        requests.step(id, now, AfterSalesStatus.REQUESTED.name(), null, AfterSalesStatus.REQUESTED,
                AfterSalesSupport.actor(), "%s, %s: %s".formatted(kind, request.reason(), total), null);
        orders.note(order.id(), now, AfterSalesSupport.actor(), "%s %s (%s) for %s".formatted(number, kind,
                request.reason(), total), "aftersales:" + id + ":REQUESTED");
        support.publish(new AfterSalesRequested(id, number, order.id(), customer, kind, request.reason(), total,
                lines.stream().mapToInt(AfterSalesLineRecord::quantity).sum(), now));
        return support.view(support.request(id));
    }

    /**
     * What {@code quantity} units of the line paid: their share of the line's payable amount, to the cent; the
     * units that take the last of the line take what is left, so the shares add up to the line exactly.
     */
    private static Money due(ReturnableOrder.Line line, int quantity) {
        if (quantity == 0) {
            return Money.zero(line.payable().currency());
        }
        if (line.claimedQuantity() + quantity >= line.quantity()) {
            return line.refundable();
        }
        BigDecimal share = line.payable().amount().multiply(BigDecimal.valueOf(quantity))
                .divide(BigDecimal.valueOf(line.quantity()), 2, RoundingMode.HALF_UP);
        Money amount = Money.of(share, line.payable().currency());
        return amount.isGreaterThan(line.refundable()) ? line.refundable() : amount;
    }

    private void check(NewAfterSalesRequest request) {
        Violations v = new Violations();
        v.check(request.kind() != null, "kind", "is required: RETURN_AND_REFUND or REFUND_ONLY");
        v.check(request.reason() != null, "reason", "is required");
        v.multilineText("description", request.description(), false, MAX_DESCRIPTION);
        List<String> urls = request.evidenceUrls() == null ? List.of() : request.evidenceUrls();
        v.check(urls.size() <= properties.maxEvidence(), "evidenceUrls",
                "must be at most " + properties.maxEvidence() + " URLs");
        for (int i = 0; i < urls.size() && i < properties.maxEvidence(); i++) {
            String url = urls.get(i);
            v.url("evidenceUrls[%d]".formatted(i), url, true);
            v.check(url == null || url.trim().length() <= MAX_URL, "evidenceUrls[%d]".formatted(i),
                    "must be at most " + MAX_URL + " characters");
        }
        List<NewAfterSalesRequest.Line> lines = request.lines();
        if (lines == null || lines.isEmpty()) {
            v.add("lines", "must name at least one order line");
        } else if (lines.size() > MAX_LINES) {
            v.add("lines", "must be at most " + MAX_LINES + " lines");
        } else {
            Set<Integer> seen = new HashSet<>();
            for (int i = 0; i < lines.size(); i++) {
                NewAfterSalesRequest.Line line = lines.get(i);
                String at = "lines[%d]".formatted(i);
                if (line == null) {
                    v.add(at, "is required");
                    continue;
                }
                v.check(line.lineNo() != null, at + ".lineNo", "is required");
                v.check(line.lineNo() == null || seen.add(line.lineNo()), at + ".lineNo", "appears twice");
                Integer quantity = line.quantity();
                v.check(quantity == null || (quantity >= 0 && quantity <= 100_000), at + ".quantity",
                        "must be between 0 and 100000");
                if (request.kind() == AfterSalesKind.RETURN_AND_REFUND) {
                    v.check(quantity != null && quantity > 0, at + ".quantity",
                            "must be at least 1 unit to send back");
                } else {
                    v.check((quantity != null && quantity > 0) || line.amount() != null, at + ".amount",
                            "is required when no units are named");
                }
                if (line.amount() != null) {
                    v.amount(at + ".amount", line.amount(), shop.currency());
                    v.check(line.amount().signum() > 0, at + ".amount", "must be more than 0");
                }
            }
        }
        v.throwIfAny();
    }

    /** The customer's requests, newest first. */
    @Transactional(readOnly = true)
    public Page<AfterSalesSummary> mine(CustomerId customer, PageQuery page) {
        Page<AfterSalesRecord> found = requests.find(new AfterSalesFilter(null, null, null, null, customer.value(),
                null, null), page);
        Map<AfterSalesId, Integer> units = requests.units(found.items().stream().map(AfterSalesRecord::id).toList());
        return found.map(r -> AfterSalesSupport.summary(r, units.getOrDefault(r.id(), 0)));
    }

    @Transactional(readOnly = true)
    public AfterSalesView request(CustomerId customer, AfterSalesId id) {
        return support.view(support.requestOf(customer, id));
    }

    /** The customer shipped an approved return back: its carrier and tracking number (APPROVED → RETURN_SHIPPED). */
    @Transactional
    public AfterSalesView shipBack(CustomerId customer, AfterSalesId id, ReturnShipment shipment) {
        Violations v = new Violations();
        v.text("carrier", shipment.carrier(), true, 64);
        v.check(shipment.trackingNumber() != null && TRACKING.matcher(shipment.trackingNumber().trim()).matches(),
                "trackingNumber", "must be 4 to 64 letters, digits or '-'");
        v.throwIfAny();
        AfterSalesRecord request = support.requestOf(customer, id);
        Instant now = support.now();
        if (!requests.shippedBack(id, shipment.carrier().trim(), shipment.trackingNumber().trim(), now)) {
            throw AfterSalesSupport.illegal(request, AfterSalesStatus.RETURN_SHIPPED);
        }
        support.step(request, request.status(), AfterSalesStatus.RETURN_SHIPPED,
                shipment.carrier().trim() + " " + shipment.trackingNumber().trim(), now);
        return support.view(support.request(id));
    }

    /** Withdraws a request before the parcel is on its way back; its claims go back to the order lines. */
    @Transactional
    public AfterSalesView withdraw(CustomerId customer, AfterSalesId id) {
        AfterSalesRecord request = support.requestOf(customer, id);
        Instant now = support.now();
        Set<AfterSalesStatus> from = request.kind() == AfterSalesKind.RETURN_AND_REFUND
                ? EnumSet.of(AfterSalesStatus.REQUESTED, AfterSalesStatus.APPROVED)
                : EnumSet.of(AfterSalesStatus.REQUESTED);
        if (!requests.cancel(id, from, now)) {
            throw AfterSalesSupport.illegal(support.request(id), AfterSalesStatus.CANCELLED);
        }
        support.releaseClaims(request);
        support.step(request, request.status(), AfterSalesStatus.CANCELLED, "withdrawn by the customer", now);
        support.publish(new AfterSalesDecided(id, request.requestNo(), request.orderId(), AfterSalesStatus.CANCELLED,
                "withdrawn by the customer", now));
        return support.view(support.request(id));
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
