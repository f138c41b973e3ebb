package io.shopops.experiment;

import java.math.BigDecimal;

/** A variant of an experiment: its key, name, weight in percent of the included units, and whether it is the control. */
public record VariantView(String key, String name, BigDecimal weight, boolean control) {
}
