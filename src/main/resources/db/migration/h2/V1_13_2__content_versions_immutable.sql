CREATE TRIGGER content_version_immutable
    BEFORE UPDATE, DELETE ON content_version
    FOR EACH ROW CALL 'io.shopops.content.internal.VersionsImmutableTrigger';
