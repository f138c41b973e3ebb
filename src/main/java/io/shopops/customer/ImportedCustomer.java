package io.shopops.customer;

import java.util.List;

/** A customer written by {@link Customers#importHistorical}: the account's id and its addresses' ids, in input order. */
public record ImportedCustomer(CustomerId id, List<AddressId> addresses) {

    public ImportedCustomer {
        addresses = List.copyOf(addresses);
    }
}
