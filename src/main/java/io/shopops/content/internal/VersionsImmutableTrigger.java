package io.shopops.content.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/** H2's counterpart of the PostgreSQL trigger that keeps {@code content_version} rows as they were written. */
public class VersionsImmutableTrigger implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("content_version rows are immutable: " + (newRow == null ? "DELETE" : "UPDATE")
                + " refused");
    }
}
