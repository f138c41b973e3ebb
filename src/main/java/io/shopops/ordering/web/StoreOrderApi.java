package io.shopops.ordering.web;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import io.shopops.catalog.SkuId;
import io.shopops.customer.AddressId;
import io.shopops.customer.CurrentCustomer;
import io.shopops.ordering.Attribution;
import io.shopops.ordering.Checkout;
import io.shopops.ordering.CustomerOrderSummary;
import io.shopops.ordering.NewOrder;
import io.shopops.ordering.OrderId;
import io.shopops.ordering.OrderPayment;
import io.shopops.ordering.OrderView;
import io.shopops.ordering.PricedOrder;
import io.shopops.ordering.Orders;
import io.shopops.ordering.SalesChannel;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.web.RequiresPermission;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Checkout and the signed-in customer's own orders: list, detail with timeline, cancel before shipping, pay.
 * Checkout needs an {@code Idempotency-Key} header: a retry with the same key and body gets the same order.
 */
@RestController
@RequestMapping("/api/v1/store")
@RequiresPermission(RequiresPermission.CUSTOMER)
class StoreOrderApi {

    private final Checkout checkout;
    private final Orders orders;

    StoreOrderApi(Checkout checkout, Orders orders) {
        this.checkout = checkout;
        this.orders = orders;
    }

    record LineRequest(@Nullable Long skuId, @Nullable Long quantity) {
    }

    record CheckoutRequest(@Nullable List<LineRequest> lines, @Nullable Long addressId, @Nullable SalesChannel channel,
            @Nullable String customerNote, @Nullable String utmSource, @Nullable String utmMedium,
            @Nullable String utmCampaign, @Nullable String campaignCode, @Nullable BigDecimal expectedTotal,
            @Nullable List<String> couponCodes, @Nullable Long pointsToUse) {

        NewOrder order() {
            List<NewOrder.Line> converted = null;
            if (lines != null) {
                converted = new ArrayList<>();
                for (LineRequest line : lines) {
                    converted.add(line == null ? null : new NewOrder.Line(
                            line.skuId() == null ? null : new SkuId(line.skuId()),
                            line.quantity() == null ? 0 : line.quantity()));
                }
            }
            return new NewOrder(converted, addressId == null ? null : new AddressId(addressId), channel,
                    customerNote, new Attribution(utmSource, utmMedium, utmCampaign, campaignCode), expectedTotal,
                    couponCodes, pointsToUse);
        }
    }

    record CancelRequest(@Nullable String reason) {
    }

    record PayRequest(@Nullable String providerCode) {
    }

    /** The price the checkout would charge now, with every rule applied and the ones that gave nothing and why. */
    @PostMapping("/checkout/preview")
    PricedOrder preview(@RequestBody CheckoutRequest request) {
        return checkout.preview(CurrentCustomer.require(), request.order());
    }

    @PostMapping("/checkout")
    ResponseEntity<OrderView> checkout(@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
            @RequestBody CheckoutRequest request) {
        OrderView order = checkout.place(CurrentCustomer.require(), key, request.order());
        return ResponseEntity.created(URI.create("/api/v1/store/orders/" + order.id())).body(order);
    }

    @GetMapping("/orders")
    Page<CustomerOrderSummary> list(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return orders.ofCustomer(CurrentCustomer.require(), new PageQuery(page, size));
    }

    @GetMapping("/orders/{id}")
    OrderView get(@PathVariable long id) {
        return orders.order(CurrentCustomer.require(), new OrderId(id));
    }

    @PostMapping("/orders/{id}/cancel")
    OrderView cancel(@PathVariable long id, @RequestBody(required = false) @Nullable CancelRequest request) {
        return orders.cancel(CurrentCustomer.require(), new OrderId(id), request == null ? null : request.reason());
    }

    /** Opens a payment with a provider ({@code "sandbox"}) and answers the cashier URL where the customer pays. */
    @PostMapping("/orders/{id}/pay")
    OrderPayment pay(@PathVariable long id, @RequestBody PayRequest request) {
        return orders.pay(CurrentCustomer.require(), new OrderId(id), request.providerCode());
    }
}
