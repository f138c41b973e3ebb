package io.shopops.inventory;

import java.util.List;

/** What a stock operation wrote: its ledger entries and the stock levels after it. */
public record StockChange(List<MovementView> movements, List<StockLevel> levels) {

    public StockChange {
        movements = List.copyOf(movements);
        levels = List.copyOf(levels);
    }
}
