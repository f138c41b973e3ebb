package io.shopops.catalog;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.shopops.shared.FieldViolation;
import io.shopops.shared.InvalidInputException;
import io.shopops.shared.PageQuery;
import io.shopops.testing.PostgresTest;
import io.shopops.testing.ShopOpsTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static io.shopops.catalog.CatalogFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

/** Importing and exporting products as CSV, on H2 and on PostgreSQL. */
class CatalogCsvContractTests {

    abstract static class Contract {

        @Autowired
        Catalog catalog;
        @Autowired
        ProductSearch search;
        @Autowired
        CatalogFixtures fixtures;

        // --- import -------------------------------------------------------------------------------------------

        @Test
        void createsTheProductsOfAFileWithTheirSkus() {
            CategoryView category = fixtures.category();
            BrandView brand = fixtures.brand();
            String dress = unique("DRESS");
            String shirt = unique("SHIRT");
            CsvFile file = CsvFile.withAllColumns()
                    .add(dress, dress + "-R", category.code(), "brand_code", brand.code(), "description", "第一行\n第二行, \"引号\"")
                    .add(dress, dress + "-B", category.code(), "brand_code", brand.code(), "description", "第一行\n第二行, \"引号\"",
                            "sale_price", "199", "barcode", "6901234567892", "weight_grams", "")
                    .add(shirt, shirt + "-1", category.code(), "status", "ON_SHELF", "tags", "", "image_urls", "");

            ImportSummary summary = catalog.importProducts(file.stream(), false);

            assertThat(summary).isEqualTo(new ImportSummary(false, 3, 2, 0, 0, 3, 0, 0));
            ProductView imported = product(dress);
            assertThat(imported.title()).isEqualTo("导入商品 " + dress);
            assertThat(imported.titleEn()).isEqualTo("Imported " + dress);
            assertThat(imported.categoryId()).isEqualTo(category.id());
            assertThat(imported.brandId()).isEqualTo(brand.id());
            assertThat(imported.status()).isEqualTo(ProductStatus.DRAFT);
            assertThat(imported.tags()).containsExactlyInAnyOrder("新品", "夏季");
            assertThat(imported.imageUrls()).containsExactly("https://img.example.com/" + dress + "/1.jpg",
                    "https://img.example.com/" + dress + "/2.jpg");
            assertThat(imported.description()).isEqualTo("第一行\n第二行, \"引号\"");
            assertThat(imported.skus()).extracting(SkuView::skuCode).containsExactly(dress + "-R", dress + "-B");
            SkuView blue = imported.skus().get(1);
            assertThat(blue.attributes()).containsExactly(new SpecAttribute("颜色", dress + "-B"),
                    new SpecAttribute("尺码", "M"));
            assertThat(blue.listPrice().amount()).isEqualByComparingTo("199.00");
            assertThat(blue.salePrice().amount()).isEqualByComparingTo("199.00");
            assertThat(blue.costPrice().amount()).isEqualByComparingTo("60.00");
            assertThat(blue.barcode()).isEqualTo("6901234567892");
            assertThat(blue.weightGrams()).isNull();
            ProductView onShelf = product(shirt);
            assertThat(onShelf.status()).isEqualTo(ProductStatus.ON_SHELF);
            assertThat(catalog.statusHistory(onShelf.id())).extracting(StatusChange::to)
                    .containsExactly(ProductStatus.ON_SHELF, ProductStatus.DRAFT);
        }

        @Test
        void reportsEveryProblemByRowAndColumnAndWritesNothing() {
            CategoryView category = fixtures.category();
            ProductView other = fixtures.product(category, "10.00");
            String c = category.code();
            String p = unique("BAD");
            CsvFile file = CsvFile.withAllColumns()
                    .add(p + "-A", p + "-A1", c)
                    .add(p + "-A", p + "-A2", c, "sale_price", "-5")
                    .add(p + "-A", p + "-A3", c, "list_price", "100", "sale_price", "120")
                    .add(p + "-A", p + "-A4", c, "title", "不同的标题")
                    .add(p + "-B", p + "-B1", c, "category_code", "no-such-category")
                    .add(p + "-B", p + "-A1", c, "category_code", "no-such-category")
                    .add(p + "-C", p + "-C1", c, "spec", "颜色红")
                    .add(p + "-C", p + "-C2", c, "weight_grams", "heavy")
                    .add(p + "-C", p + "-C3", c, "list_price", "212.345")
                    .add(p + "-D", p + "-D1", c, "status", "SOLD")
                    .add(p + "-E", other.skus().getFirst().skuCode(), c)
                    .add("bad spu!", p + "-X1", c)
                    .add(p + "-F", p + "-F1", c, "title", "")
                    .add(p + "-G", p + "-G1", c, "sale_price", "abc", "image_urls", "javascript:alert(1)");

            InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
                    () -> catalog.importProducts(file.stream(), false));

