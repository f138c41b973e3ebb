package io.shopops.fulfilment.web;

import io.shopops.fulfilment.CarrierEvent;
import io.shopops.fulfilment.CarrierEventOutcome;
import io.shopops.fulfilment.CarrierView;
import io.shopops.fulfilment.Carriers;
import io.shopops.fulfilment.Tracking;
import io.shopops.shared.web.Problems;
import io.shopops.shared.web.RequiresPermission;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Carriers report tracking events here, without an API key: each request is signed instead. The body is read as
 * raw bytes, its HMAC-SHA256 under the carrier's secret is compared with the {@value #SIGNATURE_HEADER} header
 * ({@code sha256=<hex>}), and only a request whose signature matches is parsed and recorded. A missing or wrong
 * signature is refused with 401 and logged; a repeated event id is answered 200 {@code DUPLICATE}.
 */
@RestController
class CarrierWebhook {

    static final String SIGNATURE_HEADER = "X-Carrier-Signature";

    private static final Logger log = LoggerFactory.getLogger(CarrierWebhook.class);

    private final Carriers carriers;
    private final Tracking tracking;
    private final JsonMapper json;

    CarrierWebhook(Carriers carriers, Tracking tracking, JsonMapper json) {
        this.carriers = carriers;
        this.tracking = tracking;
        this.json = json;
    }

    record Receipt(CarrierEventOutcome outcome) {
    }

    @PostMapping("/api/v1/fulfilment/carriers/{carrier}/events")
    @RequiresPermission(RequiresPermission.PUBLIC)
    Receipt event(@PathVariable String carrier, @RequestBody(required = false) byte @Nullable [] body,
            @RequestHeader(name = SIGNATURE_HEADER, required = false) @Nullable String signature,
            HttpServletRequest request) {
        CarrierView known = carriers.carrier(carrier);
        byte[] bytes = body == null ? new byte[0] : body;
        if (!carriers.signatureMatches(known.code(), bytes, signature)) {
            log.warn("Refused a {} tracking event from {}: {}", known.code(), request.getRemoteAddr(),
                    signature == null ? "no signature" : "the signature does not match the body");
            throw new ErrorResponseException(HttpStatus.UNAUTHORIZED, Problems.of(HttpStatus.UNAUTHORIZED,
                    "signature-invalid", "Unauthorized",
                    "Sign the body with the carrier's secret: " + SIGNATURE_HEADER + ": sha256=<hex HMAC-SHA256>"),
                    null);
        }
        CarrierEvent event;
        try {
            event = json.readValue(bytes, CarrierEvent.class);
        } catch (JacksonException unreadable) {
            throw new HttpMessageNotReadableException("Unreadable carrier event", unreadable,
                    new ServletServerHttpRequest(request));
        }
        if (event == null) {
            throw new HttpMessageNotReadableException("Empty carrier event", new ServletServerHttpRequest(request));
        }
        return new Receipt(tracking.recordCarrierEvent(known.code(), event));
    }
}
