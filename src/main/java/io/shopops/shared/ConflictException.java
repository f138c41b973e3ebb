package io.shopops.shared;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The request clashes with the current state: a duplicate code, or an edit based on a stale version (409). */
@ResponseStatus(HttpStatus.CONFLICT)
public final class ConflictException extends DomainException {

    public ConflictException(String message) {
        super(message, List.of());
    }

    public ConflictException(String message, List<FieldViolation> violations) {
        super(message, violations);
    }

    public ConflictException(String field, String reason) {
        super(reason, List.of(new FieldViolation(field, reason)));
    }
}
