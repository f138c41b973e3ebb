package io.shopops.aftersales.web;

import java.net.URI;

import io.shopops.aftersales.AfterSalesId;
import io.shopops.aftersales.AfterSalesRequests;
import io.shopops.aftersales.AfterSalesSummary;
import io.shopops.aftersales.AfterSalesView;
import io.shopops.aftersales.NewAfterSalesRequest;
import io.shopops.aftersales.ReturnShipment;
import io.shopops.customer.CurrentCustomer;
import io.shopops.ordering.OrderId;
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
 * The signed-in customer's after-sales: ask for a return or a refund on an order (an optional
 * {@code Idempotency-Key} makes a retry return the same request), list and read requests, ship a return back,
 * withdraw a request.
 */
@RestController
@RequestMapping("/api/v1/store")
@RequiresPermission(RequiresPermission.CUSTOMER)
class StoreAfterSalesApi {

    private final AfterSalesRequests requests;

    StoreAfterSalesApi(AfterSalesRequests requests) {
        this.requests = requests;
    }

    @PostMapping("/orders/{orderId}/after-sales")
    ResponseEntity<AfterSalesView> request(@PathVariable long orderId,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
            @RequestBody NewAfterSalesRequest request) {
        AfterSalesView opened = requests.request(CurrentCustomer.require(), new OrderId(orderId), key, request);
        return ResponseEntity.created(URI.create("/api/v1/store/after-sales/" + opened.id())).body(opened);
    }

    @GetMapping("/after-sales")
    Page<AfterSalesSummary> list(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return requests.mine(CurrentCustomer.require(), new PageQuery(page, size));
    }

    @GetMapping("/after-sales/{id}")
    AfterSalesView get(@PathVariable long id) {
        return requests.request(CurrentCustomer.require(), new AfterSalesId(id));
    }

    @PostMapping("/after-sales/{id}/return-shipment")
    AfterSalesView shipBack(@PathVariable long id, @RequestBody ReturnShipment shipment) {
        return requests.shipBack(CurrentCustomer.require(), new AfterSalesId(id), shipment);
    }

    @PostMapping("/after-sales/{id}/withdraw")
    AfterSalesView withdraw(@PathVariable long id) {
        return requests.withdraw(CurrentCustomer.require(), new AfterSalesId(id));
    }
}
