package io.shopops.marketing.web;

import java.util.List;

import io.shopops.customer.CurrentCustomer;
import io.shopops.marketing.CouponTemplateId;
import io.shopops.marketing.CouponView;
import io.shopops.marketing.CustomerCoupons;
import io.shopops.shared.web.RequiresPermission;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The coupon centre (領券中心) and the customer's coupons. */
@RestController
@RequestMapping("/api/v1/store/coupons")
class StoreCouponApi {

    private final CustomerCoupons coupons;

    StoreCouponApi(CustomerCoupons coupons) {
        this.coupons = coupons;
    }

    record ClaimRequest(@Nullable Long templateId) {
    }

    @GetMapping("/claimable")
    @RequiresPermission(RequiresPermission.PUBLIC)
    List<CustomerCoupons.Claimable> claimable() {
        return coupons.claimable();
    }

    @GetMapping
    @RequiresPermission(RequiresPermission.CUSTOMER)
    List<CouponView> mine() {
        return coupons.mine(CurrentCustomer.require());
    }

    @PostMapping("/claim")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission(RequiresPermission.CUSTOMER)
    CouponView claim(@RequestBody ClaimRequest request) {
        return coupons.claim(CurrentCustomer.require(),
                request.templateId() == null ? null : new CouponTemplateId(request.templateId()));
    }
}
