package io.shopops.ordering;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.shopops.catalog.SkuId;
import io.shopops.inventory.WarehouseId;
import io.shopops.ordering.internal.Allocation;
import io.shopops.ordering.internal.AllocationStrategy.Line;
import io.shopops.ordering.internal.AllocationStrategy.Stock;
import io.shopops.ordering.internal.Regions;
import io.shopops.ordering.internal.RegionFirst;
import io.shopops.ordering.internal.SingleWarehouseFirst;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AllocationStrategyTests {

    static final SkuId SHIRT = new SkuId(1);
    static final SkuId MUG = new SkuId(2);
    static final WarehouseId SHANGHAI = new WarehouseId(10);
    static final WarehouseId GUANGZHOU = new WarehouseId(20);
    static final WarehouseId BEIJING = new WarehouseId(30);

    static Stock warehouse(WarehouseId id, String region, long shirts, long mugs) {
        return new Stock(id, Optional.of(region), Map.of(SHIRT, shirts, MUG, mugs));
    }

    final SingleWarehouseFirst single = new SingleWarehouseFirst();

    @Test
    void shipsInOneParcelFromTheDestinationsRegionWhenItHasEverything() {
        var plan = (Allocation.Planned) single.allocate(List.of(new Line(SHIRT, 2), new Line(MUG, 1)),
                List.of(warehouse(SHANGHAI, "华东", 5, 5), warehouse(GUANGZHOU, "华南", 50, 50)),
                Regions.ofProvince("广东省"));
        assertThat(plan.groups()).singleElement().satisfies(group -> {
            assertThat(group.warehouseId()).isEqualTo(GUANGZHOU);
            assertThat(group.quantities()).isEqualTo(Map.of(SHIRT, 2, MUG, 1));
        });
    }

    @Test
    void prefersOneParcelFromAfarToTwoParcelsFromNearby() {
        var plan = (Allocation.Planned) single.allocate(List.of(new Line(SHIRT, 2), new Line(MUG, 1)),
                List.of(warehouse(SHANGHAI, "华东", 5, 0), warehouse(BEIJING, "华北", 5, 5)),
                Regions.ofProvince("上海市"));
        assertThat(plan.groups()).singleElement().extracting(Allocation.Group::warehouseId).isEqualTo(BEIJING);
    }

    @Test
    void splitsWhenNoWarehouseHasEverythingAndRefusesWhatNobodyHas() {
        var plan = (Allocation.Planned) single.allocate(List.of(new Line(SHIRT, 2), new Line(MUG, 1)),
                List.of(warehouse(SHANGHAI, "华东", 5, 0), warehouse(BEIJING, "华北", 0, 5)),
                Regions.ofProvince("上海市"));
        assertThat(plan.groups()).hasSize(2);
        var refused = (Allocation.Refused) single.allocate(List.of(new Line(SHIRT, 2), new Line(MUG, 9)),
                List.of(warehouse(SHANGHAI, "华东", 5, 3), warehouse(BEIJING, "华北", 0, 5)), Optional.empty());
        assertThat(refused.lineIndex()).isEqualTo(1);
        assertThat(refused.available()).isEqualTo(8);
    }

    @Test
    void splitsOneLineAcrossWarehousesWhenNoneHoldsEnough() {
        var plan = (Allocation.Planned) single.allocate(List.of(new Line(SHIRT, 8)),
                List.of(warehouse(SHANGHAI, "华东", 5, 0), warehouse(BEIJING, "华北", 4, 0)), Optional.of("华东"));
        assertThat(plan.groups()).extracting(g -> g.quantities().get(SHIRT)).containsExactly(5, 3);
    }

    @Test
    void regionFirstServesEachLineFromTheNearestWarehouseWithStock() {
        var plan = (Allocation.Planned) new RegionFirst().allocate(List.of(new Line(SHIRT, 1), new Line(MUG, 1)),
                List.of(warehouse(SHANGHAI, "华东", 5, 0), warehouse(BEIJING, "华北", 5, 5)),
                Regions.ofProvince("江苏省"));
        assertThat(plan.groups()).extracting(Allocation.Group::warehouseId).containsExactly(SHANGHAI, BEIJING);
    }

    @Test
    void knowsTheRegionsOfProvincesWhateverTheirSuffix() {
        assertThat(Regions.ofProvince("新疆维吾尔自治区")).contains("西北");
        assertThat(Regions.ofProvince("北京市")).contains("华北");
        assertThat(Regions.ofProvince("黑龙江省")).contains("东北");
        assertThat(Regions.ofProvince("Atlantis")).isEmpty();
    }
}
