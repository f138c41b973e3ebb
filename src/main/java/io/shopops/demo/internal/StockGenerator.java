package io.shopops.demo.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import io.shopops.catalog.ProductStatus;
import io.shopops.catalog.SkuView;
import io.shopops.demo.internal.CatalogGenerator.PlannedProduct;
import io.shopops.inventory.Inventory;
import io.shopops.inventory.NewWarehouse;
import io.shopops.inventory.Receipt;
import io.shopops.inventory.WarehouseView;
import io.shopops.inventory.Warehouses;

import org.springframework.stereotype.Component;

/**
 * Opens three regional warehouses and receives stock for the SKUs: best sellers in every warehouse and in
 * depth, the long tail in one; a few SKUs never received (out of stock) and a few below their safety stock,
 * as in a real shop on a real day.
 */
@Component
public class StockGenerator {

    private static final List<NewWarehouse> WAREHOUSES = List.of(
            new NewWarehouse("SH01", "上海青浦仓", "华东", "上海市青浦区华新镇新府中路 1888 号"),
            new NewWarehouse("GZ01", "广州白云仓", "华南", "广州市白云区太和镇广从八路 66 号"),
            new NewWarehouse("BJ01", "北京大兴仓", "华北", "北京市大兴区经海路 9 号"));

    private final Warehouses warehouses;
    private final Inventory inventory;

    StockGenerator(Warehouses warehouses, Inventory inventory) {
        this.warehouses = warehouses;
        this.inventory = inventory;
    }

    public record Result(int warehouses, long units) {
    }

    public Result generate(RandomGenerator random, List<PlannedProduct> products) {
        List<WarehouseView> opened = new ArrayList<>();
        for (NewWarehouse warehouse : WAREHOUSES) {
            opened.add(warehouses.open(warehouse));
        }
        Zipf popularity = new Zipf(products.size(), 1.05);
        long units = 0;
        int receipt = 0;
        for (PlannedProduct planned : products) {
            if (planned.product().status() == ProductStatus.ARCHIVED) {
                continue;
            }
            double demand = Math.pow(popularity.relative(planned.popularityRank()), 0.55);
            int spread = planned.popularityRank() < products.size() / 5 ? 3
                    : planned.popularityRank() < products.size() / 2 ? 2 : 1;
            List<SkuView> skus = planned.product().skus();
            for (SkuView sku : skus) {
                double roll = random.nextDouble();
                int typical = (int) Math.round((20 + 1200 * demand / skus.size()) * (0.5 + random.nextDouble()));
                int safety = Math.clamp(Math.round(typical * 0.2f), 5, 150);
                inventory.setSafetyStock(sku.id(), safety);
                if (roll < 0.04) {
                    continue; // never received: out of stock
                }
                boolean running = roll < 0.12;
                int first = random.nextInt(opened.size());
                for (int w = 0; w < spread; w++) {
                    WarehouseView warehouse = opened.get((first + w) % opened.size());
                    int quantity = running ? 1 + random.nextInt(Math.max(1, safety / spread))
                            : Math.max(1, typical / spread + random.nextInt(Math.max(1, typical / 4)));
                    inventory.receive(new Receipt(sku.id(), warehouse.id(), quantity,
                            "PO-2026-%05d".formatted(++receipt), "demo shop opening stock"));
                    units += quantity;
                }
            }
        }
        return new Result(opened.size(), units);
    }
}
