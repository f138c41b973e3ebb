package io.shopops.shared.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;

/**
 * Instants in and out of {@code TIMESTAMP WITH TIME ZONE} columns as {@link OffsetDateTime} in UTC, which
 * both H2 and PostgreSQL drivers map exactly, whatever the JVM's or the session's time zone.
 */
public final class SqlTime {

    private SqlTime() {
    }

    public static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static Instant requiredInstant(ResultSet rs, String column) throws SQLException {
        Instant value = instant(rs, column);
        if (value == null) {
            throw new SQLException("Column " + column + " is unexpectedly null");
        }
        return value;
    }
}
