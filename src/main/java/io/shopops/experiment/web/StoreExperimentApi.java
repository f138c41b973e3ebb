package io.shopops.experiment.web;

import io.shopops.customer.CurrentCustomer;
import io.shopops.experiment.Assignment;
import io.shopops.experiment.ConversionOutcome;
import io.shopops.experiment.ExperimentTracking;
import io.shopops.shared.web.RequiresPermission;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The storefront asks which variant to show and reports conversions. Public: a DEVICE experiment's unit is the
 * {@code deviceId} in the body; a CUSTOMER experiment's is the customer whose token comes with the request (without
 * one the answer is "sign-in required", and the storefront shows the default experience).
 */
@RestController
@RequestMapping("/api/v1/store/experiments")
@RequiresPermission(RequiresPermission.PUBLIC)
class StoreExperimentApi {

    private final ExperimentTracking tracking;

    StoreExperimentApi(ExperimentTracking tracking) {
        this.tracking = tracking;
    }

    record AssignmentRequest(@Nullable String deviceId) {
    }

    record ConversionRequest(@Nullable String deviceId, @Nullable String event) {
    }

    @PostMapping("/{key}/assignment")
    Assignment assignment(@PathVariable String key, @RequestBody(required = false) @Nullable AssignmentRequest request) {
        return tracking.assign(key, CurrentCustomer.id().orElse(null), request == null ? null : request.deviceId());
    }

    @PostMapping("/{key}/conversions")
    ConversionOutcome conversion(@PathVariable String key, @RequestBody ConversionRequest request) {
        return tracking.convert(key, CurrentCustomer.id().orElse(null), request.deviceId(), request.event());
    }
}
