package io.shopops.shared;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The addressed resource does not exist (404), or a referenced one does not (then a field is named). */
@ResponseStatus(HttpStatus.NOT_FOUND)
public final class NotFoundException extends DomainException {

    private final boolean reference;

    private NotFoundException(String message, List<FieldViolation> violations, boolean reference) {
        super(message, violations);
        this.reference = reference;
    }

    public static NotFoundException of(String resource, Object id) {
        return new NotFoundException("%s %s does not exist".formatted(resource, id), List.of(), false);
    }

    /**
     * A request names something that does not exist, for example an unknown category id in a product.
     * Reported as 400-class input error on the named field rather than a missing resource.
     */
    public static NotFoundException reference(String field, String resource, Object id) {
        String reason = "%s %s does not exist".formatted(resource, id);
        return new NotFoundException(reason, List.of(new FieldViolation(field, reason)), true);
    }

    /** Whether the missing thing was referenced from the request body rather than addressed by the URL. */
    public boolean isReference() {
        return reference;
    }
}
