package io.shopops.catalog.internal;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.shopops.catalog.BrandView;
import io.shopops.catalog.CategoryView;
import io.shopops.catalog.ImportSummary;
import io.shopops.catalog.NewProduct;
import io.shopops.catalog.NewSku;
import io.shopops.catalog.ProductChanges;
import io.shopops.catalog.ProductId;
import io.shopops.catalog.ProductStatus;
import io.shopops.catalog.ProductView;
import io.shopops.catalog.SkuView;
import io.shopops.catalog.SpecAttribute;
import io.shopops.shared.FieldViolation;
import io.shopops.shared.InvalidInputException;
import io.shopops.shared.Violations;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import static io.shopops.catalog.internal.ProductCsv.BARCODE;
import static io.shopops.catalog.internal.ProductCsv.BRAND_CODE;
import static io.shopops.catalog.internal.ProductCsv.CATEGORY_CODE;
import static io.shopops.catalog.internal.ProductCsv.COST_PRICE;
import static io.shopops.catalog.internal.ProductCsv.DESCRIPTION;
import static io.shopops.catalog.internal.ProductCsv.IMAGE_URLS;
import static io.shopops.catalog.internal.ProductCsv.LIST_PRICE;
import static io.shopops.catalog.internal.ProductCsv.SALE_PRICE;
import static io.shopops.catalog.internal.ProductCsv.SKU_CODE;
import static io.shopops.catalog.internal.ProductCsv.SPEC;
import static io.shopops.catalog.internal.ProductCsv.SPU_CODE;
import static io.shopops.catalog.internal.ProductCsv.STATUS;
import static io.shopops.catalog.internal.ProductCsv.SUBTITLE;
import static io.shopops.catalog.internal.ProductCsv.TAGS;
import static io.shopops.catalog.internal.ProductCsv.TITLE;
import static io.shopops.catalog.internal.ProductCsv.TITLE_EN;
import static io.shopops.catalog.internal.ProductCsv.WEIGHT_GRAMS;

/**
 * Plans a CSV import: reads the file, groups its rows into products by SPU code, checks every row against
 * the rules of the API, against the other rows and against the stored catalog, and decides for each product
 * whether it is created, updated or already as the file says. Nothing is written here; any problem refuses
 * the whole file with every problem named by row and column, so the facade writes either all or nothing.
 */
@Component
public class ProductImport {

    /** Refusals list at most this many problems; the rest are counted. */
    static final int MAX_PROBLEMS = 1000;

    private static final Pattern SKU_FIELD = Pattern.compile("^skus\\[(\\d+)]\\.?(.*)$");

    private final CategoryRepository categories;
    private final BrandRepository brands;
    private final ProductRepository products;

    ProductImport(CategoryRepository categories, BrandRepository brands, ProductRepository products) {
        this.categories = categories;
        this.brands = brands;
        this.products = products;
    }

    public enum Action {
        CREATE, UPDATE, UNCHANGED
    }

    /**
     * What the import does with one product. {@code product} is the whole product for a creation;
     * {@code changes} the new state for an update (its SKUs created or updated by code); {@code status} the
     * status the file asks for, empty to leave it.
     */
    public record PlannedProduct(Action action, @Nullable ProductView existing, NewProduct product,
            ProductChanges changes, @Nullable ProductStatus status, int skusCreated, int skusUpdated,
            int skusUnchanged) {
    }

    public record Plan(int rows, List<PlannedProduct> products) {

        public ImportSummary summary(boolean dryRun) {
            return new ImportSummary(dryRun, rows, count(Action.CREATE), count(Action.UPDATE), count(Action.UNCHANGED),
                    products.stream().mapToInt(PlannedProduct::skusCreated).sum(),
                    products.stream().mapToInt(PlannedProduct::skusUpdated).sum(),
                    products.stream().mapToInt(PlannedProduct::skusUnchanged).sum());
        }

        private int count(Action action) {
            return (int) products.stream().filter(p -> p.action() == action).count();
        }
    }

