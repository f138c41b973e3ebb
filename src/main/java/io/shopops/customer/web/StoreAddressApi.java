package io.shopops.customer.web;

import java.net.URI;
import java.util.List;

import io.shopops.customer.AddressDetails;
import io.shopops.customer.AddressId;
import io.shopops.customer.CurrentCustomer;
import io.shopops.customer.Customers;
import io.shopops.customer.ShippingAddress;
import io.shopops.shared.InvalidInputException;
import io.shopops.shared.web.RequiresPermission;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in customer's own shipping addresses (收货地址); nobody else's are reachable from here. */
@RestController
@RequestMapping("/api/v1/store/me/addresses")
@RequiresPermission(RequiresPermission.CUSTOMER)
class StoreAddressApi {

    private final Customers customers;

    StoreAddressApi(Customers customers) {
        this.customers = customers;
    }

    record AddressRequest(@Nullable String recipient, @Nullable String phone, @Nullable String province,
            @Nullable String city, @Nullable String district, @Nullable String detail, @Nullable String postalCode) {

        AddressDetails details() {
            return new AddressDetails(recipient, phone, province, city, district, detail, postalCode);
        }
    }

    /** New parts of an address with the version the client read. */
    record AddressUpdateRequest(@Nullable String recipient, @Nullable String phone, @Nullable String province,
            @Nullable String city, @Nullable String district, @Nullable String detail, @Nullable String postalCode,
            @Nullable Long version) {
    }

    @GetMapping
    List<ShippingAddress> list() {
        return customers.addresses(CurrentCustomer.require());
    }

    @GetMapping("/{id}")
    ShippingAddress get(@PathVariable long id) {
        return customers.address(CurrentCustomer.require(), new AddressId(id));
    }

    @PostMapping
    ResponseEntity<ShippingAddress> add(@RequestBody AddressRequest request) {
        ShippingAddress added = customers.addAddress(CurrentCustomer.require(), request.details());
        return ResponseEntity.created(URI.create("/api/v1/store/me/addresses/" + added.id())).body(added);
    }

    @PutMapping("/{id}")
    ShippingAddress update(@PathVariable long id, @RequestBody AddressUpdateRequest request) {
        if (request.version() == null) {
            throw new InvalidInputException("version", "is required: send the version you read");
        }
        return customers.updateAddress(CurrentCustomer.require(), new AddressId(id),
                new AddressDetails(request.recipient(), request.phone(), request.province(), request.city(),
                        request.district(), request.detail(), request.postalCode()),
                request.version());
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        customers.deleteAddress(CurrentCustomer.require(), new AddressId(id));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/default")
    ShippingAddress makeDefault(@PathVariable long id) {
        return customers.setDefaultAddress(CurrentCustomer.require(), new AddressId(id));
    }
}
