package io.shopops.groupbuy;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * The bargain monitor's figures (definitions in docs/metrics.md): bargains by status, how many reached their floor,
 * the completion rate (purchased ÷ ended, none before one ended) and the average number of cuts per bargain.
 */
public record BargainFigures(long active, long purchased, long expired, long floorReached,
        @Nullable BigDecimal completionRate, @Nullable BigDecimal averageCuts) {
}
