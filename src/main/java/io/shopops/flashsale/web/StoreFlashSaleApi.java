package io.shopops.flashsale.web;

import io.shopops.catalog.SkuId;
import io.shopops.customer.CurrentCustomer;
import io.shopops.customer.CustomerId;
import io.shopops.flashsale.Attempt;
import io.shopops.flashsale.Entitlement;
import io.shopops.flashsale.FlashSaleGate;
import io.shopops.flashsale.FlashSaleId;
import io.shopops.flashsale.internal.AttemptThrottle;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.web.Problems;
import io.shopops.shared.web.RequiresPermission;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in customer's flash-sale attempts and entitlements. An attempt is answered 201 with the entitlement
 * when accepted, 200 with the same entitlement for every repeat, 422 with a code when refused ({@code sold-out},
 * {@code not-running}, {@code limit-reached}), and 429 with {@code Retry-After} when the customer attempts faster
 * than {@code shopops.flashsale.attempts-per-second} on this node.
 */
@RestController
@RequestMapping("/api/v1/store/flash-sales")
@RequiresPermission(RequiresPermission.CUSTOMER)
class StoreFlashSaleApi {

    private final FlashSaleGate gate;
    private final AttemptThrottle throttle;

    StoreFlashSaleApi(FlashSaleGate gate, AttemptThrottle throttle) {
        this.gate = gate;
        this.throttle = throttle;
    }

    /** @param quantity units wanted, 1 when not given */
    record AttemptRequest(@Nullable Integer quantity) {
    }

    record AttemptAnswer(boolean accepted, boolean repeated, Entitlement entitlement) {
    }

    @PostMapping("/{saleId}/items/{skuId}/attempts")
    ResponseEntity<?> attempt(@PathVariable long saleId, @PathVariable long skuId,
            @RequestBody(required = false) @Nullable AttemptRequest request) {
        CustomerId customer = CurrentCustomer.require();
        if (!throttle.allow(customer)) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, "1")
                    .body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-attempts", "Too many attempts",
                            "Too many flash-sale attempts in a second; try again in a second"));
        }
        Integer quantity = request == null || request.quantity() == null ? Integer.valueOf(1) : request.quantity();
        return switch (gate.attempt(new FlashSaleId(saleId), new SkuId(skuId), customer, quantity)) {
            case Attempt.Accepted accepted -> ResponseEntity.status(accepted.repeated() ? HttpStatus.OK
                    : HttpStatus.CREATED).body(new AttemptAnswer(true, accepted.repeated(), accepted.entitlement()));
            case Attempt.Refused refused -> throw refused.refusal() == Attempt.Refusal.LIMIT_REACHED
                    ? new BusinessRuleException(refused.refusal().code(), "quantity", refused.message())
                    : new BusinessRuleException(refused.refusal().code(), refused.message());
        };
    }

    /** The customer's entitlements, newest first, with what became of each. */
    @GetMapping("/entitlements")
    Page<Entitlement> entitlements(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return gate.entitlements(CurrentCustomer.require(), new PageQuery(page, size));
    }
}
