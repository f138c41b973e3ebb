package io.shopops.catalog.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.shopops.catalog.BrandId;
import io.shopops.catalog.BrandView;
import io.shopops.catalog.CategoryId;
import io.shopops.catalog.CategoryView;
import io.shopops.catalog.ProductId;
import io.shopops.catalog.ProductView;
import io.shopops.catalog.SkuView;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

/**
 * Writes products as CSV in the import's columns, one row per SKU, as UTF-8 with a byte order mark (so that
 * Excel reads the Chinese right) and CRLF line ends. Products are loaded and written a batch at a time, so
 * an export of the whole catalog streams in bounded memory.
 */
public final class ProductCsvExport {

    private static final int BATCH = 200;

    private ProductCsvExport() {
    }

    public static void write(OutputStream out, List<ProductId> ids,
            Function<Collection<ProductId>, Map<ProductId, ProductView>> loader, List<CategoryView> categories,
            List<BrandView> brands) throws IOException {
        Map<CategoryId, String> categoryCodes = categories.stream()
                .collect(Collectors.toMap(CategoryView::id, CategoryView::code));
        Map<BrandId, String> brandCodes = brands.stream().collect(Collectors.toMap(BrandView::id, BrandView::code));
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        writer.write('\uFEFF');
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get());
        printer.printRecord(ProductCsv.COLUMNS);
        for (List<ProductId> batch : split(ids)) {
            for (ProductView product : loader.apply(batch).values()) {
                for (SkuView sku : product.skus()) {
                    printer.printRecord(row(product, sku, categoryCodes.get(product.categoryId()),
                            product.brandId() == null ? "" : brandCodes.getOrDefault(product.brandId(), "")));
                }
            }
            printer.flush();
        }
        printer.flush();
    }

    private static List<List<ProductId>> split(List<ProductId> ids) {
        List<List<ProductId>> parts = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += BATCH) {
            parts.add(ids.subList(from, Math.min(ids.size(), from + BATCH)));
        }
        return parts;
    }

    private static List<String> row(ProductView product, SkuView sku, String categoryCode, String brandCode) {
        List<String> cells = new ArrayList<>(ProductCsv.COLUMNS.size());
        for (String column : ProductCsv.COLUMNS) {
            String value = switch (column) {
                case ProductCsv.SPU_CODE -> product.spuCode();
                case ProductCsv.TITLE -> product.title();
                case ProductCsv.TITLE_EN -> orEmpty(product.titleEn());
                case ProductCsv.SUBTITLE -> orEmpty(product.subtitle());
                case ProductCsv.CATEGORY_CODE -> categoryCode;
                case ProductCsv.BRAND_CODE -> brandCode;
                case ProductCsv.TAGS -> ProductCsv.list(product.tags());
                case ProductCsv.IMAGE_URLS -> ProductCsv.list(product.imageUrls());
                case ProductCsv.DESCRIPTION -> orEmpty(product.description());
                case ProductCsv.SKU_CODE -> sku.skuCode();
                case ProductCsv.SPEC -> ProductCsv.spec(sku.attributes());
                case ProductCsv.LIST_PRICE -> sku.listPrice().amount().toPlainString();
                case ProductCsv.SALE_PRICE -> sku.salePrice().amount().toPlainString();
                case ProductCsv.COST_PRICE -> sku.costPrice().amount().toPlainString();
                case ProductCsv.BARCODE -> orEmpty(sku.barcode());
                case ProductCsv.WEIGHT_GRAMS -> sku.weightGrams() == null ? "" : sku.weightGrams().toString();
                case ProductCsv.STATUS -> product.status().name();
                default -> throw new IllegalStateException("No value for column " + column);
            };
            cells.add(ProductCsv.neutralise(column, value));
        }
        return cells;
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }
}
