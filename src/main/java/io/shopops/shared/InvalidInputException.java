package io.shopops.shared;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Input that is malformed or out of range (400). Nothing has been written when this is thrown. */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public final class InvalidInputException extends DomainException {

    public InvalidInputException(List<FieldViolation> violations) {
        super(summary(violations), violations);
    }

    public InvalidInputException(String field, String reason) {
        this(List.of(new FieldViolation(field, reason)));
    }

    private static String summary(List<FieldViolation> violations) {
        if (violations.size() == 1) {
            return violations.getFirst().field() + ": " + violations.getFirst().reason();
        }
        return violations.size() + " fields are invalid";
    }
}
