package io.shopops.ordering;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.shopops.catalog.Catalog;
import io.shopops.catalog.SkuId;
import io.shopops.catalog.SkuRef;
import io.shopops.customer.CustomerId;
import io.shopops.inventory.Inventory;
import io.shopops.inventory.WarehouseId;
import io.shopops.ordering.internal.CartRepository;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.Money;
import io.shopops.shared.NotFoundException;
import io.shopops.shared.ShopProperties;
import io.shopops.shared.Violations;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers' carts (購物車): kept in the database, so a cart survives signing out and is the same on every device
 * and node. Adding needs a SKU that can be sold now; the cart shows each item at today's price with today's stock.
 */
@Service
public class Carts {

    /** The most different SKUs a cart holds. */
    public static final int MAX_ITEMS = 100;

    private final CartRepository carts;
    private final Catalog catalog;
    private final Inventory inventory;
    private final PriceCalculator prices;
    private final ShopProperties shop;
    private final OrderSupport support;

    Carts(CartRepository carts, Catalog catalog, Inventory inventory, PriceCalculator prices, ShopProperties shop,
            OrderSupport support) {
        this.carts = carts;
        this.catalog = catalog;
        this.inventory = inventory;
        this.prices = prices;
        this.shop = shop;
        this.support = support;
    }

    @Transactional(readOnly = true)
    public CartView cart(CustomerId customer) {
        List<CartRepository.Item> items = carts.items(customer.value());
        List<SkuId> ids = items.stream().map(CartRepository.Item::skuId).toList();
        Map<SkuId, SkuRef> skus = catalog.skus(ids);
        Map<SkuId, Map<WarehouseId, Long>> availability = inventory.availability(ids);
        List<CartView.Item> shown = new ArrayList<>();
        List<PricingRequest.Item> buyable = new ArrayList<>();
        for (CartRepository.Item item : items) {
            SkuRef sku = skus.get(item.skuId());
            long available = availability.getOrDefault(item.skuId(), Map.of()).values().stream()
                    .mapToLong(Long::longValue).sum();
            boolean sellable = sku != null && sku.isSellable();
            shown.add(new CartView.Item(item.skuId(), sku == null ? null : sku.skuCode(),
                    sku == null ? null : sku.productTitle(), sku == null ? null : sku.specText(), item.quantity(),
                    sku == null ? null : sku.salePrice(), sku == null ? null : sku.salePrice().times(item.quantity()),
                    sellable, available, available >= item.quantity(), item.addedAt()));
            if (sellable) {
                buyable.add(new PricingRequest.Item(sku, item.quantity()));
            }
        }
        Money zero = Money.zero(shop.currency());
        if (buyable.isEmpty()) {
            return new CartView(shown, shown.size(), zero, zero, zero, zero, List.of(), List.of());
        }
        PricedOrder priced = prices.price(new PricingRequest(SalesChannel.WEB, customer, null, buyable, List.of(),
                true));
        return new CartView(shown, shown.size(), priced.itemsAmount(), priced.discountAmount(), priced.shippingFee(),
                priced.total(), priced.rules(), priced.notApplied());
    }

    /**
     * Adds units of a SKU (to those already in the cart). 400 naming {@code skuId} for an unknown SKU and
     * {@code quantity} outside 1 to {@value Checkout#MAX_QUANTITY} (also in total); 422 {@code not-sellable} when
     * the SKU cannot be bought now, {@code cart-full} beyond {@value #MAX_ITEMS} SKUs.
     */
    @Transactional
    public CartView add(CustomerId customer, @Nullable SkuId skuId, long quantity) {
        Violations v = new Violations();
        v.check(skuId != null, "skuId", "is required");
        checkQuantity(v, quantity);
        v.throwIfAny();
        SkuRef sku = sellable(skuId);
        if (!carts.contains(customer.value(), skuId) && carts.count(customer.value()) >= MAX_ITEMS) {
            throw new BusinessRuleException("cart-full", "skuId",
                    "the cart already holds " + MAX_ITEMS + " different items");
        }
        if (carts.add(customer.value(), sku.id(), (int) quantity, Checkout.MAX_QUANTITY, support.now())
                == CartRepository.Added.TOO_MANY) {
            throw new io.shopops.shared.InvalidInputException("quantity",
                    "the cart would hold more than " + Checkout.MAX_QUANTITY + " of this item");
        }
        return cart(customer);
    }

    /** Sets how many units of a SKU in the cart (1 to {@value Checkout#MAX_QUANTITY}); 404 if it is not there. */
    @Transactional
    public CartView change(CustomerId customer, SkuId skuId, long quantity) {
        Violations v = new Violations();
        checkQuantity(v, quantity);
        v.throwIfAny();
        if (!carts.change(customer.value(), skuId, (int) quantity, support.now())) {
            throw NotFoundException.of("Cart item", skuId);
        }
        return cart(customer);
    }

    /** Takes a SKU out of the cart; 404 if it is not there. */
    @Transactional
    public CartView remove(CustomerId customer, SkuId skuId) {
        if (!carts.remove(customer.value(), skuId)) {
            throw NotFoundException.of("Cart item", skuId);
        }
        return cart(customer);
    }

    private SkuRef sellable(SkuId skuId) {
        Optional<SkuRef> sku = catalog.sku(skuId);
        if (sku.isEmpty()) {
            throw NotFoundException.reference("skuId", "SKU", skuId);
        }
        if (!sku.get().isSellable()) {
            throw new BusinessRuleException("not-sellable", "skuId",
                    "SKU " + sku.get().skuCode() + " is not on sale now");
        }
        return sku.get();
    }

    private static void checkQuantity(Violations v, long quantity) {
        if (quantity < 1) {
            v.add("quantity", "must be at least 1");
        } else if (quantity > Checkout.MAX_QUANTITY) {
            v.add("quantity", "must be at most " + Checkout.MAX_QUANTITY);
        }
    }
}
