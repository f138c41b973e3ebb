package io.shopops.demo.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

import io.shopops.catalog.BrandId;
import io.shopops.catalog.BrandView;
import io.shopops.catalog.Brands;
import io.shopops.catalog.Catalog;
import io.shopops.catalog.Categories;
import io.shopops.catalog.CategoryId;
import io.shopops.catalog.CategoryView;
import io.shopops.catalog.NewBrand;
import io.shopops.catalog.NewCategory;
import io.shopops.catalog.NewProduct;
import io.shopops.catalog.NewSku;
import io.shopops.catalog.ProductStatus;
import io.shopops.catalog.ProductView;
import io.shopops.catalog.SpecAttribute;
import io.shopops.demo.internal.DemoCatalogData.Brand;
import io.shopops.demo.internal.DemoCatalogData.Department;
import io.shopops.demo.internal.DemoCatalogData.Leaf;
import io.shopops.demo.internal.DemoCatalogData.Node;
import io.shopops.demo.internal.DemoCatalogData.Noun;
import io.shopops.demo.internal.DemoCatalogData.Spec;

import org.springframework.stereotype.Component;

/**
 * Builds the demo assortment through the catalog's facade: the category tree, the brands, and products
 * with SKUs whose number, specs and prices vary by department. Everything follows from the random
 * generator handed in, so the same seed gives the same shop.
 */
@Component
public class CatalogGenerator {

    private static final List<Noun> SERIES = List.of(new Noun("", ""), new Noun("", ""), new Noun("经典款", "Classic"),
            new Noun("2026新款", "2026"), new Noun("Pro", "Pro"), new Noun("Plus", "Plus"), new Noun("Lite", "Lite"),
            new Noun("升级款", "Upgraded"));
    private static final List<String> TAGS = List.of("新品", "包邮", "限时特惠", "国货", "礼品", "爆款");

    private final Catalog catalog;
    private final Categories categories;
    private final Brands brands;

    CatalogGenerator(Catalog catalog, Categories categories, Brands brands) {
        this.catalog = catalog;
        this.categories = categories;
        this.brands = brands;
    }

    /** A generated product and its place in the popularity ranking (0 = best seller). */
    public record PlannedProduct(ProductView product, int popularityRank, Department department) {
    }

