package io.shopops.content.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.shopops.catalog.ProductId;
import io.shopops.content.ContentAction;
import io.shopops.content.ContentChannel;
import io.shopops.content.ContentId;
import io.shopops.content.ContentStatus;
import io.shopops.content.ContentType;
import io.shopops.content.ContentView;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.persistence.Like;
import io.shopops.shared.persistence.SqlTime;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Content items, their versions (written once, never changed: a trigger refuses it) with channels, images and tags,
 * and their timelines. Every workflow step is one conditional UPDATE from the item's version the client read and
 * the statuses the step may start from, checked by its row count: two members acting on the same item at once
 * change it once.
 */
@Repository
public class ContentRepository {

    /** Which version of an item a query reads: the newest, the live one, or the one a calendar shows. */
    public enum Pointer {
        CURRENT("i.current_version"), PUBLISHED("i.published_version"),
        SHOWN("COALESCE(i.published_version, i.current_version)");

        private final String column;

        Pointer(String column) {
            this.column = column;
        }
    }

    private final JdbcClient jdbc;

    ContentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- writing ----------------------------------------------------------------------------------------------

    /** A new item in DRAFT pointing at its first version (written next). */
    public ContentId insertItem(ContentType type, Instant at, String actor) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO content_item (content_type, status, current_version, created_at, created_by, updated_at,
                    updated_by, version)
                VALUES (:type, 'DRAFT', 1, :at, :actor, :at, :actor, 0)
                """)
                .param("type", type.name()).param("at", SqlTime.utc(at)).param("actor", actor).update(keys, "id");
        return new ContentId(keys.getKeyAs(Number.class).longValue());
    }

    public void insertVersion(VersionRecord v) {
        long id = v.contentId().value();
        jdbc.sql("""
                INSERT INTO content_version (content_id, version_no, title, body, link_url, product_id, campaign_code,
                    publish_from, publish_until, changed_fields, restored_from, created_at, created_by)
                VALUES (:id, :no, :title, :body, :link, :product, :campaign, :from, :until, :changed, :restored, :at,
                    :actor)
                """)
                .param("id", id).param("no", v.number()).param("title", v.title()).param("body", v.body())
                .param("link", v.linkUrl()).param("product", v.productId() == null ? null : v.productId().value())
                .param("campaign", v.campaignCode()).param("from", SqlTime.utc(v.publishFrom()))
                .param("until", SqlTime.utc(v.publishUntil())).param("changed", String.join(",", v.changedFields()))
                .param("restored", v.restoredFrom()).param("at", SqlTime.utc(v.createdAt()))
                .param("actor", v.createdBy()).update();
        for (ContentChannel channel : v.channels()) {
            jdbc.sql("INSERT INTO content_version_channel (content_id, version_no, channel) VALUES (:id, :no, :channel)")
                    .param("id", id).param("no", v.number()).param("channel", channel.name()).update();
        }
        for (int i = 0; i < v.imageUrls().size(); i++) {
            jdbc.sql("INSERT INTO content_version_image (content_id, version_no, seq, url) VALUES (:id, :no, :seq, :url)")
                    .param("id", id).param("no", v.number()).param("seq", i).param("url", v.imageUrls().get(i))
                    .update();
        }
        for (int i = 0; i < v.tags().size(); i++) {
            jdbc.sql("INSERT INTO content_version_tag (content_id, version_no, seq, tag) VALUES (:id, :no, :seq, :tag)")
                    .param("id", id).param("no", v.number()).param("seq", i).param("tag", v.tags().get(i)).update();
        }
    }

    /**
     * Takes one workflow step if the item is still at the version the client read and in a status the step may
     * start from; false otherwise (nothing changed). An edit also moves the item to its next version number.
     */
    public boolean step(ContentId id, long expectedVersion, ContentAction action, Instant at, String actor) {
        String set = switch (action) {
            case EDIT -> "status = 'DRAFT', current_version = current_version + 1";
            case SUBMIT -> "status = 'IN_REVIEW'";
            case APPROVE -> "status = 'PUBLISHED', published_version = current_version";
            case REJECT -> "status = 'DRAFT'";
            case ARCHIVE -> "status = 'ARCHIVED', published_version = NULL";
        };
        return jdbc.sql("UPDATE content_item SET " + set + """
                , updated_at = :at, updated_by = :actor, version = version + 1
                WHERE id = :id AND version = :expected AND status IN (:from)
                """)
                .param("at", SqlTime.utc(at)).param("actor", actor).param("id", id.value())
                .param("expected", expectedVersion)
                .param("from", action.from().stream().map(Enum::name).toList()).update() == 1;
    }

    public void event(ContentId id, Instant at, String type, int versionNo, String actor, @Nullable String note) {
        jdbc.sql("""
                INSERT INTO content_event (content_id, occurred_at, event_type, version_no, actor, note)
                VALUES (:id, :at, :type, :no, :actor, :note)
                """)
                .param("id", id.value()).param("at", SqlTime.utc(at)).param("type", type).param("no", versionNo)
                .param("actor", actor).param("note", note).update();
    }

    // --- reading one item -------------------------------------------------------------------------------------

    public Optional<ContentRecord> find(ContentId id) {
        return jdbc.sql("SELECT * FROM content_item WHERE id = :id").param("id", id.value())
                .query(ContentRepository::item).optional();
    }

    public Optional<VersionRecord> version(ContentId id, int number) {
        Optional<VersionRecord> row = jdbc.sql("SELECT * FROM content_version WHERE content_id = :id AND version_no = :no")
                .param("id", id.value()).param("no", number).query(ContentRepository::versionRow).optional();
        return row.map(v -> withParts(v, channels(id, number), strings("url", "content_version_image", id, number),
                strings("tag", "content_version_tag", id, number)));
    }

    /**
     * A page of the item's versions, newest first, and how many it has.
     */
    public Page<VersionRecord> versions(ContentId id, PageQuery page) {
        long total = jdbc.sql("SELECT COUNT(*) FROM content_version WHERE content_id = :id").param("id", id.value())
                .query(Long.class).single();
        List<VersionRecord> rows = jdbc.sql("""
                SELECT * FROM content_version WHERE content_id = :id ORDER BY version_no DESC LIMIT :limit OFFSET :offset
                """)
                .param("id", id.value()).param("limit", page.size()).param("offset", page.offset())
                .query(ContentRepository::versionRow).list();
        List<VersionRecord> full = new ArrayList<>();
        for (VersionRecord v : rows) {
            full.add(withParts(v, channels(id, v.number()), strings("url", "content_version_image", id, v.number()),
                    strings("tag", "content_version_tag", id, v.number())));
        }
        return Page.of(full, page, total);
    }

    /** The item's newest versions without their texts, newest first. */
    public List<ContentView.VersionSummary> history(ContentId id, int limit) {
        return jdbc.sql("""
                SELECT version_no, title, changed_fields, restored_from, created_by, created_at FROM content_version
                WHERE content_id = :id ORDER BY version_no DESC LIMIT :limit
                """)
                .param("id", id.value()).param("limit", limit)
                .query((rs, n) -> new ContentView.VersionSummary(rs.getInt("version_no"), rs.getString("title"),
                        changed(rs.getString("changed_fields")), integer(rs, "restored_from"),
                        rs.getString("created_by"), SqlTime.requiredInstant(rs, "created_at")))
                .list();
    }

    /** The item's timeline, oldest first (the newest {@code limit} steps). */
    public List<ContentView.Step> steps(ContentId id, int limit) {
        List<ContentView.Step> newest = jdbc.sql("""
                SELECT * FROM content_event WHERE content_id = :id ORDER BY occurred_at DESC, id DESC LIMIT :limit
                """)
                .param("id", id.value()).param("limit", limit)
                .query((rs, n) -> new ContentView.Step(SqlTime.requiredInstant(rs, "occurred_at"),
                        rs.getString("event_type"), rs.getInt("version_no"), rs.getString("actor"),
                        rs.getString("note")))
                .list();
        List<ContentView.Step> steps = new ArrayList<>(newest);
        Collections.reverse(steps);
        return steps;
    }

    // --- lists ------------------------------------------------------------------------------------------------

    /** An item in a list with the version a query reads. */
    public record Listed(ContentRecord item, VersionRecord version) {
    }

    /** Items matching the filter on their newest version, last changed first. */
    public Page<Listed> find(ContentFilter filter, PageQuery page) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (filter.status() != null) {
            where.append(" AND i.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.type() != null) {
            where.append(" AND i.content_type = :type");
            params.put("type", filter.type().name());
        }
        if (filter.channel() != null) {
            where.append(onChannel());
            params.put("channel", filter.channel().name());
        }
        if (filter.text() != null) {
            where.append(" AND (LOWER(v.title) LIKE :text").append(Like.ESCAPE)
                    .append(" OR LOWER(v.body) LIKE :text").append(Like.ESCAPE)
                    .append(" OR LOWER(v.campaign_code) LIKE :text").append(Like.ESCAPE)
                    .append(" OR EXISTS (SELECT 1 FROM content_version_tag t WHERE t.content_id = v.content_id")
                    .append(" AND t.version_no = v.version_no AND LOWER(t.tag) LIKE :text").append(Like.ESCAPE)
                    .append("))");
            params.put("text", Like.contains(filter.text()));
        }
        String from = from(Pointer.CURRENT);
        long total = jdbc.sql("SELECT COUNT(*)" + from + where).params(params).query(Long.class).single();
        List<Listed> rows = jdbc.sql("SELECT " + COLUMNS + from + where
                + " ORDER BY i.updated_at DESC, i.id DESC LIMIT :limit OFFSET :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query(ContentRepository::listed).list();
        return Page.of(withParts(rows, Pointer.CURRENT), page, total);
    }

    /** Published items whose live version runs on the channel at the instant, latest start first. */
    public Page<Listed> live(ContentChannel channel, @Nullable ContentType type, Instant at, PageQuery page) {
        StringBuilder where = new StringBuilder(" WHERE i.published_version IS NOT NULL AND v.publish_from <= :at"
                + " AND (v.publish_until IS NULL OR v.publish_until > :at)").append(onChannel());
        Map<String, Object> params = new HashMap<>();
        params.put("at", SqlTime.utc(at));
        params.put("channel", channel.name());
        if (type != null) {
            where.append(" AND i.content_type = :type");
            params.put("type", type.name());
        }
        String from = from(Pointer.PUBLISHED);
        long total = jdbc.sql("SELECT COUNT(*)" + from + where).params(params).query(Long.class).single();
        List<Listed> rows = jdbc.sql("SELECT " + COLUMNS + from + where
                + " ORDER BY v.publish_from DESC, i.id DESC LIMIT :limit OFFSET :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query(ContentRepository::listed).list();
        return Page.of(withParts(rows, Pointer.PUBLISHED), page, total);
    }

    /**
     * Items not archived whose shown version's window overlaps [start, end), earliest start first, at most
     * {@code limit}.
     */
    public List<Listed> overlapping(Instant start, Instant end, @Nullable ContentChannel channel,
            @Nullable ContentType type, int limit) {
        StringBuilder where = new StringBuilder(" WHERE i.status <> 'ARCHIVED' AND v.publish_from < :end"
                + " AND (v.publish_until IS NULL OR v.publish_until > :start)");
        Map<String, Object> params = new HashMap<>();
        params.put("start", SqlTime.utc(start));
        params.put("end", SqlTime.utc(end));
        if (channel != null) {
            where.append(onChannel());
            params.put("channel", channel.name());
        }
        if (type != null) {
            where.append(" AND i.content_type = :type");
            params.put("type", type.name());
        }
        List<Listed> rows = jdbc.sql("SELECT " + COLUMNS + from(Pointer.SHOWN) + where
                + " ORDER BY v.publish_from, i.id LIMIT :limit")
                .params(params).param("limit", limit).query(ContentRepository::listed).list();
        return withParts(rows, Pointer.SHOWN);
    }

    /** How many items are in each status. */
    public Map<ContentStatus, Long> countByStatus() {
        Map<ContentStatus, Long> counts = new HashMap<>();
        jdbc.sql("SELECT status, COUNT(*) AS n FROM content_item GROUP BY status")
                .query(rs -> {
                    counts.put(ContentStatus.valueOf(rs.getString("status")), rs.getLong("n"));
                });
        return counts;
    }

    private static final String COLUMNS = """
            i.id, i.content_type, i.status, i.current_version, i.published_version, i.created_at AS item_created_at,
            i.created_by AS item_created_by, i.updated_at, i.updated_by, i.version, v.*""";

    private static String from(Pointer pointer) {
        return " FROM content_item i JOIN content_version v ON v.content_id = i.id AND v.version_no = "
                + pointer.column;
    }

    private static String onChannel() {
        return " AND EXISTS (SELECT 1 FROM content_version_channel c WHERE c.content_id = v.content_id"
                + " AND c.version_no = v.version_no AND c.channel = :channel)";
    }

    /** The listed versions with their channels, images and tags, read in three queries for the whole list. */
    private List<Listed> withParts(List<Listed> rows, Pointer pointer) {
        if (rows.isEmpty()) {
            return rows;
        }
        List<Long> ids = rows.stream().map(r -> r.item().id().value()).toList();
        Map<Long, Set<ContentChannel>> channels = new HashMap<>();
        Map<Long, List<String>> images = new HashMap<>();
        Map<Long, List<String>> tags = new HashMap<>();
        String join = " JOIN content_item i ON i.id = m.content_id AND m.version_no = " + pointer.column
                + " WHERE i.id IN (:ids)";
        jdbc.sql("SELECT m.content_id, m.channel FROM content_version_channel m" + join).param("ids", ids)
                .query(rs -> {
                    channels.computeIfAbsent(rs.getLong("content_id"), k -> EnumSet.noneOf(ContentChannel.class))
                            .add(ContentChannel.valueOf(rs.getString("channel")));
                });
        jdbc.sql("SELECT m.content_id, m.url FROM content_version_image m" + join + " ORDER BY m.content_id, m.seq")
                .param("ids", ids).query(rs -> {
                    images.computeIfAbsent(rs.getLong("content_id"), k -> new ArrayList<>()).add(rs.getString("url"));
                });
        jdbc.sql("SELECT m.content_id, m.tag FROM content_version_tag m" + join + " ORDER BY m.content_id, m.seq")
                .param("ids", ids).query(rs -> {
                    tags.computeIfAbsent(rs.getLong("content_id"), k -> new ArrayList<>()).add(rs.getString("tag"));
                });
        return rows.stream().map(r -> {
            long id = r.item().id().value();
            return new Listed(r.item(), withParts(r.version(),
                    channels.getOrDefault(id, EnumSet.noneOf(ContentChannel.class)),
                    images.getOrDefault(id, List.of()), tags.getOrDefault(id, List.of())));
        }).toList();
    }

    private Set<ContentChannel> channels(ContentId id, int number) {
        Set<ContentChannel> channels = EnumSet.noneOf(ContentChannel.class);
        jdbc.sql("SELECT channel FROM content_version_channel WHERE content_id = :id AND version_no = :no")
                .param("id", id.value()).param("no", number).query(String.class).list()
                .forEach(c -> channels.add(ContentChannel.valueOf(c)));
        return channels;
    }

    private List<String> strings(String column, String table, ContentId id, int number) {
        return jdbc.sql("SELECT " + column + " FROM " + table + " WHERE content_id = :id AND version_no = :no ORDER BY seq")
                .param("id", id.value()).param("no", number).query(String.class).list();
    }

    private static VersionRecord withParts(VersionRecord v, Set<ContentChannel> channels, List<String> images,
            List<String> tags) {
        return new VersionRecord(v.contentId(), v.number(), v.title(), v.body(), images, v.linkUrl(), v.productId(),
                channels, tags, v.publishFrom(), v.publishUntil(), v.campaignCode(), v.changedFields(),
                v.restoredFrom(), v.createdAt(), v.createdBy());
    }

    // --- rows -------------------------------------------------------------------------------------------------

    static ContentRecord item(ResultSet rs, int row) throws SQLException {
        return item(rs, "created_at", "created_by");
    }

    private static ContentRecord item(ResultSet rs, String createdAt, String createdBy) throws SQLException {
        return new ContentRecord(new ContentId(rs.getLong("id")), ContentType.valueOf(rs.getString("content_type")),
                ContentStatus.valueOf(rs.getString("status")), rs.getInt("current_version"),
                integer(rs, "published_version"), SqlTime.requiredInstant(rs, createdAt), rs.getString(createdBy),
                SqlTime.requiredInstant(rs, "updated_at"), rs.getString("updated_by"), rs.getLong("version"));
    }

    static VersionRecord versionRow(ResultSet rs, int row) throws SQLException {
        long product = rs.getLong("product_id");
        ProductId productId = rs.wasNull() ? null : new ProductId(product);
        return new VersionRecord(new ContentId(rs.getLong("content_id")), rs.getInt("version_no"),
                rs.getString("title"), rs.getString("body"), List.of(), rs.getString("link_url"), productId,
                EnumSet.noneOf(ContentChannel.class), List.of(), SqlTime.requiredInstant(rs, "publish_from"),
                SqlTime.instant(rs, "publish_until"), rs.getString("campaign_code"),
                changed(rs.getString("changed_fields")), integer(rs, "restored_from"),
                SqlTime.requiredInstant(rs, "created_at"), rs.getString("created_by"));
    }

    static Listed listed(ResultSet rs, int row) throws SQLException {
        return new Listed(item(rs, "item_created_at", "item_created_by"), versionRow(rs, row));
    }

    private static List<String> changed(@Nullable String fields) {
        return fields == null || fields.isEmpty() ? List.of() : Arrays.asList(fields.split(","));
    }

    private static @Nullable Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
