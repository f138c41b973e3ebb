package io.shopops.customer.web;

import io.shopops.customer.CustomerDetail;
import io.shopops.customer.CustomerId;
import io.shopops.customer.CustomerQuery;
import io.shopops.customer.CustomerView;
import io.shopops.customer.Customers;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.web.RequiresPermission;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Customers for the operations team, masked. Phone and email are searched only whole (they are stored
 * encrypted); the nickname by fragment.
 */
@RestController
@RequestMapping("/api/v1/admin/customers")
@RequiresPermission("customer:read")
class CustomerAdminApi {

    private final Customers customers;

    CustomerAdminApi(Customers customers) {
        this.customers = customers;
    }

    @GetMapping
    Page<CustomerView> search(@RequestParam(required = false) @Nullable String phone,
            @RequestParam(required = false) @Nullable String email,
            @RequestParam(required = false) @Nullable String nickname,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return customers.find(new CustomerQuery(phone, email, nickname), new PageQuery(page, size));
    }

    @GetMapping("/{id}")
    CustomerDetail get(@PathVariable long id) {
        return customers.detail(new CustomerId(id));
    }
}
