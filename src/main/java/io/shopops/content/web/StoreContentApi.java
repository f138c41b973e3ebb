package io.shopops.content.web;

import java.time.Instant;

import io.shopops.content.ContentChannel;
import io.shopops.content.ContentSchedule;
import io.shopops.content.ContentType;
import io.shopops.content.PublishedContent;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.web.RequiresPermission;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The content the storefront shows (商城內容): published versions only, whose window contains the moment asked
 * about (now by default), on one channel, optionally of one type. Drafts, versions in review and archived items
 * never leave here, nor who wrote or reviewed anything.
 */
@RestController
@RequestMapping("/api/v1/store")
@RequiresPermission(RequiresPermission.PUBLIC)
class StoreContentApi {

    private final ContentSchedule schedule;

    StoreContentApi(ContentSchedule schedule) {
        this.schedule = schedule;
    }

    @GetMapping("/content")
    Page<PublishedContent> live(@RequestParam(required = false) @Nullable ContentChannel channel,
            @RequestParam(required = false) @Nullable ContentType type,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant at,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return schedule.live(channel, type, at, new PageQuery(page, size));
    }
}
