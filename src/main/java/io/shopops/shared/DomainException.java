package io.shopops.shared;

import java.util.List;

/**
 * A request the domain refuses. Each subtype maps to one HTTP status in one place
 * ({@code shared.web.ApiExceptionHandler}); the violations name the fields at fault.
 */
public abstract sealed class DomainException extends RuntimeException
        permits InvalidInputException, NotFoundException, ConflictException, BusinessRuleException {

    private final List<FieldViolation> violations;

    protected DomainException(String message, List<FieldViolation> violations) {
        super(message);
        this.violations = List.copyOf(violations);
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