    /** Reads and checks the whole file; throws {@link InvalidInputException} naming every problem. */
    public Plan plan(InputStream csv, Currency currency) {
        ProductCsvReader.Result read = ProductCsvReader.read(csv);
        Problems problems = new Problems();
        read.problems().forEach(problems::add);
        if (read.problems().stream().anyMatch(p -> Objects.equals(p.row(), 1))) {
            throw problems.refusal();
        }
        Map<String, Group> groups = group(read.rows(), read.hasStatusColumn(), problems);
        Map<String, CategoryView> categoriesByCode = categories.all().stream()
                .collect(Collectors.toMap(CategoryView::code, c -> c));
        Map<String, BrandView> brandsByCode = brands.all().stream().collect(Collectors.toMap(BrandView::code, b -> b));
        Map<ProductId, ProductView> stored = products.findAll(products.idsBySpuCode(groups.keySet()).values());
        Map<String, ProductView> existing = new HashMap<>();
        stored.values().forEach(product -> existing.put(product.spuCode(), product));
        Map<String, ProductRepository.SkuOwner> owners = products.skuOwners(groups.values().stream()
                .flatMap(g -> g.skus.stream()).map(s -> s.sku().skuCode()).filter(code -> !code.isBlank()).toList());

        List<PlannedProduct> planned = new ArrayList<>();
        for (Group group : groups.values()) {
            PlannedProduct product = plan(group, existing.get(group.spuCode), categoriesByCode, brandsByCode, owners,
                    currency, problems);
            if (product != null) {
                planned.add(product);
            }
        }
        if (!problems.isEmpty()) {
            throw problems.refusal();
        }
        return new Plan(read.rows().size(), planned);
    }

    // --- rows into products ---------------------------------------------------------------------------------

    private record SkuRow(int line, NewSku sku) {
    }

    private static final class Group {
        final String spuCode;
        final ProductCsvReader.Row first;
        final @Nullable ProductStatus status;
        final List<SkuRow> skus = new ArrayList<>();

        Group(String spuCode, ProductCsvReader.Row first, @Nullable ProductStatus status) {
            this.spuCode = spuCode;
            this.first = first;
            this.status = status;
        }
    }

    private static Map<String, Group> group(List<ProductCsvReader.Row> rows, boolean hasStatus, Problems problems) {
        Map<String, Group> groups = new LinkedHashMap<>();
        Map<String, Integer> skuLines = new HashMap<>();
        List<String> productColumns = ProductCsv.PRODUCT_COLUMNS.stream()
                .filter(column -> hasStatus || !column.equals(STATUS)).toList();
        for (ProductCsvReader.Row row : rows) {
            NewSku sku = sku(row, problems);
            String skuCode = sku.skuCode();
            Integer earlier = skuCode.isBlank() ? null : skuLines.putIfAbsent(skuCode, row.line());
            if (earlier != null) {
                problems.cell(row.line(), SKU_CODE, "repeats the SKU code of row " + earlier);
            }
            String spuCode = row.get(SPU_CODE);
            Violations spu = new Violations();
            spu.code(SPU_CODE, spuCode);
            if (!spu.isEmpty()) {
                problems.cell(row.line(), SPU_CODE, spu.list().getFirst().reason());
                continue;
            }
            Group group = groups.get(spuCode);
            if (group == null) {
                group = new Group(spuCode, row, hasStatus ? status(row, problems) : null);
                groups.put(spuCode, group);
            } else {
                for (String column : productColumns) {
                    if (!row.get(column).equals(group.first.get(column))) {
                        problems.cell(row.line(), column, "differs from row " + group.first.line()
                                + ": every row of product " + spuCode + " must have the same " + column);
                    }
                }
            }
            if (earlier == null) {
                group.skus.add(new SkuRow(row.line(), sku));
            }
        }
        return groups;
    }

    private static NewSku sku(ProductCsvReader.Row row, Problems problems) {
        List<SpecAttribute> spec = ProductCsv.parseSpec(row.get(SPEC));
        if (spec == null) {
            problems.cell(row.line(), SPEC, SpecAttribute.TEXT_FORMAT);
            spec = List.of();
        }
        return new NewSku(row.get(SKU_CODE), spec, amount(row, LIST_PRICE, problems), amount(row, SALE_PRICE, problems),
                amount(row, COST_PRICE, problems), blankToNull(row.get(BARCODE)), grams(row, problems));
    }

