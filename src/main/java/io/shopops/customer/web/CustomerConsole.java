package io.shopops.customer.web;

import java.util.List;

import io.shopops.customer.CustomerId;
import io.shopops.customer.CustomerQuery;
import io.shopops.customer.Customers;
import io.shopops.shared.DomainException;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.web.ConsoleController;
import io.shopops.shared.web.FormErrors;
import io.shopops.shared.web.RequiresPermission;
import org.jspecify.annotations.Nullable;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The customer list and a customer's page on the console, masked (客户). */
@ConsoleController
@RequestMapping("/console/customers")
@RequiresPermission("customer:read")
class CustomerConsole {

    private final Customers customers;

    CustomerConsole(Customers customers) {
        this.customers = customers;
    }

    @GetMapping
    String list(@RequestParam(required = false) @Nullable String phone,
            @RequestParam(required = false) @Nullable String email,
            @RequestParam(required = false) @Nullable String nickname,
            @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("phone", phone);
        model.addAttribute("email", email);
        model.addAttribute("nickname", nickname);
        try {
            model.addAttribute("customers", customers.find(new CustomerQuery(phone, email, nickname),
                    new PageQuery(page, 20)));
        } catch (DomainException refused) {
            model.addAttribute("errors", FormErrors.of(refused));
            model.addAttribute("customers", Page.of(List.of(), PageQuery.first(20), 0));
        }
        return "customer/customers";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("detail", customers.detail(new CustomerId(id)));
        return "customer/customer";
    }
}
