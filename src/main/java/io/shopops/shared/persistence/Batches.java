package io.shopops.shared.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import java.util.regex.Pattern;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Bulk writes (imports of history): rows go to the database as JDBC batches of {@value #SIZE}, which H2 and
 * PostgreSQL both take in one round trip each without holding the whole import's statements in memory.
 */
public final class Batches {

    /** Rows per JDBC batch. */
    public static final int SIZE = 1000;
    /** Rows per multi-row INSERT statement ({@link #insert}). */
    static final int ROWS_PER_STATEMENT = 100;

    private static final Pattern PARAMETER = Pattern.compile(":([A-Za-z][A-Za-z0-9_]*)");

    private Batches() {
    }

    /** Runs the statement once per row, {@value #SIZE} rows per batch. */
    public static void update(NamedParameterJdbcTemplate jdbc, String sql, List<? extends SqlParameterSource> rows) {
        for (List<? extends SqlParameterSource> chunk : chunks(rows, SIZE)) {
            jdbc.batchUpdate(sql, chunk.toArray(SqlParameterSource[]::new));
        }
    }

    /**
     * Inserts the rows with multi-row INSERT statements ({@value #ROWS_PER_STATEMENT} rows each, sent as JDBC batches
     * of {@value #SIZE} rows): one statement per hundred rows rather than one per row, which PostgreSQL in particular
     * executes many times faster. {@code sql} is an ordinary one-row {@code INSERT INTO t (...) VALUES (:a, :b)}; its
     * VALUES tuple is repeated for every row, with positional parameters.
     */
    public static void insert(NamedParameterJdbcTemplate jdbc, String sql, List<MapSqlParameterSource> rows) {
        int values = sql.toUpperCase(java.util.Locale.ROOT).lastIndexOf("VALUES");
        if (values < 0) {
            throw new IllegalArgumentException("Not an INSERT ... VALUES statement: " + sql);
        }
        String head = sql.substring(0, values + "VALUES".length());
        String tuple = sql.substring(values + "VALUES".length()).strip();
        List<String> names = new ArrayList<>();
        PARAMETER.matcher(tuple).results().forEach(m -> names.add(m.group(1)));
        String placeholders = PARAMETER.matcher(tuple).replaceAll("?");
        for (List<MapSqlParameterSource> batch : chunks(rows, SIZE)) {
            List<Object[]> full = new ArrayList<>();
            for (List<MapSqlParameterSource> statement : chunks(batch, ROWS_PER_STATEMENT)) {
                if (statement.size() == ROWS_PER_STATEMENT) {
                    full.add(arguments(names, statement));
                } else {
                    jdbc.getJdbcOperations().update(multiRow(head, placeholders, statement.size()),
                            arguments(names, statement));
                }
            }
            if (!full.isEmpty()) {
                jdbc.getJdbcOperations().batchUpdate(multiRow(head, placeholders, ROWS_PER_STATEMENT), full);
            }
        }
    }

    private static String multiRow(String head, String tuple, int rows) {
        StringBuilder sql = new StringBuilder(head.length() + rows * (tuple.length() + 2)).append(head).append(' ');
        for (int row = 0; row < rows; row++) {
            sql.append(row == 0 ? "" : ", ").append(tuple);
        }
        return sql.toString();
    }

    /** The rows' values in the order of the tuple's parameters, one row after another. */
    private static Object[] arguments(List<String> names, List<MapSqlParameterSource> rows) {
        Object[] arguments = new Object[names.size() * rows.size()];
        int i = 0;
        for (MapSqlParameterSource row : rows) {
            for (String name : names) {
                if (!row.hasValue(name)) {
                    throw new IllegalArgumentException("No value for parameter :" + name);
                }
                arguments[i++] = row.getValue(name);
            }
        }
        return arguments;
    }

    /**
     * Runs an INSERT once per row, {@value #SIZE} rows per batch, and answers the generated key of each row in the
     * order of the rows (both databases return a batch's keys in the order its rows were added).
     */
    public static List<Long> insertReturningKeys(NamedParameterJdbcTemplate jdbc, String sql, String keyColumn,
            List<? extends SqlParameterSource> rows) {
        List<Long> keys = new ArrayList<>(rows.size());
        for (List<? extends SqlParameterSource> chunk : chunks(rows, SIZE)) {
            GeneratedKeyHolder holder = new GeneratedKeyHolder();
            jdbc.batchUpdate(sql, chunk.toArray(SqlParameterSource[]::new), holder, new String[] { keyColumn });
            List<Map<String, Object>> generated = holder.getKeyList();
            if (generated.size() != chunk.size()) {
                throw new IllegalStateException("The database returned %d keys for a batch of %d rows"
                        .formatted(generated.size(), chunk.size()));
            }
            for (Map<String, Object> row : generated) {
                keys.add(((Number) row.values().iterator().next()).longValue());
            }
        }
        return keys;
    }

    /** The list cut into consecutive parts of at most {@code size} elements (views, not copies). */
    public static <T> List<List<T>> chunks(List<T> items, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int start = 0; start < items.size(); start += size) {
            chunks.add(items.subList(start, Math.min(items.size(), start + size)));
        }
        return chunks;
    }
}
