package io.shopops.shared;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * One reason a request was refused, naming the field as the client sent it: {@code skus[1].salePrice},
 * or for CSV imports {@code row 7, column sale_price}, where {@code row} (the line in the file, the header
 * being row 1) and {@code column} are also given on their own so that a client can point at the cell.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldViolation(String field, String reason, @Nullable Integer row, @Nullable String column) {

    public FieldViolation(String field, String reason) {
        this(field, reason, null, null);
    }

    /** A problem in one cell of an uploaded file. */
    public static FieldViolation cell(int row, String column, String reason) {
        return new FieldViolation("row " + row + ", column " + column, reason, row, column);
    }

    /** A problem with a whole row of an uploaded file (wrong number of values, broken quoting). */
    public static FieldViolation row(int row, String reason) {
        return new FieldViolation("row " + row, reason, row, null);
    }
}
