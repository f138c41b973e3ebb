CREATE TRIGGER stock_movement_append_only
    BEFORE UPDATE, DELETE ON stock_movement
    FOR EACH ROW CALL 'io.shopops.inventory.internal.LedgerAppendOnlyTrigger';
