package io.shopops.shared;

/**
 * One reason a request was refused, naming the field as the client sent it: {@code skus[1].salePrice},
 * or for CSV imports {@code row 7, column sale_price}.
 */
public record FieldViolation(String field, String reason) {
}
