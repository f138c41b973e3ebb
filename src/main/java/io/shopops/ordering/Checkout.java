package io.shopops.ordering;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.shopops.catalog.Catalog;
import io.shopops.catalog.SkuId;
import io.shopops.catalog.SkuRef;
import io.shopops.customer.CustomerId;
import io.shopops.customer.Customers;
import io.shopops.customer.ShippingAddress;
import io.shopops.inventory.Inventory;
import io.shopops.inventory.NewReservation;
import io.shopops.inventory.ReservationLine;
import io.shopops.inventory.ReservationView;
import io.shopops.inventory.Reservations;
import io.shopops.inventory.WarehouseId;
import io.shopops.inventory.WarehouseView;
import io.shopops.inventory.Warehouses;
import io.shopops.ordering.internal.Allocation;
import io.shopops.ordering.internal.AllocationStrategy;
import io.shopops.ordering.internal.CartRepository;
import io.shopops.ordering.internal.OrderLineRecord;
import io.shopops.ordering.internal.OrderRecord;
import io.shopops.ordering.internal.OrderRepository;
import io.shopops.ordering.internal.OrderingProperties;
import io.shopops.ordering.internal.Proration;
import io.shopops.ordering.internal.Regions;
import io.shopops.ordering.internal.TimelineRepository;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.FieldViolation;
import io.shopops.shared.Money;
import io.shopops.shared.NotFoundException;
import io.shopops.shared.ShopProperties;
import io.shopops.shared.Violations;
import io.shopops.shared.idempotency.IdempotencyStore;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checkout (下單): turns a customer's lines into an order in one transaction, at most once per idempotency key.
 * Every line is checked, the order is priced by the {@link PriceCalculator}, its warehouses are chosen by the
 * configured allocation strategy, and the stock is reserved last, one reservation per warehouse: a refused
 * reservation undoes everything, the idempotency key included, so the customer may simply try again.
 */
@Service
public class Checkout {

    public static final int MAX_LINES = 50;
    public static final int MAX_QUANTITY = 999;
    public static final int MAX_COUPONS = 5;
    public static final long MAX_POINTS = 1_000_000_000L;

    private static final Pattern LINE_FIELD = Pattern.compile("lines\\[(\\d+)]");

    private final IdempotencyStore idempotency;
    private final Catalog catalog;
    private final Customers customers;
    private final Inventory inventory;
    private final Warehouses warehouses;
    private final Reservations reservations;
    private final PriceCalculator prices;
    private final AllocationStrategy allocation;
    private final OrderRepository orders;
    private final CartRepository carts;
    private final TimelineRepository timeline;
    private final OrderingProperties properties;
    private final ShopProperties shop;
    private final OrderSupport support;

    Checkout(IdempotencyStore idempotency, Catalog catalog, Customers customers, Inventory inventory,
            Warehouses warehouses, Reservations reservations, PriceCalculator prices, AllocationStrategy allocation,
            OrderRepository orders, CartRepository carts, TimelineRepository timeline, OrderingProperties properties,
            ShopProperties shop, OrderSupport support) {
        this.idempotency = idempotency;
        this.catalog = catalog;
        this.customers = customers;
        this.inventory = inventory;
        this.warehouses = warehouses;
        this.reservations = reservations;
        this.prices = prices;
        this.allocation = allocation;
        this.orders = orders;
        this.carts = carts;
        this.timeline = timeline;
        this.properties = properties;
        this.shop = shop;
        this.support = support;
    }

    /**
     * Places the order, or answers the order placed before with the same key and the same request (the same key
     * with a different request: 422 {@code idempotency-key-reused}). Refused with 400 naming the field for a
     * missing key, bad lines ({@code lines[i].skuId}, {@code lines[i].quantity}) or an address that is not the
     * customer's ({@code addressId}); with 422 {@code not-sellable} for a SKU off the shelf and
     * {@code insufficient-stock} for a line no warehouse can serve, naming the line. Nothing is written then.
     */
    @Transactional
    public OrderView place(CustomerId customer, @Nullable String idempotencyKey, NewOrder order) {
        return idempotency.execute("customer:" + customer.value(), idempotencyKey, order, OrderView.class,
                () -> placeNow(customer, order)).value();
    }

