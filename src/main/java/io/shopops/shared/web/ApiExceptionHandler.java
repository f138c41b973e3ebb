package io.shopops.shared.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.ConflictException;
import io.shopops.shared.DomainException;
import io.shopops.shared.FieldViolation;
import io.shopops.shared.InvalidInputException;
import io.shopops.shared.NotFoundException;
import jakarta.validation.ConstraintViolationException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place where failures of the REST API become RFC 9457 problem details. Field-level reasons
 * name the field as the client spelled it, so a client can point at the offending input.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> domain(DomainException exception) {
        ProblemDetail problem = switch (exception) {
            case InvalidInputException invalid -> Problems.validation(invalid.violations());
            case NotFoundException missing when missing.isReference() -> Problems.validation(missing.violations());
            case NotFoundException missing ->
                    Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", missing.getMessage());
            case ConflictException conflict -> Problems.withErrors(
                    Problems.of(HttpStatus.CONFLICT, "conflict", "Conflict", conflict.getMessage()),
                    conflict.violations());
            case BusinessRuleException rule -> {
                ProblemDetail p = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, rule.code(),
                        "Refused by a business rule", rule.getMessage());
                yield Problems.withErrors(p, rule.violations());
            }
        };
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException exception) {
        List<FieldViolation> violations = exception.getConstraintViolations().stream()
                .map(v -> new FieldViolation(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(Comparator.comparing(FieldViolation::field))
                .toList();
        return ResponseEntity.badRequest().body(Problems.validation(violations));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException exception) {
        String expected = exception.getRequiredType() == null ? "a valid value"
                : describe(exception.getRequiredType());
        return ResponseEntity.badRequest().body(Problems.validation(
                List.of(new FieldViolation(exception.getName(), "must be " + expected))));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> staleVersion(OptimisticLockingFailureException exception) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "stale-version", "Conflict",
                "The resource was changed by someone else; reload it and try again");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException exception) {
        // Reached only where a concurrent writer beat the application's own checks (two requests creating
        // the same code at once); the constraint kept the data right, the client may retry.
        log.info("Integrity violation refused a write: {}", exception.getMostSpecificCause().getMessage());
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "conflict", "Conflict",
                "The request conflicts with data written at the same time; reload and try again");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(PayloadTooLargeException exception) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(Problems.of(HttpStatus.CONTENT_TOO_LARGE,
                "payload-too-large", "Payload too large", exception.getMessage()));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            violations.add(new FieldViolation(error.getField(), reason(error)));
        }
        ex.getBindingResult().getGlobalErrors()
                .forEach(error -> violations.add(new FieldViolation(error.getObjectName(),
                        String.valueOf(error.getDefaultMessage()))));
        violations.sort(Comparator.comparing(FieldViolation::field));
        return ResponseEntity.badRequest().body(Problems.validation(violations));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error -> {
            String name = result.getMethodParameter().getParameterName();
            violations.add(new FieldViolation(name == null ? "parameter" : name,
                    String.valueOf(error.getDefaultMessage())));
        }));
        return ResponseEntity.badRequest().body(Problems.validation(violations));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException ex, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        return ResponseEntity.badRequest().body(Problems.validation(
                List.of(new FieldViolation(ex.getParameterName(), "is required"))));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(Problems.validation(List.of(unreadable(ex))));
    }

    /** Names the field that could not be read from the JSON body, and why, without echoing the input. */
    private static FieldViolation unreadable(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        if (cause instanceof PropertyBindingException unknown) {
            return new FieldViolation(path(unknown), "is not a known field");
        }
        if (cause instanceof InvalidFormatException format) {
            return new FieldViolation(path(format), "must be " + describe(format.getTargetType()));
        }
        if (cause instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return new FieldViolation(path(mismatch), "must be " + describe(mismatch.getTargetType()));
        }
        if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            Throwable root = databind.getCause();
            String reason = root instanceof IllegalArgumentException illegal && illegal.getMessage() != null
                    ? illegal.getMessage() : "has an invalid value";
            return new FieldViolation(path(databind), reason);
        }
        if (cause instanceof JacksonException) {
            return new FieldViolation("body", "is not valid JSON");
        }
        return new FieldViolation("body", "is missing or unreadable");
    }

    private static String path(DatabindException exception) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : exception.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String describe(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == java.math.BigDecimal.class || type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == java.time.Instant.class) {
            return "an ISO-8601 instant such as 2026-01-31T16:00:00Z";
        }
        return "a valid " + type.getSimpleName();
    }

    private static String reason(FieldError error) {
        if (error.isBindingFailure()) {
            return "has an invalid value";
        }
        return String.valueOf(error.getDefaultMessage());
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.indexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }
}
