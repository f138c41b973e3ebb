package io.shopops.catalog.web;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/** Headers of a CSV file download, for the API and the console alike. */
final class CsvDownload {

    static final String CONTENT_TYPE = "text/csv; charset=UTF-8";

    private CsvDownload() {
    }

    static void prepare(HttpServletResponse response, String filename) {
        response.setContentType(CONTENT_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