            assertThat(refused.violations()).extracting(FieldViolation::row, FieldViolation::column).containsExactly(
                    tuple(3, "sale_price"),
                    tuple(4, "sale_price"),
                    tuple(5, "title"),
                    tuple(6, "category_code"),
                    tuple(7, "sku_code"),
                    tuple(8, "spec"),
                    tuple(9, "weight_grams"),
                    tuple(10, "list_price"),
                    tuple(11, "status"),
                    tuple(12, "sku_code"),
                    tuple(13, "spu_code"),
                    tuple(14, "title"),
                    tuple(15, "image_urls"),
                    tuple(15, "sale_price"));
            assertThat(refused.violations()).extracting(FieldViolation::reason).satisfies(reasons -> {
                assertThat(reasons.get(0)).isEqualTo("must not be negative");
                assertThat(reasons.get(1)).isEqualTo("must not exceed list_price");
                assertThat(reasons.get(2)).startsWith("differs from row 2");
                assertThat(reasons.get(3)).isEqualTo("no category has the code no-such-category");
                assertThat(reasons.get(4)).isEqualTo("repeats the SKU code of row 2");
                assertThat(reasons.get(5)).startsWith("must be name:value pairs");
                assertThat(reasons.get(6)).isEqualTo("must be a whole number of grams");
                assertThat(reasons.get(7)).isEqualTo("must have at most 2 decimal places");
                assertThat(reasons.get(8)).startsWith("must be one of DRAFT");
                assertThat(reasons.get(9)).isEqualTo("is already used by product " + other.spuCode());
                assertThat(reasons.get(10)).startsWith("must be 1 to 64 letters");
                assertThat(reasons.get(11)).isEqualTo("is required");
                assertThat(reasons.get(12)).isEqualTo("must be an absolute http or https URL");
                assertThat(reasons.get(13)).isEqualTo("must be a number such as 199.00");
            });
            assertThat(refused.violations().getFirst().field()).isEqualTo("row 3, column sale_price");
            assertThat(search.find(ProductQuery.all().withCategory(category.id()), PageQuery.first(50))
                    .items()).extracting(ProductSummary::id).containsExactly(other.id());
            assertThat(catalog.product(other.id())).isEqualTo(other);
        }

