package io.shopops.payment.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.shopops.payment.PaymentProvider;
import io.shopops.payment.Payments;
import io.shopops.shared.web.RequiresPermission;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where payment providers send their asynchronous notifications. Open to anyone: each request carries its own
 * signature, which the provider's implementation verifies before anything is read from it. A handled notification
 * is answered as the provider expects ({@code success} for the sandbox and Alipay); a refused one with a problem
 * detail (4xx), so the provider keeps resending it and the incident is on the console.
 */
@RestController
class PaymentNotificationApi {

    private final Payments payments;

    PaymentNotificationApi(Payments payments) {
        this.payments = payments;
    }

    @PostMapping("/api/v1/payments/notify/{provider}")
    @RequiresPermission(RequiresPermission.PUBLIC)
    ResponseEntity<String> notify(@PathVariable String provider, @RequestHeader HttpHeaders headers,
            @RequestBody(required = false) @Nullable String body) {
        Map<String, String> received = new LinkedHashMap<>();
        headers.forEach((name, values) -> {
            if (!values.isEmpty()) {
                received.put(name, values.getFirst());
            }
        });
        PaymentProvider.Acknowledgement answer = payments.handleNotification(provider, received,
                body == null ? "" : body);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(answer.contentType())).body(answer.body());
    }
}
