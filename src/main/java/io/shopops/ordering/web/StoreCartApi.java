package io.shopops.ordering.web;

import io.shopops.catalog.SkuId;
import io.shopops.customer.CurrentCustomer;
import io.shopops.ordering.CartView;
import io.shopops.ordering.Carts;
import io.shopops.shared.web.RequiresPermission;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in customer's cart (購物車): kept across sign-outs and devices, shown at today's prices and stock. */
@RestController
@RequestMapping("/api/v1/store/cart")
@RequiresPermission(RequiresPermission.CUSTOMER)
class StoreCartApi {

    private final Carts carts;

    StoreCartApi(Carts carts) {
        this.carts = carts;
    }

    record AddRequest(@Nullable Long skuId, @Nullable Long quantity) {
    }

    record QuantityRequest(@Nullable Long quantity) {
    }

    @GetMapping
    CartView cart() {
        return carts.cart(CurrentCustomer.require());
    }

    /** Adds units of a SKU (one without {@code quantity}) to those already in the cart. */
    @PostMapping("/items")
    CartView add(@RequestBody AddRequest request) {
        return carts.add(CurrentCustomer.require(), request.skuId() == null ? null : new SkuId(request.skuId()),
                request.quantity() == null ? 1 : request.quantity());
    }

    @PutMapping("/items/{skuId}")
    CartView change(@PathVariable long skuId, @RequestBody QuantityRequest request) {
        return carts.change(CurrentCustomer.require(), new SkuId(skuId), Quantities.required(request.quantity()));
    }

    @DeleteMapping("/items/{skuId}")
    CartView remove(@PathVariable long skuId) {
        return carts.remove(CurrentCustomer.require(), new SkuId(skuId));
    }
}
