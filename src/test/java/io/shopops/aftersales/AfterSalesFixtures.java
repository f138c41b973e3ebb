package io.shopops.aftersales;

import java.math.BigDecimal;
import java.util.List;

import io.shopops.catalog.SkuId;
import io.shopops.fulfilment.ShipmentView;
import io.shopops.inventory.WarehouseView;
import io.shopops.ordering.OrderFixtures;
import io.shopops.ordering.OrderStatus;
import io.shopops.ordering.OrderView;

/** Orders paid, shipped and delivered through the real modules, ready for after-sales. */
public class AfterSalesFixtures {

    private final OrderFixtures orders;

    AfterSalesFixtures(OrderFixtures orders) {
        this.orders = orders;
    }

    /**
     * An order from one warehouse: line 1 is 3 × 50.00 of {@code boots}, line 2 is 1 × 80.00 of {@code scarf}; 230.00
     * paid (free shipping).
     */
    public record Bought(OrderFixtures.Shopper shopper, OrderView order, SkuId boots, SkuId scarf,
            WarehouseView warehouse) {
    }

    /** Paid and allocated; nothing shipped. */
    public Bought paid() {
        SkuId boots = orders.sku("50.00");
        SkuId scarf = orders.sku("80.00");
        WarehouseView warehouse = orders.warehouse("华东");
        orders.stock(boots, warehouse, 10);
        orders.stock(scarf, warehouse, 10);
        OrderFixtures.Shopper shopper = orders.shopper();
        OrderView order = orders.place(shopper, OrderFixtures.line(boots, 3), OrderFixtures.line(scarf, 1));
        orders.pay(shopper, order);
        orders.await(order.id(), OrderStatus.ALLOCATED);
        return new Bought(shopper, order, boots, scarf, warehouse);
    }

    /** Paid, dispatched and signed for (DELIVERED). */
    public Bought delivered() {
        Bought bought = shipped();
        List<ShipmentView> shipments = orders.shipments(bought.order());
        shipments.forEach(orders::deliver);
        orders.await(bought.order().id(), OrderStatus.DELIVERED);
        return bought;
    }

    /** Paid and dispatched (SHIPPED), not delivered yet. */
    public Bought shipped() {
        Bought bought = paid();
        orders.shipments(bought.order()).forEach(orders::dispatch);
        orders.await(bought.order().id(), OrderStatus.SHIPPED);
        return bought;
    }

    public static NewAfterSalesRequest.Line line(int lineNo, int quantity) {
        return new NewAfterSalesRequest.Line(lineNo, quantity, null);
    }

    public static NewAfterSalesRequest.Line amount(int lineNo, String amount) {
        return new NewAfterSalesRequest.Line(lineNo, 0, new BigDecimal(amount));
    }

    public static NewAfterSalesRequest returning(AfterSalesReason reason, NewAfterSalesRequest.Line... lines) {
        return new NewAfterSalesRequest(AfterSalesKind.RETURN_AND_REFUND, reason, "不想要了",
                List.of("https://img.example.com/evidence/1.jpg"), List.of(lines));
    }

    public static NewAfterSalesRequest refundOnly(AfterSalesReason reason, NewAfterSalesRequest.Line... lines) {
        return new NewAfterSalesRequest(AfterSalesKind.REFUND_ONLY, reason, null, List.of(), List.of(lines));
    }
}
