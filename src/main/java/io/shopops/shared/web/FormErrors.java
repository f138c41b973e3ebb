package io.shopops.shared.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.shopops.shared.DomainException;
import io.shopops.shared.FieldViolation;

/** A refused console form's errors as field → reason, for {@code fragments :: formErrors(errors)}. */
public final class FormErrors {

    private FormErrors() {
    }

    public static Map<String, String> of(DomainException refused) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldViolation violation : refused.violations()) {
            errors.merge(violation.field(), violation.reason(), (a, b) -> a + "; " + b);
        }
        if (errors.isEmpty()) {
            errors.put("", refused.getMessage());
        }
        return errors;
    }
}