    private static @Nullable BigDecimal amount(ProductCsvReader.Row row, String column, Problems problems) {
        String text = row.get(column);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException notANumber) {
            problems.cell(row.line(), column, "must be a number such as 199.00");
            return null;
        }
    }

    private static @Nullable Integer grams(ProductCsvReader.Row row, Problems problems) {
        String text = row.get(WEIGHT_GRAMS);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException notANumber) {
            problems.cell(row.line(), WEIGHT_GRAMS, "must be a whole number of grams");
            return null;
        }
    }

    private static @Nullable ProductStatus status(ProductCsvReader.Row row, Problems problems) {
        String text = row.get(STATUS);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return ProductStatus.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            problems.cell(row.line(), STATUS, "must be one of DRAFT, ON_SHELF, OFF_SHELF, ARCHIVED");
            return null;
        }
    }

    // --- one product against the rules and the stored catalog -----------------------------------------------

    private static @Nullable PlannedProduct plan(Group group, @Nullable ProductView existing,
            Map<String, CategoryView> categoriesByCode, Map<String, BrandView> brandsByCode,
            Map<String, ProductRepository.SkuOwner> owners, Currency currency, Problems problems) {
        ProductCsvReader.Row first = group.first;
        int line = first.line();
        CategoryView category = null;
        String categoryCode = first.get(CATEGORY_CODE);
        if (!categoryCode.isEmpty()) {
            category = categoriesByCode.get(categoryCode);
            if (category == null) {
                problems.cell(line, CATEGORY_CODE, "no category has the code " + categoryCode);
            }
        }
        BrandView brand = null;
        String brandCode = first.get(BRAND_CODE);
        if (!brandCode.isEmpty()) {
            brand = brandsByCode.get(brandCode);
            if (brand == null) {
                problems.cell(line, BRAND_CODE, "no brand has the code " + brandCode);
            }
        }
        List<NewSku> skus = group.skus.stream().map(SkuRow::sku).toList();
        NewProduct product = new NewProduct(group.spuCode, first.get(TITLE), blankToNull(first.get(TITLE_EN)),
                blankToNull(first.get(SUBTITLE)), blankToNull(first.get(DESCRIPTION)),
                category == null ? null : category.id(), brand == null ? null : brand.id(),
                ProductCsv.parts(first.get(IMAGE_URLS)), new LinkedHashSet<>(ProductCsv.parts(first.get(TAGS))), skus);
        ProductChanges changes = new ProductChanges(product.title(), product.titleEn(), product.subtitle(),
                product.description(), product.categoryId(), product.brandId(), product.imageUrls(), product.tags(),
                skus);

        Violations rules = new Violations();
        if (existing == null) {
            ProductRules.checkProduct(rules, product, currency);
        } else {
            ProductRules.checkChanges(rules, changes, currency);
        }
        for (FieldViolation violation : rules.list()) {
            if (violation.field().equals("categoryId") && !categoryCode.isEmpty()) {
                continue;
            }
            Matcher sku = SKU_FIELD.matcher(violation.field());
            int row = sku.matches() ? group.skus.get(Integer.parseInt(sku.group(1))).line() : line;
            problems.cell(row, column(sku.matches() ? sku.group(2) : violation.field()),
                    violation.reason().replace("listPrice", LIST_PRICE));
        }
        for (SkuRow row : group.skus) {
            ProductRepository.SkuOwner owner = owners.get(row.sku().skuCode());
            if (owner != null && !owner.spuCode().equals(group.spuCode)) {
                problems.cell(row.line(), SKU_CODE, "is already used by product " + owner.spuCode());
            }
        }

        ProductStatus current = existing == null ? ProductStatus.DRAFT : existing.status();
        if (existing != null && !existing.status().isEditable()) {
            problems.cell(line, SPU_CODE, "product " + group.spuCode + " is archived and can no longer be changed");
            return null;
        }
        ProductStatus target = group.status;
        if (target != null && target != current && !current.canMoveTo(target)) {
            problems.cell(line, STATUS, "cannot move from " + current + " to " + target);
        }
        if (existing != null) {
            checkSpecsAgainstStored(group, existing, problems);
            Set<String> inFile = skus.stream().map(NewSku::skuCode).collect(Collectors.toSet());
            long kept = existing.skus().stream().filter(sku -> !inFile.contains(sku.skuCode())).count();
            if (kept + skus.size() > ProductRules.MAX_SKUS) {
                problems.cell(line, SKU_CODE, "a product has at most " + ProductRules.MAX_SKUS + " SKUs");
            }
        }
        ProductStatus resulting = target == null ? current : target;
        if (resulting == ProductStatus.ON_SHELF && !sellableAfterImport(existing, skus)) {
            problems.cell(line, target == null ? SALE_PRICE : STATUS,
                    "a product on the shelf needs at least one active SKU with a sale price above zero");
        }
        if (!problems.isEmpty()) {
            return null;
        }
        if (existing == null) {
            return new PlannedProduct(Action.CREATE, null, product, changes, target, skus.size(), 0, 0);
        }
        return compare(existing, product, changes, target == current ? null : target);
    }

    private static String column(String field) {
        if (field.startsWith("attributes")) {
            return SPEC;
        }
        if (field.startsWith("imageUrls")) {
            return IMAGE_URLS;
        }
        return switch (field) {
            case "spuCode" -> SPU_CODE;
            case "titleEn" -> TITLE_EN;
            case "categoryId" -> CATEGORY_CODE;
            case "brandId" -> BRAND_CODE;
            case "skuCode", "skus" -> SKU_CODE;
            case "listPrice" -> LIST_PRICE;
            case "salePrice" -> SALE_PRICE;
            case "costPrice" -> COST_PRICE;
            case "weightGrams" -> WEIGHT_GRAMS;
            default -> field;
        };
    }

    /** A SKU in the file may not repeat the spec of a stored SKU of the product that the file leaves alone. */
    private static void checkSpecsAgainstStored(Group group, ProductView existing, Problems problems) {
        Set<String> inFile = group.skus.stream().map(s -> s.sku().skuCode()).collect(Collectors.toSet());
        Map<String, String> storedSpecs = new HashMap<>();
        for (SkuView sku : existing.skus()) {
            if (!inFile.contains(sku.skuCode()) && !sku.attributes().isEmpty()) {
                storedSpecs.put(ProductRules.specKey(sku.attributes()), sku.skuCode());
            }
        }
        for (SkuRow row : group.skus) {
            String other = row.sku().attributes().isEmpty() ? null
                    : storedSpecs.get(ProductRules.specKey(row.sku().attributes()));
            if (other != null) {
                problems.cell(row.line(), SPEC, "repeats the spec of SKU " + other);
            }
        }
    }

    /** Whether the product will have an active SKU with a price above zero once the file is imported. */
    private static boolean sellableAfterImport(@Nullable ProductView existing, List<NewSku> skus) {
        Map<String, SkuView> stored = new HashMap<>();
        Map<String, Boolean> sellable = new HashMap<>();
        if (existing != null) {
            for (SkuView sku : existing.skus()) {
                stored.put(sku.skuCode(), sku);
                sellable.put(sku.skuCode(), sku.active() && !sku.salePrice().isZero());
            }
        }
        for (NewSku sku : skus) {
            SkuView before = stored.get(sku.skuCode());
            boolean active = before == null || before.active();
            sellable.put(sku.skuCode(), active && sku.salePrice() != null && sku.salePrice().signum() > 0);
        }
        return sellable.containsValue(true);
    }

    /** Decides between UPDATE and UNCHANGED by comparing the file's product with the stored one. */
    private static PlannedProduct compare(ProductView existing, NewProduct product, ProductChanges changes,
            @Nullable ProductStatus statusChange) {
        boolean details = !existing.title().equals(product.title().strip())
                || !Objects.equals(existing.titleEn(), product.titleEn())
                || !Objects.equals(existing.subtitle(), product.subtitle())
                || !Objects.equals(existing.description(), product.description())
                || !existing.categoryId().equals(product.categoryId())
                || !Objects.equals(existing.brandId(), product.brandId())
                || !existing.imageUrls().equals(product.imageUrls())
                || !new HashSet<>(existing.tags()).equals(product.tags());
        Map<String, SkuView> own = new HashMap<>();
        existing.skus().forEach(sku -> own.put(sku.skuCode(), sku));
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (NewSku sku : product.skus()) {
            SkuView stored = own.get(sku.skuCode());
            if (stored == null) {
                created++;
            } else if (same(stored, sku)) {
                unchanged++;
            } else {
                updated++;
            }
        }
        Action action = details || created > 0 || updated > 0 || statusChange != null ? Action.UPDATE : Action.UNCHANGED;
        return new PlannedProduct(action, existing, product, changes, statusChange, created, updated, unchanged);
    }

    private static boolean same(SkuView stored, NewSku sku) {
        return stored.attributes().equals(sku.attributes())
                && stored.listPrice().amount().compareTo(sku.listPrice()) == 0
                && stored.salePrice().amount().compareTo(sku.salePrice()) == 0
                && stored.costPrice().amount().compareTo(sku.costPrice()) == 0
                && Objects.equals(stored.barcode(), sku.barcode())
                && Objects.equals(stored.weightGrams(), sku.weightGrams());
    }

    private static @Nullable String blankToNull(String value) {
        return value.isBlank() ? null : value;
    }

    /** Problems by row and column, the first reason for a cell kept, listed in file order. */
    private static final class Problems {

        private final Map<String, FieldViolation> byCell = new LinkedHashMap<>();

        void add(FieldViolation problem) {
            byCell.putIfAbsent(problem.field(), problem);
        }

        void cell(int row, String column, String reason) {
            add(FieldViolation.cell(row, column, reason));
        }

        boolean isEmpty() {
            return byCell.isEmpty();
        }

        InvalidInputException refusal() {
            List<FieldViolation> sorted = byCell.values().stream()
                    .sorted(Comparator.comparing((FieldViolation p) -> p.row() == null ? 0 : p.row())
                            .thenComparing(p -> p.column() == null ? -1 : ProductCsv.COLUMNS.indexOf(p.column())))
                    .toList();
            if (sorted.size() <= MAX_PROBLEMS) {
                return new InvalidInputException(sorted);
            }
            List<FieldViolation> listed = new ArrayList<>(sorted.subList(0, MAX_PROBLEMS));
            listed.add(new FieldViolation("file", "has " + (sorted.size() - MAX_PROBLEMS)
                    + " more problems that are not listed; correct these first"));
            return new InvalidInputException(listed);
        }
    }
}
