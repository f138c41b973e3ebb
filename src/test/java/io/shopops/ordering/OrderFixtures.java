package io.shopops.ordering;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.shopops.catalog.Catalog;
import io.shopops.catalog.Categories;
import io.shopops.catalog.CategoryView;
import io.shopops.catalog.NewCategory;
import io.shopops.catalog.NewProduct;
import io.shopops.catalog.NewSku;
import io.shopops.catalog.ProductStatus;
import io.shopops.catalog.ProductView;
import io.shopops.catalog.SkuId;
import io.shopops.catalog.SpecAttribute;
import io.shopops.customer.AddressDetails;
import io.shopops.customer.AddressId;
import io.shopops.customer.CustomerId;
import io.shopops.customer.Customers;
import io.shopops.inventory.Inventory;
import io.shopops.inventory.InventoryFixtures;
import io.shopops.inventory.NewWarehouse;
import io.shopops.inventory.Receipt;
import io.shopops.inventory.WarehouseView;
import io.shopops.inventory.Warehouses;
import io.shopops.fulfilment.Dispatch;
import io.shopops.fulfilment.NewTrackingEvent;
import io.shopops.fulfilment.ShipmentStatus;
import io.shopops.fulfilment.ShipmentView;
import io.shopops.fulfilment.Shipments;
import io.shopops.fulfilment.Tracking;
import io.shopops.fulfilment.TrackingEventType;
import io.shopops.payment.Payments;
import io.shopops.payment.sandbox.SandboxControls;
import io.shopops.payment.sandbox.SandboxNotice;
import io.shopops.testing.CustomerFixtures;
import org.awaitility.Awaitility;

/**
 * Shoppers, SKUs on the shelf, warehouses with stock and placed orders, all made through the modules' facades as
 * the storefront and the staff would make them, with unique codes (test contexts share their database).
 */
public class OrderFixtures {

    private final Catalog catalog;
    private final Categories categories;
    private final Warehouses warehouses;
    private final Inventory inventory;
    private final Customers customers;
    private final CustomerFixtures customerFixtures;
    private final Checkout checkout;
    private final Orders orders;
    private final Payments payments;
    private final SandboxControls sandbox;
    private final Shipments shipments;
    private final Tracking tracking;
    private final Clock clock;
    private volatile CategoryView category;

    OrderFixtures(Catalog catalog, Categories categories, Warehouses warehouses, Inventory inventory,
            Customers customers, CustomerFixtures customerFixtures, Checkout checkout, Orders orders,
            Payments payments, SandboxControls sandbox, Shipments shipments, Tracking tracking, Clock clock) {
        this.catalog = catalog;
        this.categories = categories;
        this.warehouses = warehouses;
        this.inventory = inventory;
        this.customers = customers;
        this.customerFixtures = customerFixtures;
        this.checkout = checkout;
        this.orders = orders;
        this.payments = payments;
        this.sandbox = sandbox;
        this.shipments = shipments;
        this.tracking = tracking;
        this.clock = clock;
    }

    /** A signed-in customer with one address in Shanghai (华东). */
    public record Shopper(CustomerId id, AddressId addressId, String bearer, String phone) {
    }

    public Shopper shopper() {
        return shopper("上海市");
    }

    public Shopper shopper(String province) {
        CustomerFixtures.SignedIn signedIn = customerFixtures.signedIn();
        AddressDetails shanghai = CustomerFixtures.address("张三");
        AddressId address = customers.addAddress(signedIn.view().id(), new AddressDetails(shanghai.recipient(),
                shanghai.phone(), province, shanghai.city(), shanghai.district(), shanghai.detail(),
                shanghai.postalCode())).id();
        return new Shopper(signedIn.view().id(), address, signedIn.bearer(), signedIn.phone());
    }

    /** Signs the shopper in again (another device, or after signing out); the new bearer header. */
    public String signInAgain(Shopper shopper) {
        return "Bearer " + customerFixtures.signIn(shopper.phone());
    }

