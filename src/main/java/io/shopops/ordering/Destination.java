package io.shopops.ordering;

import io.shopops.shared.privacy.Masks;
import org.jspecify.annotations.Nullable;

/**
 * Where an order goes, as copied from the customer's address book at checkout. The customer and fulfilment see
 * it in full; staff lists and pages see it masked ({@link #masked()}).
 */
public record Destination(String recipient, String phone, String province, String city, String district,
        String detail, @Nullable String postalCode) {

    /** The destination as staff see it: 张*, 138****1234, the street reduced to its region. */
    public Destination masked() {
        return new Destination(String.valueOf(Masks.name(recipient)), String.valueOf(Masks.phone(phone)), province,
                city, district, "****", postalCode);
    }
}
