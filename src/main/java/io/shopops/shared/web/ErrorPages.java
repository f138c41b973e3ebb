package io.shopops.shared.web;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors raised outside a controller (unknown paths, filters, the servlet container): problem details
 * for the API, a readable page for the console.
 */
@Controller
class ErrorPages implements ErrorController {

    @RequestMapping(path = "/error", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView page(HttpServletRequest request) {
        HttpStatus status = status(request);
        return new ModelAndView("error", Map.of("status", status.value(), "error", status.getReasonPhrase()),
                status);
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        HttpStatus status = status(request);
        ProblemDetail problem = Problems.of(status, slug(status), status.getReasonPhrase(), detail(status));
        problem.setInstance(java.net.URI.create(originalUri(request).replaceAll("[^\\w/.\\-]", "")));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String detail(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "No resource at this path";
            case METHOD_NOT_ALLOWED -> "This path does not accept the request's method";
            case CONTENT_TOO_LARGE -> "The request body is too large";
            default -> status.is5xxServerError() ? "The server could not complete the request" : status.getReasonPhrase();
        };
    }

    private static String slug(HttpStatus status) {
        return status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code instanceof Integer value) {
            HttpStatus status = HttpStatus.resolve(value);
            if (status != null) {
                return status;
            }
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }

    private static String originalUri(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri == null ? "" : uri.toString();
    }
}
