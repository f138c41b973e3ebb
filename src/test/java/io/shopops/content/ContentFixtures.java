package io.shopops.content;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.shopops.catalog.ProductId;
import io.shopops.shared.Actor;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Content for tests, written through the library as named members would (the author of a version and its approver
 * must differ). Titles are unique per run, since test contexts share their database.
 */
public class ContentFixtures {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private final ContentLibrary library;

    ContentFixtures(ContentLibrary library) {
        this.library = library;
    }

    public static String unique(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet();
    }

    /** Runs the action as the named member (the facade records them as author or reviewer). */
    public static <T> T as(String username, Supplier<T> action) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                Actor.staff(Math.abs(username.hashCode()) + 1L, username), null, List.of()));
        SecurityContextHolder.setContext(context);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** A banner on the channels, running in the window. */
    public static ContentFields banner(String title, Instant from, @Nullable Instant until, ContentChannel... channels) {
        long n = SEQUENCE.incrementAndGet();
        return new ContentFields(title, null, List.of("https://img.example.com/banner/" + n + ".jpg"),
                "https://shop.example.com/campaign/" + n, null, Arrays.asList(channels), List.of("双11", "banner"),
                from, until, "D11-2026");
    }

    /** Marketing copy on every channel, running for a week from the instant. */
    public static ContentFields copy(String title, String body, Instant from) {
        return new ContentFields(title, body, List.of(), null, null,
                List.of(ContentChannel.PC, ContentChannel.MOBILE, ContentChannel.MINI_PROGRAM), List.of(), from,
                from.plus(Duration.ofDays(7)), null);
    }

    public static ContentFields story(String title, ProductId product, Instant from) {
        return new ContentFields(title, "从一块面料说起……\n第二段。", List.of(), null, product,
                List.of(ContentChannel.MOBILE), List.of("故事"), from, null, null);
    }

    /** The fields with another title. */
    public static ContentFields retitled(ContentFields f, String title) {
        return new ContentFields(title, f.body(), f.imageUrls(), f.linkUrl(), f.productId(), f.channels(), f.tags(),
                f.publishFrom(), f.publishUntil(), f.campaignCode());
    }

    public ContentView draft(String author, ContentType type, ContentFields fields) {
        return as(author, () -> library.create(type, fields));
    }

    public ContentView submitted(String author, ContentType type, ContentFields fields) {
        ContentView draft = draft(author, type, fields);
        return as(author, () -> library.submit(draft.id(), draft.version(), null));
    }

    /** Written by the author, submitted, and approved by the approver. */
    public ContentView published(String author, String approver, ContentType type, ContentFields fields) {
        ContentView submitted = submitted(author, type, fields);
        return as(approver, () -> library.approve(submitted.id(), submitted.version(), null));
    }
}
