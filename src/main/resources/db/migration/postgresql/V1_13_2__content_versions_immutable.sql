CREATE FUNCTION content_version_is_immutable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'content_version rows are immutable: % refused', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER content_version_immutable
    BEFORE UPDATE OR DELETE ON content_version
    FOR EACH ROW EXECUTE FUNCTION content_version_is_immutable();
