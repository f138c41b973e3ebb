package io.shopops.shared.web;

import java.net.URI;
import java.util.List;

import io.shopops.shared.FieldViolation;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * RFC 9457 problem details as ShopOps writes them: a stable {@code type} per kind of failure and, where
 * fields are at fault, an {@code errors} array of {@code {field, reason}}.
 */
public final class Problems {

    public static final String TYPE_PREFIX = "urn:shopops:problem:";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + type));
        problem.setTitle(title);
        return problem;
    }

    public static ProblemDetail withErrors(ProblemDetail problem, List<FieldViolation> violations) {
        if (!violations.isEmpty()) {
            problem.setProperty("errors", violations);
        }
        return problem;
    }

    public static ProblemDetail validation(List<FieldViolation> violations) {
        String detail = violations.size() == 1
                ? violations.getFirst().field() + ": " + violations.getFirst().reason()
                : violations.size() + " fields are invalid";
        return withErrors(of(HttpStatus.BAD_REQUEST, "validation-failed", "Invalid request", detail), violations);
    }
}
