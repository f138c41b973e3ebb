package io.shopops.shared;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Well-formed input that a business rule refuses (422): an illegal status transition, more stock
 * requested than is available. The code is stable for clients to branch on.
 */
@ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
public final class BusinessRuleException extends DomainException {

    private final String code;

    public BusinessRuleException(String code, String message) {
        super(message, List.of());
        this.code = code;
    }

    public BusinessRuleException(String code, String field, String reason) {
        super(reason, List.of(new FieldViolation(field, reason)));
        this.code = code;
    }

    /** A rule refused several parts of one request (a bulk action): each part is named. */
    public BusinessRuleException(String code, String message, List<FieldViolation> violations) {
        super(message, violations);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
