package io.shopops.catalog;

import java.util.List;

/** The products a bulk status change moved, all to {@code status}: it changes all of them or none. */
public record BulkStatusResult(ProductStatus status, List<ProductId> changed) {

    public BulkStatusResult {
        changed = List.copyOf(changed);
    }
}
