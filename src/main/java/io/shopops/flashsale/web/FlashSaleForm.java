package io.shopops.flashsale.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import io.shopops.catalog.SkuId;
import io.shopops.catalog.SkuRef;
import io.shopops.flashsale.FlashSaleView;
import io.shopops.flashsale.FlashSales;
import io.shopops.flashsale.NewFlashSale;
import org.jspecify.annotations.Nullable;

/**
 * The console's session editor as the browser posts it: every field as typed (so a refused form comes back as it
 * was sent), times as {@code datetime-local} in the shop's zone, SKU rows as {@code items[i].sku} (the SKU code)
 * and so on. Rows left empty are dropped before anything is checked, so the rows shown again and the facade's
 * {@code items[i]} fields line up.
 */
record FlashSaleForm(@Nullable String name, @Nullable String startsAt, @Nullable String endsAt,
        @Nullable String payWindowMinutes, @Nullable List<ItemForm> items, @Nullable Long version) {

    record ItemForm(@Nullable String sku, @Nullable String flashPrice, @Nullable String quota,
            @Nullable String perCustomerLimit, @Nullable String belowCostAllowed) {

        static ItemForm blank() {
            return new ItemForm("", "", "", "1", null);
        }

        boolean isBlank() {
            return List.of(Objects.toString(sku, ""), Objects.toString(flashPrice, ""), Objects.toString(quota, ""))
                    .stream().allMatch(String::isBlank);
        }

        public boolean belowCost() {
            return belowCostAllowed != null && !belowCostAllowed.isBlank() && !belowCostAllowed.equals("false");
        }
    }

    static FlashSaleForm empty(String startsAt, String endsAt) {
        return new FlashSaleForm("", startsAt, endsAt, Integer.toString(FlashSales.DEFAULT_PAY_WINDOW),
                List.of(ItemForm.blank()), null);
    }

    static FlashSaleForm of(FlashSaleView sale, Function<Instant, String> inputTime) {
        return new FlashSaleForm(sale.name(), inputTime.apply(sale.startsAt()), inputTime.apply(sale.endsAt()),
                Integer.toString(sale.payWindowMinutes()), sale.items().stream()
                        .map(i -> new ItemForm(i.skuCode(), i.flashPrice().amount().toPlainString(),
                                Integer.toString(i.figures().quota()), Integer.toString(i.perCustomerLimit()),
                                i.belowCostAllowed() ? "true" : null))
                        .toList(), sale.version());
    }

    /** The rows to show and to send: as posted, blank ones dropped, at least one. */
    List<ItemForm> rows() {
        List<ItemForm> rows = new ArrayList<>();
        if (items != null) {
            items.stream().filter(i -> i != null && !i.isBlank()).forEach(rows::add);
        }
        if (rows.isEmpty()) {
            rows.add(ItemForm.blank());
        }
        return rows;
    }

    FlashSaleForm compacted() {
        return new FlashSaleForm(name, startsAt, endsAt, payWindowMinutes, rows(), version);
    }

    /**
     * The session to send to the facade; text that is not a value of its type, and SKU codes the catalog does not
     * know, are put in {@code errors} under the facade's field names ({@code items[0].skuId}).
     */
    NewFlashSale sale(ZoneId zone, Function<String, @Nullable SkuRef> skuByCode, Map<String, String> errors,
            Function<String, String> text) {
        List<NewFlashSale.Item> parsed = new ArrayList<>();
        List<ItemForm> rows = items == null ? List.of() : rows();
        for (int i = 0; i < rows.size(); i++) {
            ItemForm row = rows.get(i);
            String at = "items[" + i + "].";
            SkuId sku = null;
            if (row.sku() != null && !row.sku().isBlank()) {
                SkuRef ref = skuByCode.apply(row.sku().trim());
                if (ref == null) {
                    errors.put(at + "skuId", text.apply("flashsale.form.unknownSku"));
                } else {
                    sku = ref.id();
                }
            }
            Long quota = whole(row.quota(), at + "quota", errors, text);
            Long limit = whole(row.perCustomerLimit(), at + "perCustomerLimit", errors, text);
            parsed.add(new NewFlashSale.Item(sku, decimal(row.flashPrice(), at + "flashPrice", errors, text), quota,
                    limit == null ? null : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, limit)),
                    row.belowCost()));
        }
        Long window = whole(payWindowMinutes, "payWindowMinutes", errors, text);
        return new NewFlashSale(name, time(startsAt, zone, "startsAt", errors, text),
                time(endsAt, zone, "endsAt", errors, text),
                window == null ? null : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, window)),
                parsed);
    }

    private static @Nullable Instant time(@Nullable String value, ZoneId zone, String field,
            Map<String, String> errors, Function<String, String> text) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.trim()).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            errors.put(field, text.apply("flashsale.form.time"));
            return null;
        }
    }

    private static @Nullable Long whole(@Nullable String value, String field, Map<String, String> errors,
            Function<String, String> text) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            errors.put(field, text.apply("flashsale.form.number"));
            return null;
        }
    }

    private static @Nullable BigDecimal decimal(@Nullable String value, String field, Map<String, String> errors,
            Function<String, String> text) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(value.trim());
            if (amount.abs().compareTo(new BigDecimal("1e12")) > 0) {
                errors.put(field, text.apply("flashsale.form.amount"));
                return null;
            }
            return amount;
        } catch (NumberFormatException e) {
            errors.put(field, text.apply("flashsale.form.amount"));
            return null;
        }
    }
}