    /** SKUs on the shelf at this sale price (cost 40% of it), one product per 200. */
    public List<SkuId> skus(int count, String salePrice) {
        BigDecimal price = new BigDecimal(salePrice);
        List<SkuId> skus = new ArrayList<>();
        while (skus.size() < count) {
            int size = Math.min(200, count - skus.size());
            String spu = InventoryFixtures.unique("ORD");
            List<NewSku> newSkus = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                newSkus.add(new NewSku(spu + "-" + i, List.of(new SpecAttribute("颜色", "C" + i)), price, price,
                        price.multiply(new BigDecimal("0.4")).setScale(2, java.math.RoundingMode.HALF_UP), null, null));
            }
            ProductView product = catalog.createProduct(new NewProduct(spu, "订单测试 " + spu, "Order test " + spu, null,
                    null, category().id(), null, List.of(), Set.of(), newSkus));
            product = catalog.changeStatus(product.id(), ProductStatus.ON_SHELF, null, product.version());
            product.skus().forEach(s -> skus.add(s.id()));
        }
        return skus;
    }

    public SkuId sku(String salePrice) {
        return skus(1, salePrice).getFirst();
    }

    /** Takes the SKU's product off the shelf (下架). */
    public void offShelf(SkuId sku) {
        ProductView product = catalog.product(catalog.sku(sku).orElseThrow().productId());
        catalog.changeStatus(product.id(), ProductStatus.OFF_SHELF, "test", product.version());
    }

    public WarehouseView warehouse(String region) {
        return warehouses.open(new NewWarehouse(InventoryFixtures.unique("OWH"), region + "仓", region, null));
    }

    public void stock(SkuId sku, WarehouseView warehouse, int units) {
        inventory.receive(new Receipt(sku, warehouse.id(), units, null, null));
    }

    public static NewOrder order(AddressId address, NewOrder.Line... lines) {
        return new NewOrder(List.of(lines), address, SalesChannel.WEB, null, null);
    }

    public static NewOrder.Line line(SkuId sku, int quantity) {
        return new NewOrder.Line(sku, quantity);
    }

    public static String key() {
        return UUID.randomUUID().toString();
    }

    /** Places an order for the shopper with a fresh idempotency key. */
    public OrderView place(Shopper shopper, NewOrder.Line... lines) {
        return checkout.place(shopper.id(), key(), order(shopper.addressId(), lines));
    }

    /** Starts the order's payment with the sandbox, as the storefront's pay button does. */
    public OrderPayment startPayment(Shopper shopper, OrderView order) {
        return orders.pay(shopper.id(), order.id(), "sandbox");
    }

    /** The buyer pays at the sandbox's cashier; its notification is not delivered yet. */
    public String payAtCashier(OrderPayment payment) {
        String providerPaymentId = payments.payment(payment.paymentId()).providerPaymentId();
        sandbox.pay(providerPaymentId);
        return sandbox.notifications(providerPaymentId).getLast().body();
    }

    /** Delivers the sandbox's notification to the payment module, as its webhook would. */
    public void deliver(String notification) {
        payments.handleNotification("sandbox", Map.of("Content-Type", SandboxNotice.CONTENT_TYPE), notification);
    }

    /** Starts the payment, pays it at the cashier and delivers the notification: the order will become PAID. */
    public OrderPayment pay(Shopper shopper, OrderView order) {
        OrderPayment payment = startPayment(shopper, order);
        deliver(payAtCashier(payment));
        return payment;
    }

    /** Waits (the listeners run after commit) until the order is in the status. */
    public OrderDetail await(OrderId order, OrderStatus status) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> orders.detail(order).status() == status);
        return orders.detail(order);
    }

    public List<ShipmentView> shipments(OrderView order) {
        return shipments.ofOrder(order.orderNumber());
    }

    /** Picks, packs and hands the shipment to SF. */
    public ShipmentView dispatch(ShipmentView shipment) {
        shipments.advance(shipment.id(), ShipmentStatus.PICKING, null);
        shipments.advance(shipment.id(), ShipmentStatus.PACKED, null);
        return shipments.dispatch(shipment.id(), new Dispatch("SF", "SF%013d".formatted(System.nanoTime() % 10_000_000_000_000L),
                new BigDecimal("12.00"), 800));
    }

    /** The carrier reports the parcel signed for. */
    public void deliver(ShipmentView shipment) {
        tracking.record(shipment.id(), new NewTrackingEvent(TrackingEventType.DELIVERED, Instant.now(clock),
                "上海", "本人签收"));
    }

    private CategoryView category() {
        if (category == null) {
            synchronized (this) {
                if (category == null) {
                    category = categories.create(new NewCategory(InventoryFixtures.unique("ord-cat"), "订单测试",
                            "Order tests", null, 0));
                }
            }
        }
        return category;
    }
}
