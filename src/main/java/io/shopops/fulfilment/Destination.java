package io.shopops.fulfilment;

import io.shopops.shared.privacy.Masks;
import org.jspecify.annotations.Nullable;

/**
 * Where a shipment goes: the recipient, their phone and the address as written on the label. Recipient, phone
 * and detail (street, building, room) are personal data, stored encrypted; province, city, district and postal
 * code are plain, so that shipments can be counted by region.
 */
public record Destination(@Nullable String recipientName, @Nullable String phone, @Nullable String province,
        @Nullable String city, @Nullable String district, @Nullable String detail, @Nullable String postalCode) {

    /** As shown to whoever may not print labels: 张*, 138****1234, and the region without the street. */
    public Destination masked() {
        return new Destination(Masks.name(recipientName), Masks.phone(phone), province, city, district,
                detail == null ? null : "****", postalCode);
    }
}
