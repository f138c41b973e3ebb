package io.shopops.catalog;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a product is in its life: prepared (DRAFT), for sale (ON_SHELF, 上架), withdrawn (OFF_SHELF, 下架),
 * or retired for good (ARCHIVED). The allowed moves are DRAFT → ON_SHELF ⇄ OFF_SHELF → ARCHIVED, and a
 * draft that will never sell may be archived directly. Anything else is refused.
 */
public enum ProductStatus {

    DRAFT, ON_SHELF, OFF_SHELF, ARCHIVED;

    public Set<ProductStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(ON_SHELF, ARCHIVED);
            case ON_SHELF -> EnumSet.of(OFF_SHELF);
            case OFF_SHELF -> EnumSet.of(ON_SHELF, ARCHIVED);
            case ARCHIVED -> EnumSet.noneOf(ProductStatus.class);
        };
    }

    public boolean canMoveTo(ProductStatus target) {
        return next().contains(target);
    }

    /** Whether product data may still be edited; archived products are kept only for history. */
    public boolean isEditable() {
        return this != ARCHIVED;
    }
}