    /**
     * What the order would cost now, priced exactly as checkout would price it (the same chain, the chosen coupons),
     * with every applied rule and the ones that gave nothing and why; nothing is written and no address is needed.
     * The same 400s and 422s as {@link #place} for the lines and codes.
     */
    @Transactional(readOnly = true)
    public PricedOrder preview(CustomerId customer, NewOrder order) {
        List<NewOrder.Line> requested = check(order, false);
        List<SkuRef> skus = skus(requested);
        List<PricingRequest.Item> items = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            items.add(new PricingRequest.Item(skus.get(i), (int) requested.get(i).quantity()));
        }
        List<String> coupons = order.couponCodes() == null ? List.of()
                : order.couponCodes().stream().map(String::trim).toList();
        String campaign = order.attribution() == null ? null : trimToNull(order.attribution().campaignCode());
        return prices.price(new PricingRequest(order.channel() == null ? SalesChannel.WEB : order.channel(), customer,
                campaign, items, coupons, true, points(order)));
    }

    private static long points(NewOrder order) {
        return order.pointsToUse() == null ? 0 : order.pointsToUse();
    }

    private OrderView placeNow(CustomerId customer, NewOrder order) {
        List<NewOrder.Line> requested = check(order, true);
        List<SkuRef> skus = skus(requested);
        ShippingAddress address = customers.findAddress(customer, order.addressId())
                .orElseThrow(() -> NotFoundException.reference("addressId", "Address", order.addressId()));
        Attribution attribution = order.attribution() == null ? Attribution.NONE : trimmed(order.attribution());
        SalesChannel channel = order.channel() == null ? SalesChannel.WEB : order.channel();
        List<PricingRequest.Item> items = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            items.add(new PricingRequest.Item(skus.get(i), (int) requested.get(i).quantity()));
        }
        List<String> coupons = order.couponCodes() == null ? List.of()
                : order.couponCodes().stream().map(String::trim).toList();
        PricingRequest request = new PricingRequest(channel, customer, attribution.campaignCode(), items, coupons,
                true, points(order));
        PricedOrder priced = prices.price(request);
        requireCoupons(coupons, priced);
        if (order.expectedTotal() != null && order.expectedTotal().compareTo(priced.total().amount()) != 0) {
            throw new BusinessRuleException("price-changed", "expectedTotal",
                    "the order now costs %s, not %s: review the cart and confirm again"
                            .formatted(priced.total().amount().toPlainString(), order.expectedTotal().toPlainString()));
        }
        Destination destination = new Destination(address.recipient(), address.phone(), address.province(),
                address.city(), address.district(), address.detail(), address.postalCode());
        Map<WarehouseId, WarehouseView> active = activeWarehouses();
        List<Allocation.Group> groups = allocate(items, active, destination);

        Instant now = support.now();
        OrderId id = orders.nextId();
        String number = OrderSupport.number(id, now, shop.zone());
        List<OrderLineRecord> lines = lines(priced, skus, groups);
        OrderRecord record = new OrderRecord(id, number, customer.value(), OrderStatus.PENDING_PAYMENT, channel,
                priced.itemsAmount(), priced.discountAmount(), priced.shippingFee(), priced.total(),
                Money.zero(priced.total().currency()), Money.zero(priced.total().currency()),
                support.encrypt(destination), trimToNull(order.customerNote()), attribution, false, null,
                now.plus(properties.paymentWindow()), now, null, null, null, null, null, null, null, now, 0);
        orders.insert(record);
        orders.insertLines(id, lines);
        orders.insertPriceRules(id, priced.rules());
        prices.redeem(new DiscountRule.Redemption(id, number, customer, request,
                priced.rules().stream().filter(r -> r.kind() == AppliedRule.Kind.DISCOUNT).toList(), now));
        String actor = OrderSupport.actor();
        timeline.append(id, now, TimelineEntry.Kind.PLACED, null, OrderStatus.PENDING_PAYMENT, actor, null);
        carts.removeAll(customer.value(), skus.stream().map(SkuRef::id).toList());
        List<OrderPlaced.Line> placedLines = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            placedLines.add(new OrderPlaced.Line(skus.get(i).id(), items.get(i).quantity()));
        }
        support.publish(new OrderPlaced(id, number, customer, channel, priced.total(), placedLines,
                attribution.campaignCode(), now));

        // the stock last: its row locks are held from here to the commit
        List<OrderView.Parcel> parcels = new ArrayList<>();
        for (Allocation.Group group : groups) {
            ReservationView reserved = reserve(number, active.get(group.warehouseId()), group, skus);
            orders.insertAllocation(id, group.warehouseId(), reserved.id());
            parcels.add(new OrderView.Parcel(parcels.size() + 1, "RESERVED", null, null, null, null));
        }
        return new OrderView(id, number, OrderStatus.PENDING_PAYMENT, channel, priced.itemsAmount(),
                priced.discountAmount(), priced.shippingFee(), priced.total(), record.paidAmount(),
                record.refundedAmount(),
                lines.stream().map(l -> new OrderView.Line(l.lineNo(), l.skuId(), l.skuCode(), l.title(), l.spec(),
                        l.quantity(), l.unitPrice(), l.discount(), l.payable())).toList(),
                priced.rules(), destination, record.customerNote(), now, record.paymentDeadline(), null, null, null,
                null, null, null, parcels,
                List.of(new TimelineEntry(now, TimelineEntry.Kind.PLACED, null, OrderStatus.PENDING_PAYMENT,
                        OrderSupport.customerFacing(actor), null)));
    }

    private static List<NewOrder.Line> check(NewOrder order, boolean placing) {
        Violations v = new Violations();
        List<NewOrder.Line> lines = order.lines() == null ? List.of() : order.lines();
        if (lines.isEmpty()) {
            v.add("lines", "must contain at least one line");
        } else if (lines.size() > MAX_LINES) {
            v.add("lines", "must contain at most " + MAX_LINES + " lines");
        } else {
            Map<SkuId, Integer> seen = new HashMap<>();
            for (int i = 0; i < lines.size(); i++) {
                NewOrder.Line line = lines.get(i);
                Violations at = v.nested("lines[" + i + "]");
                if (line == null) {
                    at.add("skuId", "is required");
                    continue;
                }
                if (line.skuId() == null) {
                    at.add("skuId", "is required");
                } else {
                    Integer first = seen.putIfAbsent(line.skuId(), i);
                    at.check(first == null, "skuId", "is already in lines[" + first + "]");
                }
                if (line.quantity() < 1) {
                    at.add("quantity", "must be at least 1");
                } else if (line.quantity() > MAX_QUANTITY) {
                    at.add("quantity", "must be at most " + MAX_QUANTITY);
                }
            }
        }
        v.check(!placing || order.addressId() != null, "addressId", "is required");
        v.check(order.channel() == null || order.channel().isOwn(), "channel",
                "must be one of the shop's own channels: WEB, APP, MINI_PROGRAM");
        v.multilineText("customerNote", order.customerNote(), false, 500);
        if (order.attribution() != null) {
            Violations at = v.nested("attribution");
            at.text("utmSource", order.attribution().utmSource(), false, 100);
            at.text("utmMedium", order.attribution().utmMedium(), false, 100);
            at.text("utmCampaign", order.attribution().utmCampaign(), false, 100);
            at.text("campaignCode", order.attribution().campaignCode(), false, 64);
        }
        if (order.couponCodes() != null) {
            List<String> codes = order.couponCodes();
            if (codes.size() > MAX_COUPONS) {
                v.add("couponCodes", "must contain at most " + MAX_COUPONS + " codes");
            } else {
                for (int i = 0; i < codes.size(); i++) {
                    String code = codes.get(i);
                    v.code("couponCodes[" + i + "]", code == null ? null : code.trim());
                    if (code != null && codes.subList(0, i).stream().anyMatch(c -> c != null && c.trim().equals(code.trim()))) {
                        v.add("couponCodes[" + i + "]", "is already in the list");
                    }
                }
            }
        }
        v.check(order.pointsToUse() == null || (order.pointsToUse() >= 0 && order.pointsToUse() <= MAX_POINTS),
                "pointsToUse", "must be between 0 and " + MAX_POINTS);
        v.check(order.expectedTotal() == null || (order.expectedTotal().signum() >= 0
                && order.expectedTotal().scale() <= 2 && order.expectedTotal().compareTo(Violations.MAX_AMOUNT) <= 0),
                "expectedTotal", "must be an amount from 0 with at most 2 decimals");
        v.throwIfAny();
        return lines;
    }

    /** Every coupon the customer chose must have been applied; otherwise say which one and why not. */
    private static void requireCoupons(List<String> coupons, PricedOrder priced) {
        for (int i = 0; i < coupons.size(); i++) {
            String code = coupons.get(i);
            if (priced.rules().stream().noneMatch(r -> r.kind() == AppliedRule.Kind.DISCOUNT && code.equals(r.code()))) {
                String reason = priced.notApplied().stream().filter(s -> code.equals(s.code()))
                        .map(DiscountRule.Skipped::reason).findFirst().orElse("no such coupon can be used");
                throw new BusinessRuleException("coupon-not-applicable", "couponCodes[" + i + "]",
                        "coupon " + code + " cannot be used for this order: " + reason);
            }
        }
    }

    /** The lines' SKUs as the catalog knows them: 400 for unknown ones, 422 for ones not on sale, each named. */
    private List<SkuRef> skus(List<NewOrder.Line> lines) {
        Map<SkuId, SkuRef> known = catalog.skus(lines.stream().map(NewOrder.Line::skuId).toList());
        Violations unknown = new Violations();
        List<FieldViolation> notSellable = new ArrayList<>();
        List<SkuRef> skus = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            SkuRef sku = known.get(lines.get(i).skuId());
            if (sku == null) {
                unknown.add("lines[" + i + "].skuId", "SKU " + lines.get(i).skuId() + " does not exist");
            } else if (!sku.isSellable()) {
                notSellable.add(new FieldViolation("lines[" + i + "].skuId",
                        "SKU " + sku.skuCode() + " is not on sale now"));
            }
            skus.add(sku);
        }
        unknown.throwIfAny();
        if (!notSellable.isEmpty()) {
            throw new BusinessRuleException("not-sellable", notSellable.size() == 1 ? notSellable.getFirst().reason()
                    : notSellable.size() + " lines are not on sale now", notSellable);
        }
        return skus;
    }

    private Map<WarehouseId, WarehouseView> activeWarehouses() {
        Map<WarehouseId, WarehouseView> active = new LinkedHashMap<>();
        warehouses.all().stream().filter(WarehouseView::active).forEach(w -> active.put(w.id(), w));
        return active;
    }

    /** The warehouses serving the order, by the configured strategy over the stock available now. */
    private List<Allocation.Group> allocate(List<PricingRequest.Item> items, Map<WarehouseId, WarehouseView> active,
            Destination destination) {
        Map<SkuId, Map<WarehouseId, Long>> availability = inventory.availability(
                items.stream().map(i -> i.sku().id()).toList());
        List<AllocationStrategy.Stock> stock = new ArrayList<>();
        for (WarehouseView warehouse : active.values()) {
            Map<SkuId, Long> there = new HashMap<>();
            availability.forEach((sku, byWarehouse) -> {
                Long units = byWarehouse.get(warehouse.id());
                if (units != null && units > 0) {
                    there.put(sku, units);
                }
            });
            stock.add(new AllocationStrategy.Stock(warehouse.id(), Optional.ofNullable(warehouse.region()), there));
        }
        List<AllocationStrategy.Line> lines = items.stream()
                .map(i -> new AllocationStrategy.Line(i.sku().id(), i.quantity())).toList();
        return switch (allocation.allocate(lines, stock, Regions.ofProvince(destination.province()))) {
            case Allocation.Planned planned -> planned.groups().stream()
                    .sorted(Comparator.comparingLong(g -> g.warehouseId().value())).toList();
            case Allocation.Refused refused -> throw insufficient(refused.lineIndex(), items.get(refused.lineIndex()),
                    refused.available());
        };
    }

    private static BusinessRuleException insufficient(int index, PricingRequest.Item item, long available) {
        return new BusinessRuleException("insufficient-stock", "lines[" + index + "].quantity",
                "only %d of SKU %s available, %d asked for".formatted(Math.max(0, available), item.sku().skuCode(),
                        item.quantity()));
    }

    /**
     * The order's lines: each priced line as it is when one warehouse serves it, or split by warehouse with its
     * discount shared out by quantity, so that every line names the warehouse its units come from.
     */
    private static List<OrderLineRecord> lines(PricedOrder priced, List<SkuRef> skus, List<Allocation.Group> groups) {
        List<OrderLineRecord> lines = new ArrayList<>();
        for (int i = 0; i < skus.size(); i++) {
            SkuRef sku = skus.get(i);
            PricedOrder.Line line = priced.lines().get(i);
            List<WarehouseId> from = new ArrayList<>();
            List<Long> quantities = new ArrayList<>();
            for (Allocation.Group group : groups) {
                Integer quantity = group.quantities().get(sku.id());
                if (quantity != null && quantity > 0) {
                    from.add(group.warehouseId());
                    quantities.add(quantity.longValue());
                }
            }
            List<Money> discounts = Proration.split(line.discount(), quantities);
            for (int k = 0; k < from.size(); k++) {
                int quantity = quantities.get(k).intValue();
                Money discount = discounts.get(k);
                lines.add(new OrderLineRecord(lines.size() + 1, sku.id(), sku.skuCode(), sku.productId(),
                        sku.productTitle(), sku.specText().isEmpty() ? null : sku.specText(), quantity,
                        line.unitPrice(), discount, line.unitPrice().times(quantity).minus(discount), sku.costPrice(),
                        from.get(k), Money.zero(discount.currency()), 0));
            }
        }
        return lines;
    }

    /** Reserves one warehouse's share; a refusal names the order's line, not the reservation's. */
    private ReservationView reserve(String number, WarehouseView warehouse, Allocation.Group group,
            List<SkuRef> skus) {
        List<SkuId> order = group.quantities().keySet().stream().sorted(Comparator.comparingLong(SkuId::value))
                .toList();
        List<ReservationLine> lines = order.stream()
                .map(sku -> new ReservationLine(sku, warehouse.id(), group.quantities().get(sku))).toList();
        String reference = number + "/" + warehouse.code();
        if (reference.length() > 64) {
            reference = number + "/#" + warehouse.id();
        }
        try {
            return reservations.reserve(new NewReservation(reference, lines, properties.reservationTtl()));
        } catch (BusinessRuleException refused) {
            if (!refused.code().equals("insufficient-stock") || refused.violations().isEmpty()) {
                throw refused;
            }
            Matcher at = LINE_FIELD.matcher(refused.violations().getFirst().field());
            if (!at.find()) {
                throw refused;
            }
            SkuId sku = order.get(Integer.parseInt(at.group(1)));
            int index = 0;
            while (!skus.get(index).id().equals(sku)) {
                index++;
            }
            throw new BusinessRuleException("insufficient-stock", "lines[" + index + "].quantity",
                    "SKU %s sold out while the order was placed: %s".formatted(skus.get(index).skuCode(),
                            refused.violations().getFirst().reason()));
        }
    }

    private static Attribution trimmed(Attribution attribution) {
        return new Attribution(trimToNull(attribution.utmSource()), trimToNull(attribution.utmMedium()),
                trimToNull(attribution.utmCampaign()), trimToNull(attribution.campaignCode()));
    }

    private static @Nullable String trimToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