    public List<PlannedProduct> generate(RandomGenerator random, int productCount, int skuTarget) {
        Map<String, CategoryId> leaves = new HashMap<>();
        Map<Department, List<BrandId>> brandsByDepartment = new HashMap<>();
        for (Department department : DemoCatalogData.DEPARTMENTS) {
            createTree(department.root(), null, 0, leaves);
            List<BrandId> ids = new ArrayList<>();
            for (Brand brand : department.brands()) {
                BrandView created = brands.create(new NewBrand("brand-" + brand.code(), brand.zh(), brand.en(),
                        null, brand.zh() + " · " + brand.en()));
                ids.add(created.id());
            }
            brandsByDepartment.put(department, ids);
        }

        List<Slot> slots = assignSlots(random, productCount);
        int[] skuCounts = skuCounts(random, slots, skuTarget);
        int[] ranks = shuffledRanks(random, productCount);

        List<PlannedProduct> planned = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            Slot slot = slots.get(i);
            ProductView product = catalog.createProduct(product(random, i, slot, skuCounts[i], ranks[i],
                    leaves.get(slot.leaf().code()), brandsByDepartment.get(slot.department())));
            product = moveThroughLifecycle(product, lifecycle(random, ranks[i], productCount));
            planned.add(new PlannedProduct(product, ranks[i], slot.department()));
        }
        return planned;
    }

    /**
     * Where a product ends up: most on the shelf; some drafts still being prepared; some taken off the shelf;
     * a few slow sellers archived. They get there by the real transitions, so their history is real too.
     */
    private static ProductStatus lifecycle(RandomGenerator random, int rank, int productCount) {
        double roll = random.nextDouble();
        boolean tail = rank > productCount * 0.7;
        if (tail && roll < 0.10) {
            return ProductStatus.ARCHIVED;
        }
        if (roll < 0.06) {
            return ProductStatus.DRAFT;
        }
        if (roll < 0.11) {
            return ProductStatus.OFF_SHELF;
        }
        return ProductStatus.ON_SHELF;
    }

    private ProductView moveThroughLifecycle(ProductView product, ProductStatus target) {
        List<ProductStatus> path = switch (target) {
            case DRAFT -> List.of();
            case ON_SHELF -> List.of(ProductStatus.ON_SHELF);
            case OFF_SHELF -> List.of(ProductStatus.ON_SHELF, ProductStatus.OFF_SHELF);
            case ARCHIVED -> List.of(ProductStatus.ON_SHELF, ProductStatus.OFF_SHELF, ProductStatus.ARCHIVED);
        };
        ProductView current = product;
        for (ProductStatus step : path) {
            String reason = switch (step) {
                case OFF_SHELF -> "季节调整";
                case ARCHIVED -> "停产";
                default -> null;
            };
            current = catalog.changeStatus(current.id(), step, reason, current.version());
        }
        return current;
    }

    private record Slot(Department department, Leaf leaf) {
    }

    private void createTree(Node node, CategoryId parent, int sortOrder, Map<String, CategoryId> leaves) {
        CategoryView created = categories.create(new NewCategory(node.code(), node.zh(), node.en(), parent, sortOrder));
        if (node.leaf() != null) {
            leaves.put(node.code(), created.id());
        }
        int order = 0;
        for (Node child : node.children()) {
            createTree(child, created.id(), order++, leaves);
        }
    }

    /** Spreads the products over the leaf categories: an even share each, the rest at random. */
    private static List<Slot> assignSlots(RandomGenerator random, int productCount) {
        List<Slot> all = new ArrayList<>();
        for (Department department : DemoCatalogData.DEPARTMENTS) {
            collectLeaves(department.root(), department, all);
        }
        List<Slot> slots = new ArrayList<>();
        for (int i = 0; i < productCount; i++) {
            slots.add(i < (productCount / all.size()) * all.size() ? all.get(i % all.size())
                    : all.get(random.nextInt(all.size())));
        }
        return slots;
    }

    private static void collectLeaves(Node node, Department department, List<Slot> into) {
        if (node.leaf() != null) {
            into.add(new Slot(department, node.leaf()));
        }
        node.children().forEach(child -> collectLeaves(child, department, into));
    }

    /**
     * SKUs per product: 4 on average with variety (2 to 8), never more than the product's spec combinations
     * allow, adding up exactly to the target.
     */
    private static int[] skuCounts(RandomGenerator random, List<Slot> slots, int target) {
        int n = slots.size();
        int[] counts = new int[n];
        int[] capacity = new int[n];
        for (int i = 0; i < n; i++) {
            capacity[i] = Math.min(8, combinations(slots.get(i).leaf().specs()));
            counts[i] = Math.min(capacity[i], Math.max(1, target / n));
        }
        for (int swap = 0; swap < n; swap++) {
            int a = random.nextInt(n);
            int b = random.nextInt(n);
            if (a != b && counts[a] < capacity[a] && counts[b] > 2) {
                counts[a]++;
                counts[b]--;
            }
        }
        int total = java.util.Arrays.stream(counts).sum();
        for (int i = 0; total < target; i = (i + 1) % n) {
            if (counts[i] < capacity[i]) {
                counts[i]++;
                total++;
            }
        }
        return counts;
    }

    private static int combinations(List<Spec> specs) {
        int combinations = 1;
        for (Spec spec : specs) {
            combinations *= spec.values().size();
        }
        return combinations;
    }

    private static int[] shuffledRanks(RandomGenerator random, int n) {
        int[] ranks = new int[n];
        for (int i = 0; i < n; i++) {
            ranks[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = ranks[i];
            ranks[i] = ranks[j];
            ranks[j] = t;
        }
        return ranks;
    }

    private static NewProduct product(RandomGenerator random, int index, Slot slot, int skuCount, int rank,
            CategoryId category, List<BrandId> brands) {
        Leaf leaf = slot.leaf();
        Brand brand = slot.department().brands().get(random.nextInt(slot.department().brands().size()));
        BrandId brandId = brands.get(slot.department().brands().indexOf(brand));
        Noun noun = leaf.nouns().get(random.nextInt(leaf.nouns().size()));
        Noun adjective = leaf.adjectives().get(random.nextInt(leaf.adjectives().size()));
        Noun series = SERIES.get(random.nextInt(SERIES.size()));
        String title = (brand.zh() + " " + adjective.zh() + noun.zh() + " " + series.zh()).trim();
        String titleEn = (brand.en() + " " + adjective.en() + " " + noun.en() + " " + series.en()).trim();
        String spu = "SPU-%s-%04d".formatted(slot.department().root().code().substring(0, 3).toUpperCase(), index + 1);

        BigDecimal list = Prices.listPrice(random, leaf.minPrice(), leaf.maxPrice());
        boolean discounted = random.nextDouble() < 0.7;
        List<NewSku> skus = new ArrayList<>();
        List<List<SpecAttribute>> specs = specCombinations(random, leaf.specs(), skuCount);
        for (int s = 0; s < specs.size(); s++) {
            // higher storage or edition tiers cost more; colours and sizes do not
            double step = 1.0 + 0.18 * tier(leaf.specs(), specs.get(s));
            BigDecimal skuList = step == 1.0 ? list : Prices.scale(list, step);
            BigDecimal sale = Prices.salePrice(random, skuList, discounted);
            skus.add(new NewSku(spu.replace("SPU-", "SKU-") + "-" + (s + 1), specs.get(s), skuList, sale,
                    Prices.cost(random, sale), barcode(random), weight(random, leaf)));
        }
        Set<String> tags = new LinkedHashSet<>();
        if (rank < 25) {
            tags.add("热销");
        }
        if (random.nextDouble() < 0.35) {
            tags.add(TAGS.get(random.nextInt(TAGS.size())));
        }
        List<String> images = new ArrayList<>();
        int imageCount = 1 + random.nextInt(3);
        for (int i = 1; i <= imageCount; i++) {
            images.add("https://picsum.photos/seed/" + spu.toLowerCase() + "-" + i + "/800/800");
        }
        String description = "%s｜%s。%s".formatted(title, leaf.zh(), "精选好物，七天无理由退换。");
        return new NewProduct(spu, title, titleEn, adjective.zh() + noun.zh() + "，" + leaf.zh() + "热卖", description,
                category, brandId, images, tags, skus);
    }

    /** The first {@code count} spec combinations in a shuffled order of each dimension's values. */
    private static List<List<SpecAttribute>> specCombinations(RandomGenerator random, List<Spec> specs, int count) {
        List<List<SpecAttribute>> combinations = new ArrayList<>();
        combinations.add(List.of());
        for (Spec spec : specs) {
            List<String> values = new ArrayList<>(spec.values());
            if (!spec.name().equals("存储") && !spec.name().equals("版本") && !spec.name().equals("段数")) {
                java.util.Collections.shuffle(values, random);
            }
            List<List<SpecAttribute>> next = new ArrayList<>();
            for (List<SpecAttribute> prefix : combinations) {
                for (String value : values) {
                    List<SpecAttribute> extended = new ArrayList<>(prefix);
                    extended.add(new SpecAttribute(spec.name(), value));
                    next.add(extended);
                }
            }
            combinations = next;
        }
        // a random selection of the combinations, kept in the catalog's natural order
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < combinations.size(); i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, random);
        List<List<SpecAttribute>> all = combinations;
        return order.subList(0, Math.min(count, order.size())).stream().sorted().map(all::get).toList();
    }

    private static int tier(List<Spec> specs, List<SpecAttribute> attributes) {
        int tier = 0;
        for (SpecAttribute attribute : attributes) {
            for (Spec spec : specs) {
                if (spec.name().equals(attribute.name()) && (spec.name().equals("存储") || spec.name().equals("版本"))) {
                    tier += spec.values().indexOf(attribute.value());
                }
            }
        }
        return tier;
    }

    /** An EAN-13 with China's GS1 prefix 69 and a correct check digit. */
    private static String barcode(RandomGenerator random) {
        StringBuilder digits = new StringBuilder("69");
        while (digits.length() < 12) {
            digits.append(random.nextInt(10));
        }
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (digits.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return digits.append((10 - sum % 10) % 10).toString();
    }

    private static Integer weight(RandomGenerator random, Leaf leaf) {
        return 50 + random.nextInt(Math.max(100, leaf.maxPrice()));
    }
}
