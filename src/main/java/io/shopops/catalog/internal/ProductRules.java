package io.shopops.catalog.internal;

import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.shopops.catalog.CategoryId;
import io.shopops.catalog.NewProduct;
import io.shopops.catalog.NewSku;
import io.shopops.catalog.ProductChanges;
import io.shopops.catalog.SpecAttribute;
import io.shopops.shared.Violations;
import org.jspecify.annotations.Nullable;

/**
 * The rules a product's data must meet, checked in full before anything is written so that a client (or
 * a CSV row) hears every problem at once. Checks against stored data (codes taken, unknown category) are
 * the facade's; these need only the input.
 */
public final class ProductRules {

    public static final int MAX_SKUS = 200;
    public static final int MAX_IMAGES = 20;
    public static final int MAX_TAGS = 20;
    public static final int MAX_ATTRIBUTES = 5;

    private ProductRules() {
    }

    public static void checkProduct(Violations v, NewProduct product, Currency currency) {
        v.code("spuCode", product.spuCode());
        checkDetails(v, product.title(), product.titleEn(), product.subtitle(), product.description(),
                product.categoryId(), product.imageUrls(), product.tags());
        List<NewSku> skus = product.skus() == null ? List.of() : product.skus();
        if (skus.isEmpty()) {
            v.add("skus", "must contain at least one SKU");
        } else {
            checkSkus(v, skus, currency);
        }
    }

    /** The changes of an existing product; its SKUs listed (if any) follow the same rules as at creation. */
    public static void checkChanges(Violations v, ProductChanges changes, Currency currency) {
        checkDetails(v, changes.title(), changes.titleEn(), changes.subtitle(), changes.description(),
                changes.categoryId(), changes.imageUrls(), changes.tags());
        if (changes.skus() != null && !changes.skus().isEmpty()) {
            checkSkus(v, changes.skus(), currency);
        }
    }

    private static void checkDetails(Violations v, @Nullable String title, @Nullable String titleEn,
            @Nullable String subtitle, @Nullable String description, @Nullable CategoryId categoryId,
            @Nullable List<String> imageUrls, @Nullable Set<String> tags) {
        v.text("title", title, true, 200);
        v.text("titleEn", titleEn, false, 200);
        v.text("subtitle", subtitle, false, 300);
        v.multilineText("description", description, false, 20_000);
        v.check(categoryId != null, "categoryId", "is required");
        checkImages(v, imageUrls);
        checkTags(v, tags);
    }

    /** A list of SKUs of one product: each valid, no code or spec twice. */
    public static void checkSkus(Violations v, List<NewSku> skus, Currency currency) {
        if (skus.size() > MAX_SKUS) {
            v.add("skus", "must contain at most " + MAX_SKUS + " SKUs");
            return;
        }
        Set<String> codes = new HashSet<>();
        Set<String> specs = new HashSet<>();
        for (int i = 0; i < skus.size(); i++) {
            NewSku sku = skus.get(i);
            Violations at = v.nested("skus[" + i + "]");
            if (sku == null) {
                at.add("skuCode", "is required");
                continue;
            }
            checkSku(at, sku, currency);
            if (sku.skuCode() != null && !codes.add(sku.skuCode().trim())) {
                at.add("skuCode", "is repeated within the product");
            }
            if (sku.attributes() != null && !sku.attributes().isEmpty()
                    && !specs.add(specKey(sku.attributes()))) {
                at.add("attributes", "repeat the spec of another SKU of the product");
            }
        }
    }

    public static void checkImages(Violations v, @Nullable List<String> urls) {
        if (urls == null) {
            return;
        }
        if (urls.size() > MAX_IMAGES) {
            v.add("imageUrls", "must contain at most " + MAX_IMAGES + " images");
            return;
        }
        for (int i = 0; i < urls.size(); i++) {
            v.url("imageUrls[" + i + "]", urls.get(i), true);
        }
    }

    public static void checkTags(Violations v, @Nullable Set<String> tags) {
        if (tags == null) {
            return;
        }
        if (tags.size() > MAX_TAGS) {
            v.add("tags", "must contain at most " + MAX_TAGS + " tags");
            return;
        }
        for (String tag : tags) {
            v.text("tags", tag, true, 32);
            if (tag != null && (tag.contains("|") || tag.contains(","))) {
                v.add("tags", "must not contain '|' or ','");
            }
        }
    }

    public static void checkSku(Violations v, NewSku sku, Currency currency) {
        v.code("skuCode", sku.skuCode());
        v.amount("listPrice", sku.listPrice(), currency);
        v.amount("salePrice", sku.salePrice(), currency);
        v.amount("costPrice", sku.costPrice(), currency);
        if (sku.listPrice() != null && sku.salePrice() != null && sku.salePrice().compareTo(sku.listPrice()) > 0) {
            v.add("salePrice", "must not exceed listPrice");
        }
        v.text("barcode", sku.barcode(), false, 64);
        if (sku.weightGrams() != null && (sku.weightGrams() < 0 || sku.weightGrams() > 1_000_000)) {
            v.add("weightGrams", "must be between 0 and 1000000");
        }
        List<SpecAttribute> attributes = sku.attributes() == null ? List.of() : sku.attributes();
        if (attributes.size() > MAX_ATTRIBUTES) {
            v.add("attributes", "must contain at most " + MAX_ATTRIBUTES + " attributes");
            return;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < attributes.size(); i++) {
            SpecAttribute attribute = attributes.get(i);
            Violations at = v.nested("attributes[" + i + "]");
            if (attribute == null) {
                at.add("name", "is required");
                continue;
            }
            at.text("name", attribute.name(), true, 32);
            at.text("value", attribute.value(), true, 64);
            if (attribute.name() != null && !names.add(attribute.name().trim())) {
                at.add("name", "is repeated within the SKU");
            }
            if (attribute.name() != null && (attribute.name().contains(":") || attribute.name().contains("|"))) {
                at.add("name", "must not contain ':' or '|'");
            }
            if (attribute.value() != null && attribute.value().contains("|")) {
                at.add("value", "must not contain '|'");
            }
        }
    }

    /** Two SKUs of a product with the same key have the same spec, whatever the order of their attributes. */
    public static String specKey(List<SpecAttribute> attributes) {
        return attributes.stream().filter(java.util.Objects::nonNull)
                .map(a -> String.valueOf(a.name()).trim() + "=" + String.valueOf(a.value()).trim())
                .sorted().reduce("", (a, b) -> a + "|" + b);
    }
}
