package io.shopops.demo.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import io.shopops.catalog.ProductStatus;
import io.shopops.catalog.SkuId;
import io.shopops.catalog.SkuView;
import io.shopops.customer.AddressDetails;
import io.shopops.demo.internal.CatalogGenerator.PlannedProduct;
import io.shopops.demo.internal.CustomerGenerator.DemoCustomer;
import io.shopops.fulfilment.Carriers;
import io.shopops.fulfilment.HistoricalShipment;
import io.shopops.fulfilment.ShipmentId;
import io.shopops.fulfilment.ShipmentLine;
import io.shopops.fulfilment.Shipments;
import io.shopops.fulfilment.ShippingMethod;
import io.shopops.fulfilment.TrackingEventType;
import io.shopops.inventory.HistoricalReservation;
import io.shopops.inventory.Inventory;
import io.shopops.inventory.NewReservation;
import io.shopops.inventory.ReservationId;
import io.shopops.inventory.ReservationLine;
import io.shopops.inventory.ReservationStatus;
import io.shopops.inventory.Reservations;
import io.shopops.inventory.WarehouseId;
import io.shopops.inventory.WarehouseView;
import io.shopops.inventory.Warehouses;
import io.shopops.ordering.AppliedRule;
import io.shopops.ordering.Attribution;
import io.shopops.ordering.Destination;
import io.shopops.ordering.HistoricalOrder;
import io.shopops.ordering.OrderCancelled;
import io.shopops.ordering.OrderImport;
import io.shopops.ordering.OrderNumber;
import io.shopops.ordering.OrderStatus;
import io.shopops.ordering.SalesChannel;
import io.shopops.payment.HistoricalPayment;
import io.shopops.payment.ImportedPayment;
import io.shopops.payment.Payments;
import io.shopops.shared.Money;
import io.shopops.shared.ShopProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Six months of orders (by default 50,000) for the demo shop, planned in memory and then written through each owning
 * module's import: the payment module's payments and refunds, the inventory's reservations, fulfilment's shipments,
 * and the orders themselves. Nothing is published: the history is recorded, not replayed.
 *
 * <p>What makes it look like a shop: placing times by hour, weekday, growth and festival
 * ({@link Seasonality}); SKUs by Zipf popularity of the products on the shelf today, at their sale price; one to four
 * lines; returning customers (their Pareto activity); the channel mix of the shop's own storefronts and the
 * marketplaces it imports from; campaign codes and UTM parameters; the status each order reached by now, from the
 * times its steps took (payment within minutes, dispatch within a working day, carriers' transit times, completion
 * seven days after delivery): most COMPLETED, the recent ones DELIVERED, SHIPPED, ALLOCATED, PAID or still
 * PENDING_PAYMENT, about 6 % CANCELLED (mostly unpaid when the window closed); and returns ({@link #decideReturns}).
 *
 * <p>Stock: orders that ended long ago do not move today's stock (it was counted after them). Parcels of orders
 * still open now (unpaid, paid, allocated, not yet dispatched) hold real reservations of today's stock, taken through
 * {@link Reservations#reserve}, so that the shop can carry them on.
 */
@Component
public class OrderHistoryGenerator {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(OrderHistoryGenerator.class);

    /** The share of delivered orders with a return (退货退款), as the handbooks cite for general merchandise. */
    static final double RETURN_RATE = 0.13;
    /** Unpaid when the payment window closed (cancelled by the job), and cancelled by the customer after paying. */
    static final double UNPAID_RATE = 0.048;
    static final double CANCELLED_AFTER_PAYMENT_RATE = 0.014;

    private static final Duration PAYMENT_WINDOW = Duration.ofMinutes(30);
    private static final Duration RESERVATION_GRACE = Duration.ofMinutes(15);
    private static final Duration PROMISED_DELIVERY = Duration.ofDays(3);
    private static final Duration COMPLETE_AFTER = Duration.ofDays(7);
    /** The shop's default shipping: free from ¥99 of goods, ¥10 below (as shopops.ordering's defaults). */
    private static final BigDecimal FREE_SHIPPING_FROM = new BigDecimal("99.00");
    private static final BigDecimal SHIPPING_FEE = new BigDecimal("10.00");
    private static final String PROVIDER = "sandbox";
    private static final DateTimeFormatter PROVIDER_DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final Inventory inventory;
    private final Warehouses warehouses;
    private final Reservations reservations;
    private final Payments payments;
    private final Shipments shipments;
    private final Carriers carriers;
    private final OrderImport orderImport;
    private final ShopProperties shop;

    OrderHistoryGenerator(Inventory inventory, Warehouses warehouses, Reservations reservations, Payments payments,
            Shipments shipments, Carriers carriers, OrderImport orderImport, ShopProperties shop) {
        this.inventory = inventory;
        this.warehouses = warehouses;
        this.reservations = reservations;
        this.payments = payments;
        this.shipments = shipments;
        this.carriers = carriers;
        this.orderImport = orderImport;
        this.shop = shop;
    }

    /** What the history holds. GMV is the total of the orders paid and not cancelled (docs/metrics.md). */
    public record Result(int orders, Map<OrderStatus, Integer> byStatus, Money gmv, int returns) {
    }

    public Result generate(SplittableRandom random, List<PlannedProduct> products, List<DemoCustomer> customers,
            Instant now, int count, int days) {
        if (count == 0) {
            return new Result(0, Map.of(), Money.zero(shop.currency()), 0);
        }
        SplittableRandom timesRandom = random.split();
        SplittableRandom ordersRandom = random.split();
        SplittableRandom returnsRandom = random.split();
        SplittableRandom numbersRandom = random.split();
        Seasonality seasons = new Seasonality(shop.zone());
        Assortment assortment = new Assortment(products, warehouses.all().stream().filter(WarehouseView::active)
                .sorted(Comparator.comparing(WarehouseView::code)).toList());
        TrackingNumbers tracking = new TrackingNumbers(carriers);
        Plan plan = new Plan(seasons, assortment, customers, tracking.usable(), now);

        List<Instant> times = seasons.placingTimes(timesRandom, now.minus(Duration.ofDays(days)), now, count);
        List<PlannedOrder> orders = new ArrayList<>(count);
        for (Instant placed : times) {
            orders.add(plan.order(ordersRandom, placed));
        }
        int returns = decideReturns(returnsRandom, orders, now);
        write(numbersRandom, orders, tracking, now);

        Map<OrderStatus, Integer> byStatus = new EnumMap<>(OrderStatus.class);
        Money gmv = Money.zero(shop.currency());
        for (PlannedOrder order : orders) {
            byStatus.merge(order.status, 1, Integer::sum);
            if (order.status.isPaid()) {
                gmv = gmv.plus(order.total);
            }
        }
        return new Result(orders.size(), byStatus, gmv, returns);
    }

    /**
     * Which delivered orders were partly or wholly returned and refunded (退货退款), about {@value #RETURN_RATE} of
     * them: one line, some or all of its units, refunded in proportion within the seven days before the order
     * completes. Only returns whose refund went through by now are recorded. The after-sales module will import its
     * requests for these decisions (reason, request, refund) when it exists; until then the decision lives here and
     * reaches the order lines and the payment's refunds.
     *
     * @return how many orders had a return
     */
    int decideReturns(RandomGenerator random, List<PlannedOrder> orders, Instant now) {
        int returns = 0;
        for (PlannedOrder order : orders) {
            if (order.deliveredAt == null) {
                continue;
            }
            boolean returned = random.nextDouble() < RETURN_RATE;
            PlannedLine line = order.lines.get(random.nextInt(order.lines.size()));
            int units = line.quantity == 1 || random.nextDouble() < 0.5 ? line.quantity
                    : 1 + random.nextInt(line.quantity);
            Instant requested = order.deliveredAt.plusSeconds((long) (random.nextDouble() * 4.5 * 86_400) + 7_200);
            Instant refunded = requested.plusSeconds((long) ((0.4 + random.nextDouble() * 1.2) * 86_400));
            String reason = RETURN_REASONS.get(random.nextInt(RETURN_REASONS.size()));
            Money amount = line.payable().times(BigDecimal.valueOf(units).divide(BigDecimal.valueOf(line.quantity),
                    10, RoundingMode.HALF_UP), RoundingMode.DOWN);
            if (!returned || refunded.isAfter(now) || amount.isZero()) {
                continue;
            }
            line.refunded = amount;
            line.returned = units;
            order.refunds.add(new PlannedRefund(amount, reason, requested, refunded));
            returns++;
        }
        return returns;
    }

    private static final List<String> RETURN_REASONS = List.of("七天无理由退货", "七天无理由退货", "尺码/规格不合适",
            "质量问题", "与商品描述不符", "收到商品破损", "不想要了");

    // --- the plan -------------------------------------------------------------------------------------------------

    /** The SKUs on sale today with their popularity, and where each is stocked (and how much is left to hold). */
    private static final class Assortment {

        private final List<Offer> offers = new ArrayList<>();
        private final double[] cumulative;
        private final List<WarehouseView> warehouses;
        private final Map<SkuId, long[]> available = new HashMap<>();

        Assortment(List<PlannedProduct> products, List<WarehouseView> warehouses) {
            this.warehouses = warehouses;
            List<PlannedProduct> onShelf = products.stream()
                    .filter(p -> p.product().status() == ProductStatus.ON_SHELF)
                    .sorted(Comparator.comparingInt(PlannedProduct::popularityRank)).toList();
            Zipf popularity = new Zipf(Math.max(1, onShelf.size()), 1.05);
            List<Double> weights = new ArrayList<>();
            for (int rank = 0; rank < onShelf.size(); rank++) {
                PlannedProduct product = onShelf.get(rank);
                List<SkuView> skus = product.product().skus().stream().filter(SkuView::active).toList();
                for (int s = 0; s < skus.size(); s++) {
                    // the first variant of a product sells best: the colour or size most people want
                    weights.add(popularity.share(rank) * (s == 0 ? 2.0 : 1.0) / (skus.size() + 1.0));
                    offers.add(new Offer(skus.get(s), product.product().title(), rank));
                }
            }
            cumulative = new double[offers.size()];
            double sum = 0;
            for (int i = 0; i < offers.size(); i++) {
                sum += weights.get(i);
                cumulative[i] = sum;
            }
            for (int i = 0; i < cumulative.length; i++) {
                cumulative[i] /= sum;
            }
        }

        void stock(Map<SkuId, Map<WarehouseId, Long>> availability) {
            for (Offer offer : offers) {
                long[] units = new long[warehouses.size()];
                Map<WarehouseId, Long> there = availability.getOrDefault(offer.sku().id(), Map.of());
                for (int w = 0; w < warehouses.size(); w++) {
                    units[w] = there.getOrDefault(warehouses.get(w).id(), 0L);
                }
                available.put(offer.sku().id(), units);
            }
        }

        Offer sample(RandomGenerator random) {
            double roll = random.nextDouble();
            int low = 0;
            int high = cumulative.length - 1;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (cumulative[mid] < roll) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return offers.get(low);
        }

        /**
         * The warehouse a line is served from: the one of the customer's region if it stocks the SKU, else the first
         * that does (the nearest-warehouse rule of the shop). A line of an order still holding stock needs the units
         * to be available there now, and takes them; null when no warehouse has them.
         */
        @Nullable WarehouseView serve(Offer offer, int quantity, int preferred, boolean holdsStock) {
            long[] units = available.get(offer.sku().id());
            List<Integer> order = new ArrayList<>();
            order.add(preferred);
            for (int w = 0; w < warehouses.size(); w++) {
                if (w != preferred) {
                    order.add(w);
                }
            }
            for (int w : order) {
                if (holdsStock ? units[w] >= quantity : units[w] > 0) {
                    if (holdsStock) {
                        units[w] -= quantity;
                    }
                    return warehouses.get(w);
                }
            }
            return holdsStock ? null : warehouses.get(preferred);
        }

        int preferredFor(String region) {
            String near = switch (region) {
                case "华中" -> "华东";
                case "西南" -> "华南";
                case "西北", "东北" -> "华北";
                default -> region;
            };
            for (int w = 0; w < warehouses.size(); w++) {
                if (near.equals(warehouses.get(w).region())) {
                    return w;
                }
            }
            return 0;
        }
    }

    private record Offer(SkuView sku, String title, int rank) {
    }

    /** What happened to an order besides the usual: unpaid until its window closed, or cancelled after payment. */
    private enum Fate {
        NORMAL, UNPAID, CANCELLED_AFTER_PAYMENT
    }

    private static final class PlannedLine {
        final Offer offer;
        final int quantity;
        final WarehouseView warehouse;
        Money discount;
        Money refunded;
        int returned;

        PlannedLine(Offer offer, int quantity, WarehouseView warehouse, Money zero) {
            this.offer = offer;
            this.quantity = quantity;
            this.warehouse = warehouse;
            this.discount = zero;
            this.refunded = zero;
        }

        Money amount() {
            return offer.sku().salePrice().times(quantity);
        }

        Money payable() {
            return amount().minus(discount);
        }
    }

    private static final class PlannedParcel {
        final WarehouseView warehouse;
        final List<PlannedLine> lines = new ArrayList<>();
        @Nullable Instant pickingAt;
        @Nullable Instant packedAt;
        Instant dispatchAt;
        @Nullable Instant deliverAt;
        String carrier = "";
        String trackingNumber = "";
        int weightGrams;
        final List<HistoricalShipment.Event> events = new ArrayList<>();
        @Nullable ReservationId reservationId;
        @Nullable ShipmentId shipmentId;

        PlannedParcel(WarehouseView warehouse, Instant dispatchAt) {
            this.warehouse = warehouse;
            this.dispatchAt = dispatchAt;
        }
    }

    private record PlannedRefund(Money amount, String reason, Instant requestedAt, Instant refundedAt) {
    }

    private static final class PlannedOrder {
        Instant placedAt;
        DemoCustomer customer;
        AddressDetails address;
        SalesChannel channel;
        Attribution attribution;
        @Nullable String note;
        List<PlannedLine> lines = new ArrayList<>();
        List<AppliedRule> rules = new ArrayList<>();
        List<PlannedParcel> parcels = new ArrayList<>();
        Money total;
        OrderStatus status;
        Fate fate;
        @Nullable Instant paidAt;
        @Nullable Instant allocatedAt;
        @Nullable Instant shippedAt;
        @Nullable Instant deliveredAt;
        @Nullable Instant completedAt;
        @Nullable Instant cancelledAt;
        @Nullable String cancelReason;
        OrderCancelled.@Nullable CancelledBy cancelledBy;
        @Nullable Instant paymentStartedAt;
        ShippingMethod method = ShippingMethod.STANDARD;
        final List<PlannedRefund> refunds = new ArrayList<>();
        @Nullable OrderNumber number;
        @Nullable ImportedPayment payment;
        String transactionId = "";

        PlannedOrder(Instant placedAt, DemoCustomer customer, Money zero) {
            this.placedAt = placedAt;
            this.customer = customer;
            this.address = customer.addresses().getFirst();
            this.channel = SalesChannel.WEB;
            this.attribution = Attribution.NONE;
            this.total = zero;
            this.status = OrderStatus.PENDING_PAYMENT;
            this.fate = Fate.NORMAL;
        }

        boolean cancelled() {
            return status == OrderStatus.CANCELLED;
        }
    }

    /** Plans one order after another: who, what, from where, and how far it got by now. */
    private final class Plan {

        private final Seasonality seasons;
        private final Assortment assortment;
        private final List<DemoCustomer> customers;
        private final double[] activity;
        private final List<String> carrierCodes;
        private final Instant now;
        private final Money zero = Money.zero(shop.currency());

        Plan(Seasonality seasons, Assortment assortment, List<DemoCustomer> customers, List<String> carrierCodes,
                Instant now) {
            this.seasons = seasons;
            this.assortment = assortment;
            this.customers = customers;
            this.carrierCodes = carrierCodes;
            this.now = now;
            this.activity = new double[customers.size()];
            double sum = 0;
            for (int i = 0; i < customers.size(); i++) {
                sum += customers.get(i).activity();
                activity[i] = sum;
            }
            assortment.stock(inventory.availability(assortment.offers.stream().map(o -> o.sku().id()).toList()));
        }

        PlannedOrder order(RandomGenerator random, Instant placed) {
            PlannedOrder order = new PlannedOrder(placed, customer(random, placed), zero);
            if (order.customer.addresses().size() > 1 && random.nextDouble() < 0.25) {
                order.address = order.customer.addresses().get(1);
            }
            Optional<Seasonality.Festival> festival = seasons.festival(placed);
            order.channel = channel(random, order.customer);
            order.attribution = attribution(random, order.channel, festival);
            order.note = random.nextDouble() < 0.03 ? DemoPeopleData.NOTES.get(random.nextInt(DemoPeopleData.NOTES.size()))
                    : null;

            // the times first: whether the order still holds stock decides which lines it can have
            double fateRoll = random.nextDouble();
            order.fate = fateRoll < UNPAID_RATE ? Fate.UNPAID
                    : fateRoll < UNPAID_RATE + CANCELLED_AFTER_PAYMENT_RATE ? Fate.CANCELLED_AFTER_PAYMENT : Fate.NORMAL;
            Instant paid = placed.plusSeconds(payDelay(random));
            // the shop's own orders go to fulfilment at once; marketplace orders when the next sync brings them over
            Instant allocated = paid.plusSeconds(order.channel.isOwn() ? 1 + random.nextInt(40)
                    : 60 + random.nextInt(30 * 60));
            Instant[] dispatches = new Instant[3];
            for (int k = 0; k < dispatches.length; k++) {
                dispatches[k] = dispatch(random, allocated, festival.isPresent());
            }
            Instant cancelAt = switch (order.fate) {
                case UNPAID -> placed.plus(PAYMENT_WINDOW).plusSeconds(random.nextInt(60));
                case CANCELLED_AFTER_PAYMENT -> paid.plusSeconds(180 + (long) (random.nextDouble() * 6 * 3600));
                case NORMAL -> null;
            };
            Instant firstDispatch = min(dispatches);
            if (order.fate == Fate.CANCELLED_AFTER_PAYMENT && !cancelAt.isBefore(firstDispatch)) {
                order.fate = Fate.NORMAL; // too late: the parcel had left; what is unwanted now goes back as a return
                cancelAt = null;
            }
            boolean cancelledByNow = cancelAt != null && !cancelAt.isAfter(now);
            boolean holdsStock = !cancelledByNow && (order.fate == Fate.UNPAID || max(dispatches).isAfter(now));

            chooseLines(random, order, holdsStock);
            price(random, order, festival);
            int k = 0;
            for (PlannedLine line : order.lines) {
                PlannedParcel parcel = order.parcels.stream().filter(p -> p.warehouse.equals(line.warehouse))
                        .findFirst().orElse(null);
                if (parcel == null) {
                    parcel = new PlannedParcel(line.warehouse, dispatches[Math.min(k++, dispatches.length - 1)]);
                    order.parcels.add(parcel);
                }
                parcel.lines.add(line);
            }
            for (PlannedParcel parcel : order.parcels) {
                parcel.weightGrams = 150 + parcel.lines.stream().mapToInt(l -> l.quantity
                        * (l.offer.sku().weightGrams() == null ? 500 : l.offer.sku().weightGrams())).sum();
                long toDispatch = Duration.between(allocated, parcel.dispatchAt).toSeconds();
                parcel.pickingAt = allocated.plusSeconds((long) (toDispatch * (0.15 + 0.35 * random.nextDouble())));
                parcel.packedAt = parcel.pickingAt.plusSeconds((long) (Duration.between(parcel.pickingAt,
                        parcel.dispatchAt).toSeconds() * (0.3 + 0.5 * random.nextDouble())));
                parcel.carrier = carrier(random, order);
                transit(random, order, parcel, paid);
            }
            if (order.total.amount().compareTo(new BigDecimal("500")) > 0 && order.parcels.getFirst().carrier.equals("SF")
                    && random.nextDouble() < 0.3) {
                order.method = ShippingMethod.EXPRESS;
            }
            progress(random, order, paid, allocated, cancelAt);
            return order;
        }

        /**
         * How long the customer takes to pay: most within a couple of minutes, some come back to the cashier later,
         * all within the 30-minute window (the others are the unpaid ones).
         */
        private long payDelay(RandomGenerator random) {
            double roll = random.nextDouble();
            if (roll < 0.7) {
                return Math.min(180, 15 + (long) Math.exp(Math.log(60) + 0.8 * random.nextGaussian()));
            }
            return roll < 0.92 ? 180 + random.nextInt(12 * 60) : 15 * 60 + random.nextInt(14 * 60);
        }

        /** A customer signed up before the order, picked by their activity: returning customers buy again. */
        private DemoCustomer customer(RandomGenerator random, Instant placed) {
            for (int attempt = 0; attempt < 40; attempt++) {
                double roll = random.nextDouble() * activity[activity.length - 1];
                int index = java.util.Arrays.binarySearch(activity, roll);
                DemoCustomer customer = customers.get(index >= 0 ? index : Math.min(activity.length - 1, -index - 1));
                if (customer.registeredAt().isBefore(placed)) {
                    return customer;
                }
            }
            return customers.stream().min(Comparator.comparing(DemoCustomer::registeredAt)).orElseThrow();
        }

        private SalesChannel channel(RandomGenerator random, DemoCustomer customer) {
            double roll = random.nextDouble();
            if (roll < 0.12) {
                return SalesChannel.TAOBAO;
            }
            if (roll < 0.20) {
                return SalesChannel.JD;
            }
            if (roll < 0.26) {
                return SalesChannel.DOUYIN;
            }
            if (roll < 0.70) {
                // where they signed up is where they mostly buy
                return switch (customer.channel()) {
                    case WEB -> SalesChannel.WEB;
                    case APP -> SalesChannel.APP;
                    case MINI_PROGRAM -> SalesChannel.MINI_PROGRAM;
                };
            }
            return roll < 0.80 ? SalesChannel.WEB : roll < 0.92 ? SalesChannel.APP : SalesChannel.MINI_PROGRAM;
        }

        private Attribution attribution(RandomGenerator random, SalesChannel channel,
                Optional<Seasonality.Festival> festival) {
            String campaign = festival.isPresent() && random.nextDouble() < 0.6 ? festival.get().code() : null;
            if (!channel.isOwn() || random.nextDouble() >= 0.4) {
                return new Attribution(null, null, null, campaign);
            }
            String[][] sources = { { "wechat", "social" }, { "baidu", "cpc" }, { "douyin", "kol" },
                    { "xiaohongshu", "kol" }, { "weibo", "social" }, { "edm", "email" }, { "bilibili", "video" } };
            String[] source = sources[random.nextInt(sources.length)];
            String utmCampaign = festival.map(Seasonality.Festival::utmCampaign).orElseGet(() -> {
                String[] seasonal = { "member-day", "new-arrivals", "weekend-flash-sale", "back-to-school", null };
                return seasonal[random.nextInt(seasonal.length)];
            });
            return new Attribution(source[0], source[1], utmCampaign, campaign);
        }

        private void chooseLines(RandomGenerator random, PlannedOrder order, boolean holdsStock) {
            double roll = random.nextDouble();
            int wanted = roll < 0.55 ? 1 : roll < 0.82 ? 2 : roll < 0.94 ? 3 : 4;
            int preferred = assortment.preferredFor(order.customer.region());
            Set<SkuId> chosen = new HashSet<>();
            for (int attempt = 0; order.lines.size() < wanted && attempt < wanted * 25; attempt++) {
                Offer offer = assortment.sample(random);
                if (chosen.contains(offer.sku().id())) {
                    continue;
                }
                int quantity = quantity(random, offer.sku().salePrice());
                WarehouseView warehouse = assortment.serve(offer, quantity, preferred, holdsStock);
                if (warehouse == null) {
                    continue;
                }
                chosen.add(offer.sku().id());
                order.lines.add(new PlannedLine(offer, quantity, warehouse, zero));
            }
            for (int i = 0; order.lines.isEmpty() && i < assortment.offers.size(); i++) {
                // an open order on a bad day for stock: the best seller that is there
                Offer offer = assortment.offers.get(i);
                WarehouseView warehouse = assortment.serve(offer, 1, preferred, true);
                if (warehouse != null) {
                    order.lines.add(new PlannedLine(offer, 1, warehouse, zero));
                }
            }
            if (order.lines.isEmpty()) {
                throw new IllegalStateException("No SKU on the shelf has stock for an open demo order");
            }
        }

        private int quantity(RandomGenerator random, Money price) {
            double roll = random.nextDouble();
            if (price.amount().compareTo(new BigDecimal("50")) < 0) {
                return roll < 0.6 ? 1 : roll < 0.85 ? 2 : roll < 0.95 ? 3 : 4 + random.nextInt(3);
            }
            return roll < 0.88 ? 1 : roll < 0.98 ? 2 : 3;
        }

        /**
         * Sale prices, a festival's 满减 (¥20 off from ¥199, ¥50 from ¥399) or a store coupon (¥10 off from ¥100),
         * shared over the lines by what each costs, and the shipping fee below ¥99 of goods.
         */
        private void price(RandomGenerator random, PlannedOrder order, Optional<Seasonality.Festival> festival) {
            Money items = order.lines.stream().map(PlannedLine::amount).reduce(zero, Money::plus);
            String campaign = order.attribution.campaignCode();
            Money discount = zero;
            if (campaign != null && festival.isPresent()) {
                int off = items.amount().compareTo(new BigDecimal("399")) >= 0 ? 50
                        : items.amount().compareTo(new BigDecimal("199")) >= 0 ? 20 : 0;
                if (off > 0) {
                    discount = Money.of(BigDecimal.valueOf(off), shop.currency());
                    order.rules.add(new AppliedRule(AppliedRule.Kind.DISCOUNT, campaign + "-MJ" + off,
                            festival.get().label() + " 满" + (off == 50 ? 399 : 199) + "减" + off, discount));
                }
            } else if (items.amount().compareTo(new BigDecimal("100")) >= 0
                    && random.nextDouble() < (order.customer.activity() > 3 ? 0.25 : 0.05)) {
                discount = Money.of(BigDecimal.TEN, shop.currency());
                order.rules.add(new AppliedRule(AppliedRule.Kind.DISCOUNT, "COUPON-10", "店铺优惠券 满100减10",
                        discount));
            }
            List<Money> shares = split(discount, order.lines.stream().map(PlannedLine::amount).toList());
            for (int i = 0; i < order.lines.size(); i++) {
                order.lines.get(i).discount = shares.get(i);
            }
            Money goods = items.minus(discount);
            boolean free = goods.amount().compareTo(FREE_SHIPPING_FROM) >= 0;
            Money shipping = free ? zero : Money.of(SHIPPING_FEE, shop.currency());
            order.rules.add(new AppliedRule(AppliedRule.Kind.SHIPPING, free ? "free-shipping" : "shipping-fee",
                    free ? "Free shipping from " + FREE_SHIPPING_FROM.toPlainString() : "Shipping fee", shipping));
            order.total = goods.plus(shipping);
        }

        /**
         * When a parcel leaves: the same day when paid before the 16:00 cut-off on a working day, else the next
         * morning; now and then a day later (backlog), more often during a festival.
         */
        private Instant dispatch(RandomGenerator random, Instant allocated, boolean festival) {
            ZonedDateTime local = allocated.atZone(seasons.zone());
            ZonedDateTime at;
            if (local.getHour() < 16 && local.getHour() >= 7) {
                at = local.plusMinutes(90 + random.nextInt(5 * 60));
            } else {
                ZonedDateTime morning = (local.getHour() >= 16 ? local.plusDays(1) : local).withHour(9).withMinute(0)
                        .withSecond(0);
                at = morning.plusMinutes(random.nextInt(8 * 60));
            }
            if (random.nextDouble() < (festival ? 0.45 : 0.1)) {
                at = at.plusDays(1);
            }
            return at.toInstant().plusSeconds(random.nextInt(60));
        }

        private String carrier(RandomGenerator random, PlannedOrder order) {
            if (order.channel == SalesChannel.JD && carrierCodes.contains("JD") && random.nextDouble() < 0.7) {
                return "JD";
            }
            if (order.total.amount().compareTo(new BigDecimal("800")) > 0 && carrierCodes.contains("SF")
                    && random.nextDouble() < 0.6) {
                return "SF";
            }
            double roll = random.nextDouble();
            String[] preferred = roll < 0.38 ? new String[] { "ZTO" } : roll < 0.63 ? new String[] { "YTO" }
                    : roll < 0.88 ? new String[] { "SF" } : new String[] { "JD" };
            return carrierCodes.contains(preferred[0]) ? preferred[0] : carrierCodes.get(random.nextInt(carrierCodes.size()));
        }

        /**
         * The way to the customer: days by carrier (SF and JD fast, the others slower), longer to another region,
         * sometimes much longer; signed for during the day; the carrier's scans on the way.
         */
        private void transit(RandomGenerator random, PlannedOrder order, PlannedParcel parcel, Instant paid) {
            double days = switch (parcel.carrier) {
                case "SF" -> 0.7;
                case "JD" -> 0.8;
                case "ZTO" -> 1.2;
                case "YTO" -> 1.3;
                default -> 1.25;
            };
            String region = order.customer.region();
            String destinationRegion = regionOf(order.address.province());
            boolean far = !nearby(parcel.warehouse.region(), destinationRegion == null ? region : destinationRegion);
            days += (far ? 0.4 : 0) - Math.log(1 - random.nextDouble()) * 0.25;
            if (random.nextDouble() < 0.03) {
                days += 2 + random.nextDouble() * 2; // held at a depot, a weather delay
            }
            ZonedDateTime arrival = parcel.dispatchAt.plusSeconds((long) (days * 86_400)).atZone(seasons.zone());
            if (arrival.getHour() < 8) {
                arrival = arrival.withHour(9).withMinute(random.nextInt(60));
            } else if (arrival.getHour() >= 21) {
                arrival = arrival.plusDays(1).withHour(9).withMinute(random.nextInt(60)).plusHours(random.nextInt(5));
            }
            parcel.deliverAt = arrival.toInstant().truncatedTo(ChronoUnit.SECONDS);
            String origin = parcel.warehouse.name().substring(0, 2);
            String destination = order.address.city();
            Instant picked = parcel.dispatchAt.plusSeconds(1200 + random.nextInt(4800));
            long span = Duration.between(picked, parcel.deliverAt).toSeconds();
            Instant leftHub = picked.plusSeconds((long) (span * 0.25));
            Instant arrived = picked.plusSeconds((long) (span * 0.65));
            Instant out = max(arrived.plusSeconds(600), parcel.deliverAt.minusSeconds(3600 + random.nextInt(3 * 3600)));
            parcel.events.add(new HistoricalShipment.Event(TrackingEventType.PICKED_UP, picked, origin + "揽收网点",
                    "快件已揽收"));
            parcel.events.add(new HistoricalShipment.Event(TrackingEventType.IN_TRANSIT, leftHub, origin + "转运中心",
                    "快件已从" + origin + "转运中心发出"));
            parcel.events.add(new HistoricalShipment.Event(TrackingEventType.IN_TRANSIT, arrived,
                    destination + "转运中心", "快件已到达" + destination + "转运中心"));
            parcel.events.add(new HistoricalShipment.Event(TrackingEventType.OUT_FOR_DELIVERY, min(out, parcel.deliverAt),
                    destination + order.address.district(), "快件正在派送中"));
            parcel.events.add(new HistoricalShipment.Event(TrackingEventType.DELIVERED, parcel.deliverAt,
                    destination + order.address.district(),
                    random.nextDouble() < 0.35 ? "已签收，快递柜代收" : "已签收，签收人：本人"));
        }

        /** How far the order got by now, from the times its steps took. */
        private void progress(RandomGenerator random, PlannedOrder order, Instant paid, Instant allocated,
                @Nullable Instant cancelAt) {
            if (order.fate == Fate.UNPAID) {
                if (!cancelAt.isAfter(now)) {
                    order.status = OrderStatus.CANCELLED;
                    order.cancelledAt = cancelAt;
                    order.cancelReason = "not paid within 30 minutes";
                    order.cancelledBy = OrderCancelled.CancelledBy.PAYMENT_WINDOW;
                }
                return;
            }
            if (paid.isAfter(now)) {
                return; // still at the cashier
            }
            order.paidAt = paid;
            order.paymentStartedAt = order.placedAt.plusSeconds(Duration.between(order.placedAt, paid).toSeconds() / 3);
            order.status = OrderStatus.PAID;
            if (order.fate == Fate.CANCELLED_AFTER_PAYMENT && !cancelAt.isAfter(now)) {
                order.allocatedAt = allocated.isBefore(cancelAt) ? allocated : null;
                order.status = OrderStatus.CANCELLED;
                order.cancelledAt = cancelAt;
                order.cancelReason = CANCEL_REASONS.get(random.nextInt(CANCEL_REASONS.size()));
                order.cancelledBy = OrderCancelled.CancelledBy.CUSTOMER;
                Instant refunded = cancelAt.plusSeconds(20 + random.nextInt(160));
                order.refunds.add(new PlannedRefund(order.total, "Order cancelled: " + order.cancelReason, cancelAt,
                        refunded.isAfter(now) ? now : refunded));
                return;
            }
            if (allocated.isAfter(now)) {
                return;
            }
            order.allocatedAt = allocated;
            order.status = OrderStatus.ALLOCATED;
            int left = 0;
            int delivered = 0;
            for (PlannedParcel parcel : order.parcels) {
                if (!parcel.dispatchAt.isAfter(now)) {
                    left++;
                    if (!parcel.deliverAt.isAfter(now)) {
                        delivered++;
                    }
                }
            }
            if (left == 0) {
                return;
            }
            if (left < order.parcels.size()) {
                order.status = OrderStatus.PARTIALLY_SHIPPED;
                return;
            }
            order.shippedAt = order.parcels.stream().map(p -> p.dispatchAt).max(Comparator.naturalOrder()).orElseThrow();
            order.status = OrderStatus.SHIPPED;
            if (delivered < order.parcels.size()) {
                return;
            }
            order.deliveredAt = order.parcels.stream().map(p -> p.deliverAt).max(Comparator.naturalOrder()).orElseThrow();
            order.status = OrderStatus.DELIVERED;
            Instant completed = order.deliveredAt.plus(COMPLETE_AFTER).plusSeconds(random.nextInt(3600));
            if (!completed.isAfter(now)) {
                order.completedAt = completed;
                order.status = OrderStatus.COMPLETED;
            }
        }
    }

    private static final List<String> CANCEL_REASONS = List.of("不想要了", "拍错了/多拍了", "地址填写错误",
            "想换个规格", "找到更便宜的了");

    // --- writing ------------------------------------------------------------------------------------------------

    /**
     * Writes the plan through the modules' imports, in the order their ids link: the order numbers first (everything
     * refers to them), then reservations (closed ones imported, open ones reserved), payments, shipments, and last
     * the orders naming all of them.
     */
    private void write(RandomGenerator random, List<PlannedOrder> orders, TrackingNumbers tracking, Instant now) {
        long started = System.nanoTime();
        List<OrderNumber> numbers = orderImport.numbers(orders.stream().map(o -> o.placedAt).toList());
        for (int i = 0; i < orders.size(); i++) {
            orders.get(i).number = numbers.get(i);
        }
        long numbered = System.nanoTime();
        writeReservations(orders, now);
        long reserved = System.nanoTime();
        writePayments(random, orders);
        long paid = System.nanoTime();
        writeShipments(random, orders, tracking, now);
        long shipped = System.nanoTime();
        List<HistoricalOrder> imported = new ArrayList<>(orders.size());
        for (PlannedOrder order : orders) {
            imported.add(historical(order, now));
        }
        orderImport.importHistorical(imported);
        long done = System.nanoTime();
        log.info("Demo order history written: numbers {} ms, reservations {} ms, payments {} ms, shipments {} ms, "
                + "orders {} ms", (numbered - started) / 1_000_000, (reserved - numbered) / 1_000_000,
                (paid - reserved) / 1_000_000, (shipped - paid) / 1_000_000, (done - shipped) / 1_000_000);
    }

    private void writeReservations(List<PlannedOrder> orders, Instant now) {
        List<HistoricalReservation> closed = new ArrayList<>();
        List<PlannedParcel> closedParcels = new ArrayList<>();
        for (PlannedOrder order : orders) {
            for (PlannedParcel parcel : order.parcels) {
                String reference = order.number.number() + "/" + parcel.warehouse.code();
                List<ReservationLine> lines = parcel.lines.stream()
                        .sorted(Comparator.comparingLong(l -> l.offer.sku().id().value()))
                        .map(l -> new ReservationLine(l.offer.sku().id(), parcel.warehouse.id(), l.quantity)).toList();
                if (order.cancelled()) {
                    closed.add(new HistoricalReservation(reference, ReservationStatus.RELEASED, lines, order.placedAt,
                            order.cancelledAt));
                    closedParcels.add(parcel);
                } else if (order.allocatedAt != null && !parcel.dispatchAt.isAfter(now)) {
                    closed.add(new HistoricalReservation(reference, ReservationStatus.SHIPPED, lines, order.placedAt,
                            parcel.dispatchAt));
                    closedParcels.add(parcel);
                } else {
                    // still open now: it holds today's stock, as a live order's reservation does
                    Duration ttl = order.paidAt == null
                            ? Duration.between(now, order.placedAt.plus(PAYMENT_WINDOW).plus(RESERVATION_GRACE))
                            : Duration.ofMinutes(30);
                    parcel.reservationId = reservations.reserve(new NewReservation(reference, lines, ttl)).id();
                    if (order.paidAt != null) {
                        reservations.keep(parcel.reservationId);
                    }
                }
            }
        }
        if (!closed.isEmpty()) {
            List<ReservationId> ids = reservations.importHistorical(closed);
            for (int i = 0; i < ids.size(); i++) {
                closedParcels.get(i).reservationId = ids.get(i);
            }
        }
    }

    private void writePayments(RandomGenerator random, List<PlannedOrder> orders) {
        Set<String> numbers = new HashSet<>();
        List<HistoricalPayment> paid = new ArrayList<>();
        List<PlannedOrder> paidOrders = new ArrayList<>();
        for (PlannedOrder order : orders) {
            if (order.paidAt == null) {
                continue;
            }
            order.transactionId = providerNumber(random, order.paidAt, numbers);
            List<HistoricalPayment.Refund> refunds = new ArrayList<>();
            for (PlannedRefund refund : order.refunds) {
                refunds.add(new HistoricalPayment.Refund(refund.amount(), refund.reason(), refund.requestedAt(),
                        refund.refundedAt(), providerNumber(random, refund.refundedAt(), numbers)));
            }
            paid.add(new HistoricalPayment(order.number.number(), PROVIDER, order.total,
                    shop.name() + " " + order.number.number(), order.paymentStartedAt, order.paidAt,
                    order.transactionId, refunds));
            paidOrders.add(order);
        }
        if (paid.isEmpty()) {
            return;
        }
        List<ImportedPayment> imported = payments.importHistorical(paid);
        for (int i = 0; i < imported.size(); i++) {
            paidOrders.get(i).payment = imported.get(i);
        }
    }

    /** A provider's 28-digit number, as Alipay's: the day, then twenty digits; unique in this run. */
    private String providerNumber(RandomGenerator random, Instant at, Set<String> taken) {
        while (true) {
            StringBuilder number = new StringBuilder(PROVIDER_DAY.format(at.atZone(shop.zone())));
            for (int d = 0; d < 20; d++) {
                number.append(random.nextInt(10));
            }
            if (taken.add(number.toString())) {
                return number.toString();
            }
        }
    }

    private void writeShipments(RandomGenerator random, List<PlannedOrder> orders, TrackingNumbers tracking,
            Instant now) {
        List<HistoricalShipment> planned = new ArrayList<>();
        List<PlannedParcel> parcels = new ArrayList<>();
        for (PlannedOrder order : orders) {
            if (order.allocatedAt == null) {
                continue;
            }
            AddressDetails a = order.address;
            io.shopops.fulfilment.Destination destination = new io.shopops.fulfilment.Destination(a.recipient(),
                    a.phone(), a.province(), a.city(), a.district(), a.detail(), a.postalCode());
            for (PlannedParcel parcel : order.parcels) {
                Instant until = order.cancelled() ? order.cancelledAt : now;
                Instant picking = parcel.pickingAt.isAfter(until) ? null : parcel.pickingAt;
                Instant packed = picking == null || parcel.packedAt.isAfter(until) ? null : parcel.packedAt;
                HistoricalShipment.Dispatched dispatched = null;
                List<HistoricalShipment.Event> events = List.of();
                if (!order.cancelled() && !parcel.dispatchAt.isAfter(now)) {
                    parcel.trackingNumber = tracking.next(parcel.carrier, random);
                    dispatched = new HistoricalShipment.Dispatched(parcel.carrier, parcel.trackingNumber,
                            parcel.weightGrams, parcel.dispatchAt);
                    events = parcel.events.stream().filter(e -> !e.occurredAt().isAfter(now)).toList();
                }
                HistoricalShipment.Cancelled cancelled = order.cancelled() ? new HistoricalShipment.Cancelled(
                        order.cancelledAt, "Order " + order.number.number() + " cancelled: " + order.cancelReason)
                        : null;
                planned.add(new HistoricalShipment(order.number.number(), parcel.warehouse.id(), parcel.reservationId,
                        parcel.lines.stream().map(l -> new ShipmentLine(l.offer.sku().id(), l.quantity)).toList(),
                        destination, order.method, order.allocatedAt, order.paidAt.plus(PROMISED_DELIVERY), picking,
                        packed, dispatched, cancelled, events));
                parcels.add(parcel);
            }
        }
        if (planned.isEmpty()) {
            return;
        }
        List<ShipmentId> ids = shipments.importHistorical(planned);
        for (int i = 0; i < ids.size(); i++) {
            parcels.get(i).shipmentId = ids.get(i);
        }
    }

    private HistoricalOrder historical(PlannedOrder order, Instant now) {
        AddressDetails a = order.address;
        List<HistoricalOrder.Line> lines = new ArrayList<>();
        for (PlannedLine line : order.lines) {
            lines.add(new HistoricalOrder.Line(line.offer.sku().id(), line.quantity, line.offer.sku().salePrice(),
                    line.discount, line.warehouse.id(), line.refunded, line.returned));
        }
        List<HistoricalOrder.Parcel> parcels = new ArrayList<>();
        for (PlannedParcel parcel : order.parcels) {
            boolean left = !order.cancelled() && order.allocatedAt != null && !parcel.dispatchAt.isAfter(now);
            boolean signed = left && !parcel.deliverAt.isAfter(now);
            parcels.add(new HistoricalOrder.Parcel(parcel.warehouse.id(), parcel.reservationId, parcel.shipmentId,
                    left ? parcel.carrier : null, left ? parcel.trackingNumber : null, left ? parcel.dispatchAt : null,
                    signed ? parcel.deliverAt : null));
        }
        List<HistoricalOrder.Refund> refunds = new ArrayList<>();
        if (order.payment != null) {
            for (int r = 0; r < order.refunds.size(); r++) {
                refunds.add(new HistoricalOrder.Refund(order.payment.refunds().get(r), order.refunds.get(r).amount(),
                        order.refunds.get(r).refundedAt()));
            }
        }
        return new HistoricalOrder(order.number.id(), order.number.number(), order.customer.id(), order.channel,
                order.attribution, new Destination(a.recipient(), a.phone(), a.province(), a.city(), a.district(),
                        a.detail(), a.postalCode()),
                order.note, lines, order.rules, order.status, order.placedAt, order.paidAt, order.allocatedAt,
                order.shippedAt, order.deliveredAt, order.completedAt,
                order.cancelledAt == null ? null : new HistoricalOrder.Cancellation(order.cancelledAt,
                        order.cancelledBy, order.cancelReason),
                order.payment == null ? null : new HistoricalOrder.Payment(order.payment.id(), PROVIDER,
                        order.transactionId),
                refunds, parcels);
    }

    // --- small things -----------------------------------------------------------------------------------------------

    /** An amount shared out by weights to the fen (largest remainders; ties to the earlier), adding up exactly. */
    static List<Money> split(Money amount, List<Money> weights) {
        long total = weights.stream().mapToLong(Money::minorUnits).sum();
        List<Money> shares = new ArrayList<>();
        if (total == 0 || amount.isZero()) {
            weights.forEach(w -> shares.add(Money.zero(amount.currency())));
            return shares;
        }
        long minor = amount.minorUnits();
        long[] parts = new long[weights.size()];
        long[] remainders = new long[weights.size()];
        long given = 0;
        for (int i = 0; i < parts.length; i++) {
            long numerator = minor * weights.get(i).minorUnits();
            parts[i] = numerator / total;
            remainders[i] = numerator % total;
            given += parts[i];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            order.add(i);
        }
        order.sort((a, b) -> remainders[a] != remainders[b] ? Long.compare(remainders[b], remainders[a])
                : Integer.compare(a, b));
        for (int k = 0; given < minor; k++, given++) {
            parts[order.get(k % order.size())]++;
        }
        for (long part : parts) {
            shares.add(Money.ofMinor(part, amount.currency()));
        }
        return shares;
    }

    private static Instant min(Instant... times) {
        Instant min = times[0];
        for (Instant t : times) {
            min = t.isBefore(min) ? t : min;
        }
        return min;
    }

    private static Instant max(Instant... times) {
        Instant max = times[0];
        for (Instant t : times) {
            max = t.isAfter(max) ? t : max;
        }
        return max;
    }

    private static final Map<String, String> PROVINCE_REGIONS = new LinkedHashMap<>();

    static {
        for (DemoPeopleData.City city : DemoPeopleData.CITIES) {
            PROVINCE_REGIONS.put(city.province(), city.region());
        }
    }

    private static @Nullable String regionOf(String province) {
        return PROVINCE_REGIONS.get(province);
    }

    private static boolean nearby(@Nullable String warehouseRegion, String region) {
        if (warehouseRegion == null) {
            return false;
        }
        return switch (warehouseRegion) {
            case "华东" -> region.equals("华东") || region.equals("华中");
            case "华南" -> region.equals("华南") || region.equals("西南");
            case "华北" -> region.equals("华北") || region.equals("东北");
            default -> warehouseRegion.equals(region);
        };
    }
}
