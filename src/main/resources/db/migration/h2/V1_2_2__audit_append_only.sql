CREATE TRIGGER audit_entry_append_only
    BEFORE UPDATE, DELETE ON audit_entry
    FOR EACH ROW CALL 'io.shopops.audit.internal.AppendOnlyTrigger';
