package io.shopops.inventory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import io.shopops.catalog.Catalog;
import io.shopops.catalog.Categories;
import io.shopops.catalog.CategoryView;
import io.shopops.catalog.NewCategory;
import io.shopops.catalog.NewProduct;
import io.shopops.catalog.NewSku;
import io.shopops.catalog.ProductView;
import io.shopops.catalog.SkuId;
import io.shopops.catalog.SkuView;
import io.shopops.catalog.SpecAttribute;

/** SKUs (through the catalog's facades), warehouses and stock (through the inventory's) with unique codes. */
public class InventoryFixtures {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private final Catalog catalog;
    private final Categories categories;
    private final Warehouses warehouses;
    private final Inventory inventory;
    private volatile CategoryView category;

    InventoryFixtures(Catalog catalog, Categories categories, Warehouses warehouses, Inventory inventory) {
        this.catalog = catalog;
        this.categories = categories;
        this.warehouses = warehouses;
        this.inventory = inventory;
    }

    public static String unique(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet();
    }

    /** A SKU with a cost price of 12.34. */
    public SkuView sku() {
        return skus(1, new BigDecimal("12.34")).getFirst();
    }

    public SkuView sku(BigDecimal costPrice) {
        return skus(1, costPrice).getFirst();
    }

    /** Many SKUs, made 200 to a product (the catalog's limit). */
    public List<SkuView> skus(int count, BigDecimal costPrice) {
        List<SkuView> skus = new ArrayList<>();
        while (skus.size() < count) {
            int size = Math.min(200, count - skus.size());
            String spu = unique("SPU");
            List<NewSku> newSkus = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                newSkus.add(new NewSku(spu + "-" + i, List.of(new SpecAttribute("尺码", "S" + i)),
                        costPrice.add(BigDecimal.TEN), costPrice.add(BigDecimal.ONE), costPrice, null, null));
            }
            ProductView product = catalog.createProduct(new NewProduct(spu, "库存测试商品 " + spu, "Stock test " + spu,
                    null, null, category().id(), null, List.of(), Set.of(), newSkus));
            skus.addAll(product.skus());
        }
        return skus;
    }

    public WarehouseView warehouse() {
        return warehouses.open(new NewWarehouse(unique("WH"), "测试仓", "华东", "上海市浦东新区"));
    }

    public void stock(SkuId sku, WarehouseId warehouse, int quantity) {
        inventory.receive(new Receipt(sku, warehouse, quantity, null, null));
    }

    private CategoryView category() {
        if (category == null) {
            synchronized (this) {
                if (category == null) {
                    String code = unique("inv-cat");
                    category = categories.create(new NewCategory(code, "库存测试", "Inventory tests", null, 0));
                }
            }
        }
        return category;
    }
}