        @Test
        void reportsBrokenQuotingAsARowProblemInsteadOfFailing() {
            CategoryView category = fixtures.category();
            String spu = unique("QUOTE");
            String valid = CsvFile.withAllColumns().add(spu, spu + "-1", category.code()).text();
            String unbalanced = valid + "\"" + spu + "-2,never closed\r\n";
            String strayQuote = valid + "\"" + spu + "\"x," + "a".repeat(3) + "\r\n";

            for (String text : List.of(unbalanced, strayQuote)) {
                InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
                        () -> catalog.importProducts(CsvFile.stream(text), false));
                assertThat(refused.violations()).singleElement().satisfies(problem -> {
                    assertThat(problem.row()).isEqualTo(3);
                    assertThat(problem.column()).isNull();
                    assertThat(problem.field()).isEqualTo("row 3");
                    assertThat(problem.reason()).contains("cannot be read as CSV");
                });
            }
            assertThat(search.find(ProductQuery.all().withCategory(category.id()), PageQuery.first(5))
                    .totalItems()).isZero();
        }

        @Test
        void reportsARowWithTheWrongNumberOfValues() {
            CategoryView category = fixtures.category();
            String spu = unique("COUNT");
            String text = CsvFile.withAllColumns().add(spu, spu + "-1", category.code()).text() + spu + ",only,three\r\n";
            InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
                    () -> catalog.importProducts(CsvFile.stream(text), false));
            assertThat(refused.violations()).extracting(FieldViolation::field, FieldViolation::reason)
                    .containsExactly(tuple("row 3", "has 3 values where the header has 17 columns"));
        }

        @Test
        void refusesAHeaderWithUnknownOrMissingColumnsNamingThem() {
            List<String> header = new ArrayList<>(CsvFile.COLUMNS);
            header.remove("sale_price");
            header.set(header.indexOf("spec"), "colour");
            InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
                    () -> catalog.importProducts(CsvFile.withHeader(header).stream(), false));
            assertThat(refused.violations()).extracting(FieldViolation::row, FieldViolation::column)
                    .containsExactlyInAnyOrder(tuple(1, "colour"), tuple(1, "spec"), tuple(1, "sale_price"));
            assertThat(catchThrowableOfType(InvalidInputException.class,
                    () -> catalog.importProducts(CsvFile.stream(""), false)).violations())
                    .extracting(FieldViolation::row).containsExactly(1);
        }

        @Test
        void readsUtf8WithOrWithoutAByteOrderMarkAndRefusesOtherEncodings() throws IOException {
            CategoryView category = fixtures.category();
            String spu = unique("BOM");
            byte[] withoutMark = CsvFile.withAllColumns().add(spu, spu + "-1", category.code(), "title", "中文标题").bytes();
            ByteArrayOutputStream withMark = new ByteArrayOutputStream();
            withMark.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
            withMark.write(withoutMark);

            assertThat(catalog.importProducts(new ByteArrayInputStream(withMark.toByteArray()), false).productsCreated())
                    .isEqualTo(1);
            assertThat(product(spu).title()).isEqualTo("中文标题");
            assertThat(catalog.importProducts(new ByteArrayInputStream(withoutMark), false).productsUnchanged())
                    .isEqualTo(1);

            String gbk = unique("GBK");
            byte[] notUtf8 = CsvFile.withAllColumns().add(gbk, gbk + "-1", category.code(), "title", "中文标题").text()
                    .getBytes(java.nio.charset.Charset.forName("GBK"));
            InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
                    () -> catalog.importProducts(new ByteArrayInputStream(notUtf8), false));
            assertThat(refused.violations()).extracting(FieldViolation::reason)
                    .anySatisfy(reason -> assertThat(reason).contains("UTF-8"));
        }

        @Test
        void numbersRowsByTheLineTheyStartOnEvenAfterMultilineValues() {
            CategoryView category = fixtures.category();
            String spu = unique("LINES");
            CsvFile file = CsvFile.withAllColumns()
                    .add(spu, spu + "-1", category.code(), "description", "一\n二\n三")
                    .add(spu, spu + "-2", category.code(), "description", "一\n二\n三", "cost_price", "x");
            InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
                    () -> catalog.importProducts(file.stream(), false));
            assertThat(refused.violations()).extracting(FieldViolation::row, FieldViolation::column)
                    .containsExactly(tuple(5, "cost_price"));
        }

        @Test
        void checksWithoutWritingOnADryRun() {
            CategoryView category = fixtures.category();
            String spu = unique("DRY");
            CsvFile file = CsvFile.withAllColumns().add(spu, spu + "-1", category.code()).add(spu, spu + "-2", category.code());

            ImportSummary summary = catalog.importProducts(file.stream(), true);

            assertThat(summary).isEqualTo(new ImportSummary(true, 2, 1, 0, 0, 2, 0, 0));
            assertThat(search.find(ProductQuery.all().withKeyword(spu), PageQuery.first(5)).totalItems())
                    .isZero();
            CsvFile bad = CsvFile.withAllColumns().add(spu, spu + "-1", category.code(), "cost_price", "-1");
            assertThat(catchThrowableOfType(InvalidInputException.class, () -> catalog.importProducts(bad.stream(), true))
                    .violations()).extracting(FieldViolation::column).containsExactly("cost_price");
        }

        @Test
        void updatesProductsAndSkusBySpuAndSkuCodeAndLeavesWhatIsUnchanged() {
            CategoryView category = fixtures.category();
            String spu = unique("UPSERT");
            catalog.importProducts(CsvFile.withAllColumns().add(spu, spu + "-1", category.code())
                    .add(spu, spu + "-2", category.code()).stream(), false);
            ProductView before = product(spu);

            CsvFile changed = CsvFile.withAllColumns()
                    .add(spu, spu + "-1", category.code(), "title", "改过的标题", "sale_price", "99.00")
                    .add(spu, spu + "-2", category.code(), "title", "改过的标题")
                    .add(spu, spu + "-3", category.code(), "title", "改过的标题", "spec", "颜色:绿");
            ImportSummary summary = catalog.importProducts(changed.stream(), false);

            assertThat(summary).isEqualTo(new ImportSummary(false, 3, 0, 1, 0, 1, 1, 1));
            ProductView after = product(spu);
            assertThat(after.title()).isEqualTo("改过的标题");
            assertThat(after.version()).isGreaterThan(before.version());
            assertThat(after.skus()).extracting(SkuView::id).startsWith(before.skus().get(0).id(), before.skus().get(1).id());
            assertThat(after.skus().get(0).salePrice().amount()).isEqualByComparingTo("99.00");
            assertThat(after.skus().get(2).attributes()).containsExactly(new SpecAttribute("颜色", "绿"));

            assertThat(catalog.importProducts(changed.stream(), false))
                    .isEqualTo(new ImportSummary(false, 3, 0, 0, 1, 0, 0, 3));
            assertThat(product(spu).version()).isEqualTo(after.version());
        }

        @Test
        void keepsAProductsStatusUnlessTheFileMovesItAlongTheLifecycle() {
            CategoryView category = fixtures.category();
            String spu = unique("LIFE");
            catalog.importProducts(CsvFile.withAllColumns().add(spu, spu + "-1", category.code(), "status", "ON_SHELF")
                    .stream(), false);
            List<String> withoutStatus = new ArrayList<>(CsvFile.COLUMNS);
            withoutStatus.remove("status");
            catalog.importProducts(CsvFile.withHeader(withoutStatus)
                    .add(spu, spu + "-1", category.code(), "title", "仍在架上").stream(), false);
            assertThat(product(spu).status()).isEqualTo(ProductStatus.ON_SHELF);
            assertThat(product(spu).title()).isEqualTo("仍在架上");

            CsvFile backToDraft = CsvFile.withAllColumns().add(spu, spu + "-1", category.code(), "status", "DRAFT");
            assertThat(catchThrowableOfType(InvalidInputException.class,
                    () -> catalog.importProducts(backToDraft.stream(), false)).violations())
                    .extracting(FieldViolation::column, FieldViolation::reason)
                    .containsExactly(tuple("status", "cannot move from ON_SHELF to DRAFT"));

            CsvFile free = CsvFile.withAllColumns().add(spu, spu + "-1", category.code(), "sale_price", "0");
            assertThat(catchThrowableOfType(InvalidInputException.class,
                    () -> catalog.importProducts(free.stream(), false)).violations())
                    .extracting(FieldViolation::reason)
                    .containsExactly("a product on the shelf needs at least one active SKU with a sale price above zero");

            catalog.importProducts(CsvFile.withAllColumns().add(spu, spu + "-1", category.code(), "status", "OFF_SHELF")
                    .stream(), false);
            catalog.importProducts(CsvFile.withAllColumns().add(spu, spu + "-1", category.code(), "status", "ARCHIVED")
                    .stream(), false);
            assertThat(catalog.statusHistory(product(spu).id())).extracting(StatusChange::to).containsExactly(
                    ProductStatus.ARCHIVED, ProductStatus.OFF_SHELF, ProductStatus.ON_SHELF, ProductStatus.DRAFT);
            assertThat(catchThrowableOfType(InvalidInputException.class, () -> catalog.importProducts(
                    CsvFile.withAllColumns().add(spu, spu + "-1", category.code()).stream(), false)).violations())
                    .extracting(FieldViolation::column, FieldViolation::reason)
                    .containsExactly(tuple("spu_code", "product " + spu + " is archived and can no longer be changed"));
        }

        @Test
        void refusesAFileWithMoreThanTenThousandRows() {
            CategoryView category = fixtures.category();
            CsvFile file = CsvFile.withAllColumns();
            String spu = unique("MANY");
            for (int i = 0; i <= 10_000; i++) {
                file.add(spu + "-" + i, spu + "-" + i + "-1", category.code());
            }
            InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
                    () -> catalog.importProducts(file.stream(), true));
            assertThat(refused.violations()).extracting(FieldViolation::field).containsExactly("row 10002");
            assertThat(refused.violations().getFirst().reason()).contains("more than 10000 data rows");
        }

        @Test
        void refusesAnImportThatWouldGiveAProductMoreThanItsSkusAllow() {
            CategoryView category = fixtures.category();
            String spu = unique("FULL");
            List<NewSku> skus = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                skus.add(CatalogFixtures.sku(spu + "-" + i, "10.00"));
            }
            catalog.createProduct(new NewProduct(spu, "满 SKU 商品", null, null, null, category.id(), null, List.of(),
                    Set.of(), skus));
            CsvFile oneMore = CsvFile.withAllColumns().add(spu, spu + "-new", category.code());

            assertThat(catchThrowableOfType(InvalidInputException.class,
                    () -> catalog.importProducts(oneMore.stream(), false)).violations())
                    .extracting(FieldViolation::row, FieldViolation::column, FieldViolation::reason)
                    .containsExactly(tuple(2, "sku_code", "a product has at most 200 SKUs"));
            assertThat(product(spu).skus()).hasSize(200);
        }

        // --- export -------------------------------------------------------------------------------------------

        @Test
        void exportsOneRowPerSkuAsUtf8WithAByteOrderMarkAndGuardsAgainstFormulas() throws IOException {
            CategoryView category = fixtures.category();
            String spu = unique("EXP");
            catalog.createProduct(new NewProduct(spu, "=HYPERLINK(\"http://evil\")", "+1 deal", "@SUM(A1)", "-desc",
                    category.id(), null, List.of(), Set.of("-50%"), List.of(
                    new NewSku(spu + "-1", List.of(new SpecAttribute("颜色", "红")), new BigDecimal("10"),
                            new BigDecimal("9.9"), new BigDecimal("1"), "'=x", null),
                    new NewSku(spu + "-2", List.of(), new BigDecimal("10"), new BigDecimal("10"),
                            new BigDecimal("1"), null, 5))));

            byte[] csv = export(ProductQuery.all().withCategory(category.id()));

            assertThat(csv[0]).isEqualTo((byte) 0xEF);
            assertThat(csv[1]).isEqualTo((byte) 0xBB);
            assertThat(csv[2]).isEqualTo((byte) 0xBF);
            List<CSVRecord> records = read(csv);
            assertThat(records.getFirst().toList()).containsExactlyElementsOf(CsvFile.COLUMNS);
            assertThat(records).hasSize(3);
            CSVRecord first = records.get(1);
            assertThat(first.get(0)).isEqualTo(spu);
            assertThat(first.get(1)).isEqualTo("'=HYPERLINK(\"http://evil\")");
            assertThat(first.get(2)).isEqualTo("'+1 deal");
            assertThat(first.get(3)).isEqualTo("'@SUM(A1)");
            assertThat(first.get(6)).isEqualTo("'-50%");
            assertThat(first.get(8)).isEqualTo("'-desc");
            assertThat(first.get(10)).isEqualTo("颜色:红");
            assertThat(first.get(11)).isEqualTo("10.00");
            assertThat(first.get(12)).isEqualTo("9.90");
            assertThat(first.get(14)).isEqualTo("''=x");
            assertThat(first.get(16)).isEqualTo("DRAFT");
            assertThat(records.get(2).get(15)).isEqualTo("5");
            assertThat(new String(csv, StandardCharsets.UTF_8)).contains("\r\n");
        }

        @Test
        void roundTripsAnExportEditedInASpreadsheetThroughTheImport() throws IOException {
            CategoryView category = fixtures.category();
            BrandView brand = fixtures.brand();
            String spu = unique("TRIP");
            ProductView tricky = catalog.createProduct(new NewProduct(spu, "=1+2 公式", "-minus", "'quoted", "多行\r\n描述, \"引号\"",
                    category.id(), brand.id(), List.of("https://img.example.com/a.jpg", "https://img.example.com/b.jpg"),
                    Set.of("-50%", "@home", "新品"), List.of(
                    new NewSku(spu + "-1", List.of(new SpecAttribute("颜色", "红:深")), new BigDecimal("10"),
                            new BigDecimal("9.9"), new BigDecimal("1"), "'=x", 120),
                    new NewSku(spu + "-2", List.of(), new BigDecimal("20"), new BigDecimal("0"),
                            new BigDecimal("0"), null, null))));
            ProductView onShelf = catalog.changeStatus(tricky.id(), ProductStatus.ON_SHELF, null, tricky.version());
            fixtures.product(category, "5.00");

            byte[] exported = export(ProductQuery.all().withCategory(category.id()));
            assertThat(catalog.importProducts(new ByteArrayInputStream(exported), false))
                    .isEqualTo(new ImportSummary(false, 3, 0, 0, 2, 0, 0, 3));
            assertThat(catalog.product(tricky.id())).isEqualTo(onShelf);

            List<CSVRecord> records = read(exported);
            StringWriter edited = new StringWriter();
            try (CSVPrinter printer = new CSVPrinter(edited, CSVFormat.DEFAULT)) {
                for (CSVRecord record : records) {
                    List<String> cells = new ArrayList<>(record.toList());
                    if (cells.get(9).equals(spu + "-2")) {
                        cells.set(12, "15.50");
                    }
                    printer.printRecord(cells);
                }
            }
            ImportSummary summary = catalog.importProducts(CsvFile.stream(edited.toString()), false);

            assertThat(summary).isEqualTo(new ImportSummary(false, 3, 0, 1, 1, 0, 1, 2));
            ProductView after = catalog.product(tricky.id());
            assertThat(after.skus().get(1).salePrice().amount()).isEqualByComparingTo("15.50");
            assertThat(after.title()).isEqualTo("=1+2 公式");
            assertThat(after.titleEn()).isEqualTo("-minus");
            assertThat(after.subtitle()).isEqualTo("'quoted");
            assertThat(after.description()).isEqualTo("多行\r\n描述, \"引号\"");
            assertThat(after.tags()).containsExactlyInAnyOrder("-50%", "@home", "新品");
            assertThat(after.skus().getFirst().barcode()).isEqualTo("'=x");
            assertThat(after.skus().getFirst().attributes()).containsExactly(new SpecAttribute("颜色", "红:深"));
            assertThat(after.brandId()).isEqualTo(brand.id());
            assertThat(after.status()).isEqualTo(ProductStatus.ON_SHELF);
        }

        @Test
        void exportsWhatTheSearchFilterFinds() throws IOException {
            CategoryView category = fixtures.category();
            ProductView draft = fixtures.product(category, "10.00");
            ProductView onShelf = fixtures.onShelf(category, "10.00", "20.00");

            List<CSVRecord> records = read(export(ProductQuery.all().withCategory(category.id())
                    .withStatus(ProductStatus.ON_SHELF)));

            assertThat(records.subList(1, records.size())).extracting(r -> r.get(0))
                    .containsExactly(onShelf.spuCode(), onShelf.spuCode());
            assertThat(records).noneMatch(r -> r.get(0).equals(draft.spuCode()));
        }

        ProductView product(String spuCode) {
            ProductSummary summary = search.find(ProductQuery.all().withKeyword(spuCode), PageQuery.first(5))
                    .items().stream().filter(s -> s.spuCode().equals(spuCode)).findFirst().orElseThrow();
            return catalog.product(summary.id());
        }

        byte[] export(ProductQuery query) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            search.export(query, () -> out);
            return out.toByteArray();
        }

        static List<CSVRecord> read(byte[] csv) throws IOException {
            String text = new String(csv, StandardCharsets.UTF_8);
            return CSVFormat.DEFAULT.parse(new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text))
                    .getRecords();
        }
    }

    @Nested
    @ShopOpsTest
    class OnH2 extends Contract {
    }

    @Nested
    @PostgresTest
    class OnPostgres extends Contract {
    }
}
