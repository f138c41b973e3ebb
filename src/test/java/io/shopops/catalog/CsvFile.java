package io.shopops.catalog;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Product CSV files for tests, written row by row: every row starts from a valid SKU row of one product and
 * changes only the cells a test is about. Cells are quoted, so any text can be put in.
 */
final class CsvFile {

    static final List<String> COLUMNS = List.of("spu_code", "title", "title_en", "subtitle", "category_code",
            "brand_code", "tags", "image_urls", "description", "sku_code", "spec", "list_price", "sale_price",
            "cost_price", "barcode", "weight_grams", "status");

    private final List<String> header;
    private final List<Map<String, String>> rows = new ArrayList<>();

    private CsvFile(List<String> header) {
        this.header = header;
    }

    static CsvFile withAllColumns() {
        return new CsvFile(COLUMNS);
    }

    static CsvFile withHeader(List<String> header) {
        return new CsvFile(header);
    }

    /** A valid row: SKU {@code skuCode} of product {@code spuCode} in the category, 颜色 = the SKU code. */
    static Map<String, String> row(String spuCode, String skuCode, String categoryCode) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("spu_code", spuCode);
        row.put("title", "导入商品 " + spuCode);
        row.put("title_en", "Imported " + spuCode);
        row.put("subtitle", "");
        row.put("category_code", categoryCode);
        row.put("brand_code", "");
        row.put("tags", "新品|夏季");
        row.put("image_urls", "https://img.example.com/" + spuCode + "/1.jpg|https://img.example.com/" + spuCode + "/2.jpg");
        row.put("description", "");
        row.put("sku_code", skuCode);
        row.put("spec", "颜色:" + skuCode + "|尺码:M");
        row.put("list_price", "199.00");
        row.put("sale_price", "149.50");
        row.put("cost_price", "60");
        row.put("barcode", "");
        row.put("weight_grams", "300");
        row.put("status", "");
        return row;
    }

    CsvFile add(Map<String, String> row) {
        rows.add(row);
        return this;
    }

    CsvFile add(String spuCode, String skuCode, String categoryCode, String... changes) {
        Map<String, String> row = row(spuCode, skuCode, categoryCode);
        for (int i = 0; i + 1 < changes.length; i += 2) {
            row.put(changes[i], changes[i + 1]);
        }
        return add(row);
    }

    String text() {
        StringBuilder text = new StringBuilder(String.join(",", header)).append("\r\n");
        for (Map<String, String> row : rows) {
            List<String> cells = new ArrayList<>();
            for (String column : header) {
                cells.add("\"" + row.getOrDefault(column, "").replace("\"", "\"\"") + "\"");
            }
            text.append(String.join(",", cells)).append("\r\n");
        }
        return text.toString();
    }

    byte[] bytes() {
        return text().getBytes(StandardCharsets.UTF_8);
    }

    InputStream stream() {
        return new ByteArrayInputStream(bytes());
    }

    static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
