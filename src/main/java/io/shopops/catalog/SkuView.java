package io.shopops.catalog;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import io.shopops.shared.Money;
import org.jspecify.annotations.Nullable;

public record SkuView(SkuId id, String skuCode, List<SpecAttribute> attributes, Money listPrice, Money salePrice,
        Money costPrice, @Nullable String barcode, @Nullable Integer weightGrams, boolean active, Instant createdAt,
        Instant updatedAt) {

    public SkuView {
        attributes = List.copyOf(attributes);
    }

    public String specText() {
        return attributes.stream().map(SpecAttribute::value).collect(Collectors.joining(" / "));
    }
}
