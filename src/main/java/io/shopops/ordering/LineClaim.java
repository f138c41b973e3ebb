package io.shopops.ordering;

import io.shopops.shared.Money;

/** Money and units an after-sales request claims back from one order line (either may be zero, not both). */
public record LineClaim(int lineNo, Money amount, int quantity) {
}
