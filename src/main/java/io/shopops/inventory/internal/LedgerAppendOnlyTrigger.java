package io.shopops.inventory.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/** H2's counterpart of the PostgreSQL trigger that keeps the stock ledger ({@code stock_movement}) append-only. */
public class LedgerAppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("stock_movement is append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " refused");
    }
}
