package io.shopops.content.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.shopops.catalog.ProductId;
import io.shopops.content.ContentCalendar;
import io.shopops.content.ContentChannel;
import io.shopops.content.ContentFields;
import io.shopops.content.ContentId;
import io.shopops.content.ContentLibrary;
import io.shopops.content.ContentQuery;
import io.shopops.content.ContentSchedule;
import io.shopops.content.ContentStatus;
import io.shopops.content.ContentSummary;
import io.shopops.content.ContentType;
import io.shopops.content.ContentVersionView;
import io.shopops.content.ContentView;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.web.RequiresPermission;
import io.shopops.shared.web.Versions;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The content library for staff: list and read items and their versions, write and revise them, take them through
 * review (submit, approve, reject), archive them, restore an older version, and the calendar of what runs when.
 * Every change sends the item's {@code version} it read (409 when someone changed it since).
 */
@RestController
@RequestMapping("/api/v1/admin/content")
class ContentAdminApi {

    private final ContentLibrary library;
    private final ContentSchedule schedule;

    ContentAdminApi(ContentLibrary library, ContentSchedule schedule) {
        this.library = library;
        this.schedule = schedule;
    }

    /** A new item: its type and its first version's fields. */
    record CreateRequest(@Nullable ContentType type, @Nullable String title, @Nullable String body,
            @Nullable List<String> imageUrls, @Nullable String linkUrl, @Nullable Long productId,
            @Nullable List<ContentChannel> channels, @Nullable List<String> tags, @Nullable Instant publishFrom,
            @Nullable Instant publishUntil, @Nullable String campaignCode) {

        ContentFields fields() {
            return new ContentFields(title, body, imageUrls, linkUrl, productId == null ? null : new ProductId(productId),
                    channels, tags, publishFrom, publishUntil, campaignCode);
        }
    }

    /** A new version's fields, with the item's version the client read. */
    record UpdateRequest(@Nullable String title, @Nullable String body, @Nullable List<String> imageUrls,
            @Nullable String linkUrl, @Nullable Long productId, @Nullable List<ContentChannel> channels,
            @Nullable List<String> tags, @Nullable Instant publishFrom, @Nullable Instant publishUntil,
            @Nullable String campaignCode, @Nullable Long version) {

        ContentFields fields() {
            return new ContentFields(title, body, imageUrls, linkUrl, productId == null ? null : new ProductId(productId),
                    channels, tags, publishFrom, publishUntil, campaignCode);
        }
    }

    /** A workflow step: the item's version the client read and a note (a rejection's reason). */
    record StepRequest(@Nullable Long version, @Nullable String note) {
    }

    record RejectRequest(@Nullable Long version, @Nullable String reason) {
    }

    /** {@code q} finds text in the title, body, tags or campaign code of each item's newest version. */
    @GetMapping
    @RequiresPermission("marketing:read")
    Page<ContentSummary> list(@RequestParam(required = false) @Nullable ContentStatus status,
            @RequestParam(required = false) @Nullable ContentType type,
            @RequestParam(required = false) @Nullable ContentChannel channel,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return library.find(new ContentQuery(status, type, channel, q), new PageQuery(page, size));
    }

    /** How many items are in each status. */
    @GetMapping("/counts")
    @RequiresPermission("marketing:read")
    Map<ContentStatus, Long> counts() {
        return library.countByStatus();
    }

    /** Items per day from {@code from} to {@code to} (the shop's days, both included, at most 62). */
    @GetMapping("/calendar")
    @RequiresPermission("marketing:read")
    ContentCalendar calendar(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable ContentChannel channel,
            @RequestParam(required = false) @Nullable ContentType type) {
        return schedule.calendar(from, to, channel, type);
    }

    @GetMapping("/{id}")
    @RequiresPermission("marketing:read")
    ContentView get(@PathVariable long id) {
        return library.item(new ContentId(id));
    }

    /** Every field of each version, newest first, for comparing them. */
    @GetMapping("/{id}/versions")
    @RequiresPermission("marketing:read")
    Page<ContentVersionView> versions(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return library.versions(new ContentId(id), new PageQuery(page, size));
    }

    @GetMapping("/{id}/versions/{number}")
    @RequiresPermission("marketing:read")
    ContentVersionView version(@PathVariable long id, @PathVariable int number) {
        return library.version(new ContentId(id), number);
    }

    @PostMapping
    @RequiresPermission("marketing:write")
    ResponseEntity<ContentView> create(@RequestBody CreateRequest request) {
        ContentView created = library.create(request.type(), request.fields());
        return ResponseEntity.created(URI.create("/api/v1/admin/content/" + created.id())).body(created);
    }

    /** A new version of the item. */
    @PutMapping("/{id}")
    @RequiresPermission("marketing:write")
    ContentView update(@PathVariable long id, @RequestBody UpdateRequest request) {
        return library.update(new ContentId(id), request.fields(), version(request.version()));
    }

    @PostMapping("/{id}/versions/{number}/restore")
    @RequiresPermission("marketing:write")
    ContentView restore(@PathVariable long id, @PathVariable int number, @RequestBody StepRequest request) {
        return library.restore(new ContentId(id), number, version(request.version()));
    }

    @PostMapping("/{id}/submit")
    @RequiresPermission("marketing:write")
    ContentView submit(@PathVariable long id, @RequestBody StepRequest request) {
        return library.submit(new ContentId(id), version(request.version()), request.note());
    }

    @PostMapping("/{id}/approve")
    @RequiresPermission("marketing:publish")
    ContentView approve(@PathVariable long id, @RequestBody StepRequest request) {
        return library.approve(new ContentId(id), version(request.version()), request.note());
    }

    @PostMapping("/{id}/reject")
    @RequiresPermission("marketing:publish")
    ContentView reject(@PathVariable long id, @RequestBody RejectRequest request) {
        return library.reject(new ContentId(id), version(request.version()), request.reason());
    }

    @PostMapping("/{id}/archive")
    @RequiresPermission("marketing:publish")
    ContentView archive(@PathVariable long id, @RequestBody StepRequest request) {
        return library.archive(new ContentId(id), version(request.version()), request.note());
    }

    /** The version a client read, which every change of an item must send back. */
    private static long version(@Nullable Long version) {
        return Versions.required(version);
    }
}
