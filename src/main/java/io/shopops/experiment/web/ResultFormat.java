package io.shopops.experiment.web;

import java.text.NumberFormat;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContextHolder;

/** How the results page writes rates, lifts and p-values ("–" where a figure is undefined). */
public final class ResultFormat {

    /** A rate or share as a percentage with two decimals: 0.2 → 20.00%. */
    public String percent(@Nullable Double value) {
        return value == null ? "–" : format(value * 100, 2) + "%";
    }

    /** A lift with its sign: 0.05 → +5.00%. */
    public String signedPercent(@Nullable Double value) {
        return value == null ? "–" : (value > 0 ? "+" : "") + format(value * 100, 2) + "%";
    }

    /** An interval of percentages: [17.64%, 22.59%]. */
    public String interval(@Nullable Double low, @Nullable Double high, boolean signed) {
        if (low == null || high == null) {
            return "–";
        }
        return "[" + (signed ? signedPercent(low) : percent(low)) + ", " + (signed ? signedPercent(high) : percent(high))
                + "]";
    }

    /** A p-value: four decimals, or "&lt; 0.0001". */
    public String p(@Nullable Double value) {
        if (value == null) {
            return "–";
        }
        return value < 0.0001 ? "< 0.0001" : format(value, 4);
    }

    public String number(@Nullable Double value, int decimals) {
        return value == null ? "–" : format(value, decimals);
    }

    private static String format(double value, int decimals) {
        Locale locale = LocaleContextHolder.getLocale();
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
        return format.format(value);
    }
}
