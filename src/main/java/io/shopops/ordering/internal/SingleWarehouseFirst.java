package io.shopops.ordering.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.shopops.catalog.SkuId;

/**
 * One parcel when possible: the warehouse that can ship every line, preferring the destination's region and
 * then the most stock; otherwise each line goes to a warehouse of its own choice, preferring the region, then
 * a warehouse already chosen for another line, then the most stock (fewest parcels, shortest distance). A line
 * is split across warehouses only when no single one holds enough.
 */
public class SingleWarehouseFirst implements AllocationStrategy {

    @Override
    public String name() {
        return "single-warehouse-first";
    }

    @Override
    public Allocation allocate(List<Line> lines, List<Stock> warehouses, Optional<String> destinationRegion) {
        Comparator<Stock> nearestThenDeepest = Comparator
                .comparing((Stock w) -> !sameRegion(w, destinationRegion))
                .thenComparing(w -> -total(w, lines))
                .thenComparing(w -> w.warehouseId().value());
        Optional<Stock> whole = warehouses.stream()
                .filter(w -> lines.stream().allMatch(line -> w.of(line.skuId()) >= line.quantity()))
                .min(nearestThenDeepest);
        if (whole.isPresent()) {
            Map<SkuId, Integer> all = new LinkedHashMap<>();
            lines.forEach(line -> all.merge(line.skuId(), line.quantity(), Integer::sum));
            return new Allocation.Planned(List.of(new Allocation.Group(whole.get().warehouseId(), all)));
        }
        return split(lines, warehouses, destinationRegion);
    }

    static Allocation split(List<Line> lines, List<Stock> warehouses, Optional<String> destinationRegion) {
        Map<io.shopops.inventory.WarehouseId, Map<SkuId, Integer>> plan = new LinkedHashMap<>();
        Map<io.shopops.inventory.WarehouseId, Map<SkuId, Long>> left = new LinkedHashMap<>();
        warehouses.forEach(w -> left.put(w.warehouseId(), new LinkedHashMap<>(w.available())));
        for (int index = 0; index < lines.size(); index++) {
            Line line = lines.get(index);
            int needed = line.quantity();
            List<Stock> order = new ArrayList<>(warehouses);
            order.sort(Comparator
                    .comparing((Stock w) -> left.get(w.warehouseId()).getOrDefault(line.skuId(), 0L) < line.quantity())
                    .thenComparing(w -> !sameRegion(w, destinationRegion))
                    .thenComparing(w -> !plan.containsKey(w.warehouseId()))
                    .thenComparing(w -> -left.get(w.warehouseId()).getOrDefault(line.skuId(), 0L))
                    .thenComparing(w -> w.warehouseId().value()));
            for (Stock warehouse : order) {
                long available = left.get(warehouse.warehouseId()).getOrDefault(line.skuId(), 0L);
                int take = (int) Math.min(available, needed);
                if (take <= 0) {
                    continue;
                }
                plan.computeIfAbsent(warehouse.warehouseId(), w -> new LinkedHashMap<>())
                        .merge(line.skuId(), take, Integer::sum);
                left.get(warehouse.warehouseId()).merge(line.skuId(), (long) -take, Long::sum);
                needed -= take;
                if (needed == 0) {
                    break;
                }
            }
            if (needed > 0) {
                long available = warehouses.stream().mapToLong(w -> w.of(line.skuId())).sum();
                return new Allocation.Refused(index, available);
            }
        }
        List<Allocation.Group> groups = new ArrayList<>();
        plan.forEach((warehouse, quantities) -> groups.add(new Allocation.Group(warehouse, quantities)));
        return new Allocation.Planned(groups);
    }

    private static boolean sameRegion(Stock warehouse, Optional<String> destination) {
        return destination.isPresent() && warehouse.region().equals(destination);
    }

    private static long total(Stock warehouse, List<Line> lines) {
        return lines.stream().mapToLong(line -> Math.min(warehouse.of(line.skuId()), line.quantity())).sum();
    }
}
