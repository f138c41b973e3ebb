package io.shopops.catalog.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.shopops.shared.FieldViolation;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a product CSV into rows of cells by column name, reporting what it cannot read as problems rather
 * than failing: a bad header, a row with the wrong number of values, broken quoting, bytes that are not
 * UTF-8, too many rows. Rows are numbered by the line they start on, the header being row 1.
 */
final class ProductCsvReader {

    static final int MAX_ROWS = 10_000;

    private ProductCsvReader() {
    }

    record Row(int line, Map<String, String> cells) {

        /** The cell, trimmed and with the export's formula guard taken off; empty when the column is absent. */
        String get(String column) {
            String value = cells.get(column);
            return value == null ? "" : ProductCsv.restore(value);
        }
    }

    record Result(List<Row> rows, List<FieldViolation> problems, boolean hasStatusColumn) {
    }

    static Result read(InputStream input) {
        List<FieldViolation> problems = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();
        long line = 1;
        boolean hasStatusColumn = false;
        try {
            skipByteOrderMark(reader);
            try (CSVParser parser = CSVParser.parse(reader, format)) {
                Iterator<CSVRecord> records = parser.iterator();
                if (!records.hasNext()) {
                    problems.add(FieldViolation.row(1, "the file is empty: it needs a header row naming the columns"));
                    return new Result(rows, problems, false);
                }
                List<String> header = header(records.next(), problems);
                if (!problems.isEmpty()) {
                    return new Result(rows, problems, false);
                }
                line = parser.getCurrentLineNumber() + 1;
                while (records.hasNext()) {
                    CSVRecord record = records.next();
                    int row = (int) (parser.getCurrentLineNumber() - lineBreaksWithin(record));
                    line = parser.getCurrentLineNumber() + 1;
                    if (rows.size() >= MAX_ROWS) {
                        problems.add(FieldViolation.row(row, "the file has more than " + MAX_ROWS
                                + " data rows; split it into several files"));
                        break;
                    }
                    if (record.size() != header.size()) {
                        problems.add(FieldViolation.row(row, "has " + record.size() + " values where the header has "
                                + header.size() + " columns"));
                        rows.add(new Row(row, Map.of()));
                        continue;
                    }
                    Map<String, String> cells = new HashMap<>();
                    for (int i = 0; i < header.size(); i++) {
                        cells.put(header.get(i), record.get(i));
                    }
                    rows.add(new Row(row, cells));
                }
                hasStatusColumn = header.contains(ProductCsv.STATUS);
            }
        } catch (UncheckedIOException | IllegalStateException | IOException broken) {
            problems.add(FieldViolation.row((int) line, describe(broken)));
        }
        rows.removeIf(row -> row.cells().isEmpty());
        return new Result(rows, problems, hasStatusColumn);
    }

    /** Line breaks inside quoted values: a record starts that many lines before the line it ends on. */
    private static long lineBreaksWithin(CSVRecord record) {
        long breaks = 0;
        for (String value : record) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 == value.length() || value.charAt(i + 1) != '\n'))) {
                    breaks++;
                }
            }
        }
        return breaks;
    }

    private static List<String> header(CSVRecord record, List<FieldViolation> problems) {
        List<String> header = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String name : record) {
            String column = name.strip().toLowerCase(Locale.ROOT);
            if (!ProductCsv.COLUMNS.contains(column)) {
                problems.add(FieldViolation.cell(1, name.strip(), "is not a known column; the columns are "
                        + String.join(",", ProductCsv.COLUMNS)));
            } else if (!seen.add(column)) {
                problems.add(FieldViolation.cell(1, column, "appears twice in the header"));
            }
            header.add(column);
        }
        for (String column : ProductCsv.COLUMNS) {
            if (!seen.contains(column) && !ProductCsv.OPTIONAL_COLUMNS.contains(column)) {
                problems.add(FieldViolation.cell(1, column, "is missing from the header"));
            }
        }
        return header;
    }

    private static void skipByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }

    private static String describe(Exception broken) {
        Throwable cause = broken instanceof UncheckedIOException unchecked ? unchecked.getCause() : broken;
        if (cause instanceof CharacterCodingException) {
            return "is not valid UTF-8 text; save the file as UTF-8 (CSV UTF-8 in Excel)";
        }
        return "cannot be read as CSV (an unbalanced quote?); nothing after it was read";
    }
}
