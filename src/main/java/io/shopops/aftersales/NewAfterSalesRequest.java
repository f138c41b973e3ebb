package io.shopops.aftersales;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A customer's after-sales request on one order.
 *
 * @param evidenceUrls photos or videos the customer uploaded elsewhere (http/https, at most 9)
 * @param lines        the order lines concerned: units to send back (required for a return) and, optionally, the
 *                     amount asked back (by default the line's paid share for those units; at most what is left)
 */
public record NewAfterSalesRequest(@Nullable AfterSalesKind kind, @Nullable AfterSalesReason reason,
        @Nullable String description, @Nullable List<String> evidenceUrls, @Nullable List<Line> lines) {

    public record Line(@Nullable Integer lineNo, @Nullable Integer quantity, @Nullable BigDecimal amount) {
    }
}
