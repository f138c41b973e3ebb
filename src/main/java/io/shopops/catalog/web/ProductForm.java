package io.shopops.catalog.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.shopops.catalog.BrandId;
import io.shopops.catalog.CategoryId;
import io.shopops.catalog.NewProduct;
import io.shopops.catalog.NewSku;
import io.shopops.catalog.ProductChanges;
import io.shopops.catalog.ProductView;
import io.shopops.catalog.SkuView;
import io.shopops.catalog.SpecAttribute;
import io.shopops.shared.FieldViolation;
import org.jspecify.annotations.Nullable;

/**
 * The console's product form as the browser posts it: every field as typed (so a refused form comes back as
 * it was sent), SKU rows as {@code skus[i].skuCode} and so on, images one URL per line, tags separated by
 * commas, a SKU's spec as {@code 颜色:红|尺码:M}. Rows left empty are ignored.
 */
record ProductForm(@Nullable String spuCode, @Nullable String title, @Nullable String titleEn,
        @Nullable String subtitle, @Nullable String description, @Nullable String categoryId,
        @Nullable String brandId, @Nullable String imageUrls, @Nullable String tags, @Nullable List<SkuForm> skus,
        @Nullable Long version) {

    private static final Pattern SKU_FIELD = Pattern.compile("^skus\\[(\\d+)](.*)$");

    record SkuForm(@Nullable Long id, @Nullable String skuCode, @Nullable String attributes,
            @Nullable String listPrice, @Nullable String salePrice, @Nullable String costPrice,
            @Nullable String barcode, @Nullable String weightGrams) {

        static SkuForm blank() {
            return new SkuForm(null, "", "", "", "", "", "", "");
        }

        static SkuForm of(SkuView sku) {
            return new SkuForm(sku.id().value(), sku.skuCode(), SpecAttribute.format(sku.attributes()),
                    sku.listPrice().amount().toPlainString(), sku.salePrice().amount().toPlainString(),
                    sku.costPrice().amount().toPlainString(), sku.barcode() == null ? "" : sku.barcode(),
                    sku.weightGrams() == null ? "" : sku.weightGrams().toString());
        }

        public boolean isBlank() {
            return Arrays.asList(skuCode, attributes, listPrice, salePrice, costPrice, barcode, weightGrams).stream()
                    .allMatch(value -> value == null || value.isBlank());
        }

        /** Whether the row shows a SKU the product already has (its code can no longer be changed here). */
        public boolean isStored() {
            return id != null;
        }
    }

    static ProductForm empty() {
        return new ProductForm("", "", "", "", "", "", "", "", "", List.of(SkuForm.blank()), null);
    }

    static ProductForm of(ProductView product) {
        return new ProductForm(product.spuCode(), product.title(), orEmpty(product.titleEn()),
                orEmpty(product.subtitle()), orEmpty(product.description()), product.categoryId().toString(),
                product.brandId() == null ? "" : product.brandId().toString(), String.join("\n", product.imageUrls()),
                String.join(", ", product.tags()), product.skus().stream().map(SkuForm::of).toList(), product.version());
    }

    /** The SKU rows to show: as posted (gaps left by removed rows closed), at least one. */
    List<SkuForm> rows() {
        List<SkuForm> rows = new ArrayList<>();
        if (skus != null) {
            skus.stream().filter(java.util.Objects::nonNull).forEach(rows::add);
        }
        if (rows.isEmpty()) {
            rows.add(SkuForm.blank());
        }
        return rows;
    }

    /**
     * The form read into the catalog's terms. Values that cannot be read (a price that is not a number) are
     * reported by field, as the facade names them, and nothing is sent to it.
     */
    Parsed parse() {
        List<FieldViolation> problems = new ArrayList<>();
        List<SkuForm> rows = rows();
        List<NewSku> parsedSkus = new ArrayList<>();
        List<Integer> rowIndexes = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            SkuForm row = rows.get(i);
            if (row.isBlank()) {
                continue;
            }
            String at = "skus[" + i + "].";
            List<SpecAttribute> attributes = SpecAttribute.parse(orEmpty(row.attributes())).orElse(null);
            if (attributes == null) {
                problems.add(new FieldViolation(at + "attributes", SpecAttribute.TEXT_FORMAT));
                attributes = List.of();
            }
            parsedSkus.add(new NewSku(orEmpty(row.skuCode()), attributes, amount(row.listPrice(), at + "listPrice", problems),
                    amount(row.salePrice(), at + "salePrice", problems), amount(row.costPrice(), at + "costPrice", problems),
                    blankToNull(row.barcode()), grams(row.weightGrams(), at + "weightGrams", problems)));
            rowIndexes.add(i);
        }
        CategoryId category = id(categoryId, "categoryId", problems, CategoryId::new);
        BrandId brand = id(brandId, "brandId", problems, BrandId::new);
        List<String> images = orEmpty(imageUrls).lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        Set<String> tagSet = new LinkedHashSet<>();
        for (String tag : orEmpty(tags).split("[,，\\n]")) {
            if (!tag.isBlank()) {
                tagSet.add(tag.strip());
            }
        }
        return new Parsed(new NewProduct(orEmpty(spuCode), orEmpty(title), blankToNull(titleEn), blankToNull(subtitle),
                blankToNull(description), category, brand, images, tagSet, parsedSkus), problems, rowIndexes);
    }

    /** A parsed form, with the form row of each SKU sent so that refusals can be shown at the right row. */
    record Parsed(NewProduct product, List<FieldViolation> problems, List<Integer> rowIndexes) {

        ProductChanges changes() {
            return new ProductChanges(product.title(), product.titleEn(), product.subtitle(), product.description(),
                    product.categoryId(), product.brandId(), product.imageUrls(), product.tags(), product.skus());
        }

        /** A refusal's fields as the form names them: {@code skus[j]} of the SKUs sent is the form's row. */
        String formField(String field) {
            Matcher sku = SKU_FIELD.matcher(field);
            if (sku.matches()) {
                int sent = Integer.parseInt(sku.group(1));
                if (sent < rowIndexes.size()) {
                    return "skus[" + rowIndexes.get(sent) + "]" + sku.group(2);
                }
            }
            return field;
        }
    }

    /** Translated reasons by form field, for the template. */
    static Map<String, String> errors(List<FieldViolation> violations, java.util.function.UnaryOperator<String> field,
            java.util.function.UnaryOperator<String> text) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldViolation violation : violations) {
            errors.merge(field.apply(violation.field()), text.apply(violation.reason()), (a, b) -> a + "; " + b);
        }
        return errors;
    }

    private static @Nullable BigDecimal amount(@Nullable String text, String field, List<FieldViolation> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException notANumber) {
            problems.add(new FieldViolation(field, "must be a number"));
            return null;
        }
    }

    private static @Nullable Integer grams(@Nullable String text, String field, List<FieldViolation> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException notANumber) {
            problems.add(new FieldViolation(field, "must be a whole number"));
            return null;
        }
    }

    private static <T> @Nullable T id(@Nullable String text, String field, List<FieldViolation> problems,
            java.util.function.LongFunction<T> type) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return type.apply(Long.parseLong(text.strip()));
        } catch (NumberFormatException notANumber) {
            problems.add(new FieldViolation(field, "must be a whole number"));
            return null;
        }
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
