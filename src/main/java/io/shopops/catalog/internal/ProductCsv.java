package io.shopops.catalog.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.shopops.catalog.SpecAttribute;
import org.jspecify.annotations.Nullable;

/**
 * The CSV form of products, one row per SKU, shared by the import and the export so that an exported file
 * can be edited in a spreadsheet and imported again. Lists inside a cell are separated by {@code |}; a spec
 * is written {@code 颜色:红|尺码:M}.
 *
 * <p>Spreadsheets run a cell starting with {@code = + - @} as a formula, so the export writes such cells
 * with a leading {@code '} (OWASP's advice against CSV injection), and the import takes one such
 * {@code '} off again. A text that itself starts with {@code '} before one of those characters gets one more,
 * so every text survives the round trip. The price columns are numbers and are written as they are.
 */
public final class ProductCsv {

    public static final String SPU_CODE = "spu_code";
    public static final String TITLE = "title";
    public static final String TITLE_EN = "title_en";
    public static final String SUBTITLE = "subtitle";
    public static final String CATEGORY_CODE = "category_code";
    public static final String BRAND_CODE = "brand_code";
    public static final String TAGS = "tags";
    public static final String IMAGE_URLS = "image_urls";
    public static final String DESCRIPTION = "description";
    public static final String SKU_CODE = "sku_code";
    public static final String SPEC = "spec";
    public static final String LIST_PRICE = "list_price";
    public static final String SALE_PRICE = "sale_price";
    public static final String COST_PRICE = "cost_price";
    public static final String BARCODE = "barcode";
    public static final String WEIGHT_GRAMS = "weight_grams";
    public static final String STATUS = "status";

    /** Every column, in the order the export writes them. */
    public static final List<String> COLUMNS = List.of(SPU_CODE, TITLE, TITLE_EN, SUBTITLE, CATEGORY_CODE, BRAND_CODE,
            TAGS, IMAGE_URLS, DESCRIPTION, SKU_CODE, SPEC, LIST_PRICE, SALE_PRICE, COST_PRICE, BARCODE, WEIGHT_GRAMS,
            STATUS);

    /** Columns that describe the product rather than the SKU: all rows of one product must agree on them. */
    public static final List<String> PRODUCT_COLUMNS = List.of(TITLE, TITLE_EN, SUBTITLE, CATEGORY_CODE, BRAND_CODE,
            TAGS, IMAGE_URLS, DESCRIPTION, STATUS);

    /** A file may leave out the status column (new products are then drafts, existing ones keep theirs). */
    public static final Set<String> OPTIONAL_COLUMNS = Set.of(STATUS);

    private static final Set<String> NUMBER_COLUMNS = Set.of(LIST_PRICE, SALE_PRICE, COST_PRICE);
    private static final Pattern FORMULA = Pattern.compile("^'*[=+\\-@].*", Pattern.DOTALL);
    private static final Pattern NEUTRALISED = Pattern.compile("^'+[=+\\-@].*", Pattern.DOTALL);

    private ProductCsv() {
    }

    /** The cell as the export writes it: text a spreadsheet would run as a formula gets a leading {@code '}. */
    public static String neutralise(String column, String value) {
        if (NUMBER_COLUMNS.contains(column) || !FORMULA.matcher(value).matches()) {
            return value;
        }
        return "'" + value;
    }

    /** The cell as the import reads it: trimmed, with the export's leading {@code '} taken off. */
    public static String restore(String value) {
        String trimmed = value.strip();
        return NEUTRALISED.matcher(trimmed).matches() ? trimmed.substring(1) : trimmed;
    }

    public static String list(Collection<String> values) {
        return String.join("|", values);
    }

    /** The parts of a {@code |}-separated cell, trimmed, without empty ones. */
    public static List<String> parts(@Nullable String cell) {
        List<String> parts = new ArrayList<>();
        if (cell == null || cell.isBlank()) {
            return parts;
        }
        for (String part : cell.split("\\|", -1)) {
            if (!part.isBlank()) {
                parts.add(part.strip());
            }
        }
        return parts;
    }

    public static String spec(List<SpecAttribute> attributes) {
        return SpecAttribute.format(attributes);
    }

    /** Reads a spec cell; {@code null} when a part is not a {@code name:value} pair. */
    public static @Nullable List<SpecAttribute> parseSpec(String cell) {
        return SpecAttribute.parse(cell).orElse(null);
    }
}
