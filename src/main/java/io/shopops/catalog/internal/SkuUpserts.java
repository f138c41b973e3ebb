package io.shopops.catalog.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.shopops.catalog.NewSku;
import io.shopops.catalog.ProductId;
import io.shopops.catalog.ProductView;
import io.shopops.catalog.SkuId;
import io.shopops.catalog.SkuView;
import io.shopops.catalog.SpecAttribute;
import io.shopops.shared.ConflictException;
import io.shopops.shared.InvalidInputException;
import io.shopops.shared.Violations;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The SKUs of a product change, checked against the product's stored SKUs and every other product's: a code
 * the product already has updates that SKU, a new code creates one (409 if another product holds it), and
 * no two SKUs of the product may share a spec.
 */
@Component
public class SkuUpserts {

    private final ProductRepository products;

    SkuUpserts(ProductRepository products) {
        this.products = products;
    }

    /** The SKUs listed, sorted into updates of the product's own SKUs and creations. */
    public record Plan(Map<SkuId, NewSku> updates, List<NewSku> creations) {
    }

    /** Checks the SKUs of a change (fields named {@code skus[i]...}) and plans their writes. */
    public Plan plan(ProductView product, List<NewSku> skus) {
        Map<String, SkuView> own = new HashMap<>();
        product.skus().forEach(sku -> own.put(sku.skuCode(), sku));
        Map<SkuId, NewSku> updates = new LinkedHashMap<>();
        List<NewSku> creations = new ArrayList<>();
        for (NewSku sku : skus) {
            SkuView existing = own.get(sku.skuCode().trim());
            if (existing != null) {
                updates.put(existing.id(), sku);
            } else {
                creations.add(sku);
            }
        }
        if (product.skus().size() + creations.size() > ProductRules.MAX_SKUS) {
            throw new InvalidInputException("skus", "a product has at most " + ProductRules.MAX_SKUS + " SKUs");
        }
        Map<String, Boolean> specs = new HashMap<>();
        for (SkuView sku : product.skus()) {
            if (!updates.containsKey(sku.id()) && !sku.attributes().isEmpty()) {
                specs.put(ProductRules.specKey(sku.attributes()), true);
            }
        }
        Violations repeated = new Violations();
        for (int i = 0; i < skus.size(); i++) {
            List<SpecAttribute> attributes = skus.get(i).attributes();
            if (attributes != null && !attributes.isEmpty()
                    && specs.putIfAbsent(ProductRules.specKey(attributes), true) != null) {
                repeated.add("skus[" + i + "].attributes", "repeat the spec of another SKU of the product");
            }
        }
        repeated.throwIfAny();
        Set<String> taken = products.existingSkuCodes(creations.stream().map(NewSku::skuCode).toList());
        if (!taken.isEmpty()) {
            Violations duplicates = new Violations();
            for (int i = 0; i < skus.size(); i++) {
                String code = skus.get(i).skuCode().trim();
                if (taken.contains(code) && !own.containsKey(code)) {
                    duplicates.add("skus[" + i + "].skuCode", "is already used by another SKU");
                }
            }
            throw new ConflictException("SKU codes are already used by other SKUs", duplicates.list());
        }
        return new Plan(updates, creations);
    }

    public void apply(ProductId id, Plan plan, Currency currency, Instant now) {
        plan.updates().forEach((skuId, sku) -> products.updateSku(skuId, sku, now));
        int position = plan.creations().isEmpty() ? 0 : products.nextSkuPosition(id);
        for (NewSku sku : plan.creations()) {
            products.insertSku(id, sku, position++, currency, now);
        }
    }

    /** A SKU added or changed on its own may not repeat the spec of the product's other SKUs. */
    public static void requireDistinctSpec(ProductView product, @Nullable SkuId except, NewSku sku) {
        if (sku.attributes() == null || sku.attributes().isEmpty()) {
            return;
        }
        String key = ProductRules.specKey(sku.attributes());
        for (SkuView other : product.skus()) {
            if (!other.id().equals(except) && !other.attributes().isEmpty()
                    && ProductRules.specKey(other.attributes()).equals(key)) {
                throw new InvalidInputException("attributes", "repeat the spec of SKU " + other.skuCode());
            }
        }
    }
}
