package io.shopops.content;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.shopops.audit.AuditEntry;
import io.shopops.audit.AuditLog;
import io.shopops.audit.AuditQuery;
import io.shopops.catalog.CatalogFixtures;
import io.shopops.catalog.ProductId;
import io.shopops.inventory.MutableClock;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.ConflictException;
import io.shopops.shared.FieldViolation;
import io.shopops.shared.InvalidInputException;
import io.shopops.shared.NotFoundException;
import io.shopops.shared.PageQuery;
import io.shopops.testing.PostgresTest;
import io.shopops.testing.ShopOpsTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.shopops.content.ContentFixtures.as;
import static io.shopops.content.ContentFixtures.banner;
import static io.shopops.content.ContentFixtures.copy;
import static io.shopops.content.ContentFixtures.retitled;
import static io.shopops.content.ContentFixtures.story;
import static io.shopops.content.ContentFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The content library on H2 and on PostgreSQL: the review workflow and its refusals, the four-eyes rule, versions
 * (immutable, restored as new drafts), stale versions and concurrent edits, what runs live on a channel at the edges
 * of its window, and the calendar.
 */
class ContentContractTests {

    static final String AUTHOR = "writer-a";
    static final String EDITOR = "writer-b";
    static final String REVIEWER = "reviewer-c";
    static final ZoneId SHOP = ZoneId.of("Asia/Shanghai");

    abstract static class Contract {

        @Autowired
        ContentLibrary library;
        @Autowired
        ContentSchedule schedule;
        @Autowired
        ContentFixtures fixtures;
        @Autowired
        CatalogFixtures catalog;
        @Autowired
        AuditLog audit;
        @Autowired
        MutableClock clock;
        @Autowired
        JdbcClient jdbc;
        @Autowired
        ContentTestConfiguration.ContentEvents events;

        Instant now() {
            return clock.instant().truncatedTo(ChronoUnit.SECONDS);
        }

        ContentFields runningNow(String title, ContentChannel... channels) {
            return banner(title, now().minus(Duration.ofHours(1)), now().plus(Duration.ofDays(3)), channels);
        }

        List<ContentId> liveIds(ContentChannel channel, ContentType type, Instant at) {
            return schedule.live(channel, type, at, PageQuery.first(200)).items().stream()
                    .map(PublishedContent::id).toList();
        }

        static void refusedWith(Runnable action, String code) {
            assertThatThrownBy(action::run).isInstanceOfSatisfying(BusinessRuleException.class,
                    e -> assertThat(e.code()).isEqualTo(code));
        }

        static List<String> fieldsOf(Runnable action) {
            try {
                action.run();
            } catch (InvalidInputException | NotFoundException e) {
                return e.violations().stream().map(FieldViolation::field).toList();
            }
            throw new AssertionError("expected the input to be refused");
        }

        @Test
        void aNewItemIsADraftWithItsFirstVersionInTheTimelineAndTheAuditLog() {
            String title = unique("双11主会场");
            ContentView draft = fixtures.draft(AUTHOR, ContentType.BANNER, runningNow(title, ContentChannel.MOBILE,
                    ContentChannel.PC, ContentChannel.MOBILE));

            assertThat(draft.status()).isEqualTo(ContentStatus.DRAFT);
            assertThat(draft.currentVersion()).isEqualTo(1);
            assertThat(draft.publishedVersion()).isNull();
            assertThat(draft.published()).isNull();
            assertThat(draft.current().title()).isEqualTo(title);
            assertThat(draft.current().author()).isEqualTo(AUTHOR);
            assertThat(draft.current().channels()).containsExactlyInAnyOrder(ContentChannel.PC, ContentChannel.MOBILE);
            assertThat(draft.current().tags()).containsExactly("双11", "banner");
            assertThat(draft.current().changedFields()).containsExactly("title", "imageUrls", "linkUrl", "channels",
                    "tags", "publishFrom", "publishUntil", "campaignCode");
            assertThat(draft.timeline()).extracting(ContentView.Step::type).containsExactly("CREATED");
            assertThat(draft.versions()).extracting(ContentView.VersionSummary::number).containsExactly(1);
            List<AuditEntry> entries = audit.find(new AuditQuery(AUTHOR, "CONTENT_CREATED", "content",
                    draft.id().toString(), null, null), PageQuery.first(5)).items();
            assertThat(entries).singleElement().satisfies(e -> assertThat(e.summary()).contains(title));
        }

        @Test
        void aVersionGoesThroughReviewToTheStorefrontAndArchivingTakesItOff() {
            ContentView draft = fixtures.draft(AUTHOR, ContentType.BANNER, runningNow(unique("banner"),
                    ContentChannel.MOBILE));
            assertThat(liveIds(ContentChannel.MOBILE, null, now())).doesNotContain(draft.id());

            ContentView inReview = as(AUTHOR, () -> library.submit(draft.id(), draft.version(), "请审核价格"));
            assertThat(inReview.status()).isEqualTo(ContentStatus.IN_REVIEW);
            assertThat(liveIds(ContentChannel.MOBILE, null, now())).doesNotContain(draft.id());

            ContentView published = as(REVIEWER, () -> library.approve(draft.id(), inReview.version(), "OK"));
            assertThat(published.status()).isEqualTo(ContentStatus.PUBLISHED);
            assertThat(published.publishedVersion()).isEqualTo(1);
            assertThat(published.published()).isEqualTo(published.current());
            assertThat(liveIds(ContentChannel.MOBILE, ContentType.BANNER, now())).contains(draft.id());
            assertThat(liveIds(ContentChannel.MOBILE, ContentType.COPY, now())).doesNotContain(draft.id());

            ContentView archived = as(REVIEWER, () -> library.archive(draft.id(), published.version(), null));
            assertThat(archived.status()).isEqualTo(ContentStatus.ARCHIVED);
            assertThat(archived.publishedVersion()).isNull();
            assertThat(liveIds(ContentChannel.MOBILE, null, now())).doesNotContain(draft.id());
            assertThat(archived.timeline()).extracting(ContentView.Step::type)
                    .containsExactly("CREATED", "SUBMITTED", "APPROVED", "ARCHIVED");
            assertThat(archived.timeline().get(1).note()).isEqualTo("请审核价格");
            assertThat(archived.timeline().get(2).actor()).isEqualTo(REVIEWER);
            assertThat(audit.find(new AuditQuery(null, null, "content", draft.id().toString(), null, null),
                    PageQuery.first(10)).items()).extracting(AuditEntry::action)
                    .containsExactlyInAnyOrder("CONTENT_CREATED", "CONTENT_SUBMITTED", "CONTENT_APPROVED",
                            "CONTENT_ARCHIVED");
            await().atMost(Duration.ofSeconds(20)).until(() -> events.of(ContentPublished.class).stream()
                    .anyMatch(e -> e.contentId().equals(draft.id()) && e.version() == 1)
                    && events.of(ContentArchived.class).stream().anyMatch(e -> e.contentId().equals(draft.id())
                            && Integer.valueOf(1).equals(e.unpublishedVersion())));
        }

        @Test
        void aRejectionSendsTheVersionBackWithItsReasonAndNothingGoesLive() {
            ContentView submitted = fixtures.submitted(AUTHOR, ContentType.BANNER,
                    runningNow(unique("banner"), ContentChannel.PC));
            assertThatThrownBy(() -> as(REVIEWER, () -> library.reject(submitted.id(), submitted.version(), " ")))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                            .extracting(FieldViolation::field).containsExactly("reason"));

            ContentView rejected = as(REVIEWER, () -> library.reject(submitted.id(), submitted.version(), "价格写错了"));
            assertThat(rejected.status()).isEqualTo(ContentStatus.DRAFT);
            assertThat(rejected.publishedVersion()).isNull();
            assertThat(rejected.timeline().getLast()).satisfies(step -> {
                assertThat(step.type()).isEqualTo("REJECTED");
                assertThat(step.note()).isEqualTo("价格写错了");
                assertThat(step.actor()).isEqualTo(REVIEWER);
            });
            assertThat(liveIds(ContentChannel.PC, null, now())).doesNotContain(submitted.id());
        }

        @Test
        void stepsTheStatusDoesNotAllowAreRefusedWith422AndChangeNothing() {
            ContentView draft = fixtures.draft(AUTHOR, ContentType.BANNER, runningNow(unique("b"), ContentChannel.PC));
            refusedWith(() -> as(REVIEWER, () -> library.approve(draft.id(), draft.version(), null)),
                    "illegal-transition");
            refusedWith(() -> as(REVIEWER, () -> library.reject(draft.id(), draft.version(), "no")),
                    "illegal-transition");

            ContentView inReview = as(AUTHOR, () -> library.submit(draft.id(), draft.version(), null));
            refusedWith(() -> as(AUTHOR, () -> library.submit(draft.id(), inReview.version(), null)),
                    "illegal-transition");
            refusedWith(() -> as(AUTHOR, () -> library.update(draft.id(),
                    runningNow(unique("changed"), ContentChannel.PC), inReview.version())), "illegal-transition");
            refusedWith(() -> as(AUTHOR, () -> library.restore(draft.id(), 1, inReview.version())),
                    "illegal-transition");

            ContentView published = as(REVIEWER, () -> library.approve(draft.id(), inReview.version(), null));
            refusedWith(() -> as(AUTHOR, () -> library.submit(draft.id(), published.version(), null)),
                    "illegal-transition");
            refusedWith(() -> as(REVIEWER, () -> library.approve(draft.id(), published.version(), null)),
                    "illegal-transition");

            ContentView archived = as(REVIEWER, () -> library.archive(draft.id(), published.version(), null));
            refusedWith(() -> as(REVIEWER, () -> library.archive(draft.id(), archived.version(), null)),
                    "illegal-transition");
            refusedWith(() -> as(REVIEWER, () -> library.approve(draft.id(), archived.version(), null)),
                    "illegal-transition");

            ContentView after = library.item(draft.id());
            assertThat(after.version()).isEqualTo(archived.version());
            assertThat(after.status()).isEqualTo(ContentStatus.ARCHIVED);
            assertThat(after.currentVersion()).isEqualTo(1);

            // an archived item is edited into a new draft, which is reviewed again before it runs
            ContentView revived = as(EDITOR, () -> library.update(draft.id(),
                    runningNow(unique("next-year"), ContentChannel.PC), archived.version()));
            assertThat(revived.status()).isEqualTo(ContentStatus.DRAFT);
            assertThat(revived.currentVersion()).isEqualTo(2);
            assertThat(revived.publishedVersion()).isNull();
        }

        @Test
        void theAuthorOfAVersionCannotApproveItButAnotherMemberCan() {
            ContentView submitted = fixtures.submitted(AUTHOR, ContentType.COPY,
                    copy(unique("文案"), "满300减50，上不封顶", now()));
            assertThatThrownBy(() -> as(AUTHOR, () -> library.approve(submitted.id(), submitted.version(), null)))
                    .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
                        assertThat(e.code()).isEqualTo("four-eyes");
                        assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("version");
                    });
            assertThat(library.item(submitted.id()).status()).isEqualTo(ContentStatus.IN_REVIEW);

            ContentView published = as(EDITOR, () -> library.approve(submitted.id(), submitted.version(), null));
            assertThat(published.status()).isEqualTo(ContentStatus.PUBLISHED);

            // the rule follows each version's author: the approver of v1 writes v2, so v1's author may approve it
            ContentView revised = as(EDITOR, () -> library.update(submitted.id(),
                    copy(published.current().title(), "满300减60", now()), published.version()));
            ContentView again = as(EDITOR, () -> library.submit(submitted.id(), revised.version(), null));
            refusedWith(() -> as(EDITOR, () -> library.approve(submitted.id(), again.version(), null)), "four-eyes");
            assertThat(as(AUTHOR, () -> library.approve(submitted.id(), again.version(), null)).publishedVersion())
                    .isEqualTo(2);
        }

        @Test
        void aRevisionOfAPublishedItemLeavesThePublishedVersionLiveUntilItIsApproved() {
            String first = unique("v1");
            ContentFields fields = runningNow(first, ContentChannel.MOBILE);
            ContentView published = fixtures.published(AUTHOR, REVIEWER, ContentType.BANNER, fields);
            String second = unique("v2");
            ContentView revision = as(EDITOR, () -> library.update(published.id(), retitled(fields, second),
                    published.version()));

            assertThat(revision.status()).isEqualTo(ContentStatus.DRAFT);
            assertThat(revision.currentVersion()).isEqualTo(2);
            assertThat(revision.publishedVersion()).isEqualTo(1);
            assertThat(revision.hasPendingRevision()).isTrue();
            assertThat(revision.published().title()).isEqualTo(first);
            assertThat(revision.current().changedFields()).containsExactly("title");
            assertThat(titleLiveOnMobile(published.id())).isEqualTo(first);

            ContentView inReview = as(EDITOR, () -> library.submit(published.id(), revision.version(), null));
            assertThat(titleLiveOnMobile(published.id())).isEqualTo(first);
            ContentView approved = as(AUTHOR, () -> library.approve(published.id(), inReview.version(), null));
            assertThat(approved.publishedVersion()).isEqualTo(2);
            assertThat(approved.hasPendingRevision()).isFalse();
            assertThat(titleLiveOnMobile(published.id())).isEqualTo(second);
        }

        String titleLiveOnMobile(ContentId id) {
            return schedule.live(ContentChannel.MOBILE, ContentType.BANNER, now(), PageQuery.first(200)).items()
                    .stream().filter(c -> c.id().equals(id)).findFirst().map(PublishedContent::title).orElseThrow();
        }

        @Test
        void versionsStayAsWrittenAndAnOlderOneIsRestoredAsANewDraft() {
            ContentFields original = copy(unique("原文"), "第一版正文", now());
            ContentView v1 = fixtures.draft(AUTHOR, ContentType.COPY, original);
            ContentView v2 = as(EDITOR, () -> library.update(v1.id(),
                    new ContentFields(unique("改后"), "第二版正文", List.of("https://img.example.com/2.png"), null,
                            null, List.of(ContentChannel.PC), List.of("改"), original.publishFrom(),
                            original.publishUntil(), "NEW-1"), v1.version()));
            assertThat(v2.current().changedFields()).containsExactly("title", "body", "imageUrls", "channels", "tags",
                    "campaignCode");

            ContentView v3 = as(EDITOR, () -> library.restore(v1.id(), 1, v2.version()));
            assertThat(v3.currentVersion()).isEqualTo(3);
            assertThat(v3.status()).isEqualTo(ContentStatus.DRAFT);
            assertThat(v3.current().restoredFrom()).isEqualTo(1);
            assertThat(v3.current().author()).isEqualTo(EDITOR);
            assertThat(v3.current().title()).isEqualTo(original.title());
            assertThat(v3.current().body()).isEqualTo("第一版正文");
            assertThat(v3.current().channels()).containsExactlyInAnyOrderElementsOf(original.channels());
            assertThat(v3.current().changedFields()).containsExactly("title", "body", "imageUrls", "channels", "tags",
                    "campaignCode");
            assertThat(v3.timeline()).extracting(ContentView.Step::type).containsExactly("CREATED", "EDITED",
                    "RESTORED");
            assertThat(v3.versions()).extracting(ContentView.VersionSummary::number).containsExactly(3, 2, 1);

            ContentVersionView first = library.version(v1.id(), 1);
            assertThat(first).isEqualTo(v1.current());
            assertThat(library.versions(v1.id(), new PageQuery(0, 2)).items())
                    .extracting(ContentVersionView::number).containsExactly(3, 2);
            assertThat(library.versions(v1.id(), new PageQuery(1, 2)).items())
                    .extracting(ContentVersionView::number).containsExactly(1);
            assertThatThrownBy(() -> library.version(v1.id(), 4)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> as(EDITOR, () -> library.restore(v1.id(), 9, v3.version())))
                    .isInstanceOf(NotFoundException.class);
            // restoring what the newest version already says changes nothing and is refused
            refusedWith(() -> as(EDITOR, () -> library.restore(v1.id(), 1, v3.version())), "unchanged");

            // the database itself refuses to change a version once written
            assertThatThrownBy(() -> jdbc.sql("UPDATE content_version SET title = 'x' WHERE content_id = :id")
                    .param("id", v1.id().value()).update()).isInstanceOf(RuntimeException.class);
            assertThatThrownBy(() -> jdbc.sql("DELETE FROM content_version WHERE content_id = :id AND version_no = 2")
                    .param("id", v1.id().value()).update()).isInstanceOf(RuntimeException.class);
            assertThat(library.version(v1.id(), 2).title()).isEqualTo(v2.current().title());
        }

        @Test
        void anEditThatChangesNothingIsRefusedAndWritesNoVersion() {
            ContentFields fields = copy(unique("同样"), "正文", now());
            ContentView draft = fixtures.draft(AUTHOR, ContentType.COPY, fields);
            refusedWith(() -> as(AUTHOR, () -> library.update(draft.id(), fields, draft.version())), "unchanged");
            assertThat(library.item(draft.id()).currentVersion()).isEqualTo(1);
        }

        @Test
        void aChangeFromAStaleVersionIsRefusedWith409() {
            ContentView draft = fixtures.draft(AUTHOR, ContentType.COPY, copy(unique("旧"), "正文", now()));
            ContentView edited = as(AUTHOR, () -> library.update(draft.id(), copy(unique("新"), "正文", now()),
                    draft.version()));
            assertThatThrownBy(() -> as(EDITOR, () -> library.update(draft.id(),
                    copy(unique("别人"), "正文", now()), draft.version())))
                    .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.violations())
                            .extracting(FieldViolation::field).containsExactly("version"));
            assertThatThrownBy(() -> as(AUTHOR, () -> library.submit(draft.id(), draft.version(), null)))
                    .isInstanceOf(ConflictException.class);
            assertThat(library.item(draft.id()).version()).isEqualTo(edited.version());
            assertThat(library.item(draft.id()).currentVersion()).isEqualTo(2);
        }

        @Test
        void concurrentEditsOfTheSameVersionWriteExactlyOneNewVersion() throws Exception {
            ContentView draft = fixtures.draft(AUTHOR, ContentType.COPY, copy(unique("并发"), "正文", now()));
            int writers = 6;
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            try {
                List<Future<String>> outcomes = new ArrayList<>();
                for (int i = 0; i < writers; i++) {
                    String title = unique("writer" + i);
                    Callable<String> edit = () -> {
                        start.await();
                        try {
                            as("writer-" + title, () -> library.update(draft.id(),
                                    copy(title, "正文", draft.current().publishFrom()), draft.version()));
                            return "saved";
                        } catch (ConflictException stale) {
                            return "stale";
                        }
                    };
                    outcomes.add(pool.submit(edit));
                }
                start.countDown();
                List<String> results = new ArrayList<>();
                for (Future<String> outcome : outcomes) {
                    results.add(outcome.get());
                }
                assertThat(results).containsOnlyOnce("saved").containsOnly("saved", "stale");
            } finally {
                pool.shutdownNow();
            }
            ContentView after = library.item(draft.id());
            assertThat(after.currentVersion()).isEqualTo(2);
            assertThat(after.versions()).hasSize(2);
            assertThat(after.version()).isEqualTo(draft.version() + 1);
        }

        @Test
        void contentRunsFromTheStartOfItsWindowUntilJustBeforeItsEnd() {
            Instant from = Instant.parse("2031-03-01T02:00:00Z");
            Instant until = Instant.parse("2031-03-08T02:00:00Z");
            ContentView item = fixtures.published(AUTHOR, REVIEWER, ContentType.BANNER,
                    banner(unique("window"), from, until, ContentChannel.MOBILE, ContentChannel.MINI_PROGRAM));
            assertThat(liveIds(ContentChannel.MOBILE, ContentType.BANNER, from.minus(1, ChronoUnit.MICROS)))
                    .doesNotContain(item.id());
            assertThat(liveIds(ContentChannel.MOBILE, ContentType.BANNER, from)).contains(item.id());
            assertThat(liveIds(ContentChannel.MINI_PROGRAM, null, until.minus(1, ChronoUnit.MICROS)))
                    .contains(item.id());
            assertThat(liveIds(ContentChannel.MOBILE, ContentType.BANNER, until)).doesNotContain(item.id());
            // a channel the item does not run on never shows it
            assertThat(liveIds(ContentChannel.PC, null, from.plus(Duration.ofDays(1)))).doesNotContain(item.id());

            PublishedContent shown = schedule.live(ContentChannel.MOBILE, ContentType.BANNER, from,
                    PageQuery.first(200)).items().stream().filter(c -> c.id().equals(item.id())).findFirst()
                    .orElseThrow();
            assertThat(shown.imageUrls()).singleElement().asString().startsWith("https://img.example.com/");
            assertThat(shown.campaignCode()).isEqualTo("D11-2026");
            assertThat(shown.publishUntil()).isEqualTo(until);
        }

        @Test
        void whatRunsNowFollowsTheClock() {
            Instant start = now().plus(Duration.ofHours(1));
            ContentView item = fixtures.published(AUTHOR, REVIEWER, ContentType.ANNOUNCEMENT,
                    new ContentFields(unique("春节发货通知"), "1月25日至2月5日暂停发货。", List.of(), null, null,
                            List.of(ContentChannel.PC), List.of(), start, start.plus(Duration.ofHours(1)), null));
            assertThat(liveIds(ContentChannel.PC, ContentType.ANNOUNCEMENT, null)).doesNotContain(item.id());
            clock.advance(Duration.ofMinutes(61));
            assertThat(liveIds(ContentChannel.PC, ContentType.ANNOUNCEMENT, null)).contains(item.id());
            clock.advance(Duration.ofMinutes(60));
            assertThat(liveIds(ContentChannel.PC, ContentType.ANNOUNCEMENT, null)).doesNotContain(item.id());
        }

        @Test
        void theCalendarShowsEachItemOnTheShopDaysItRuns() {
            // 2032-05-10 10:00 to 2032-05-12 00:00 in Shanghai: the 10th and the 11th, not the 12th
            Instant from = LocalDate.of(2032, 5, 10).atTime(10, 0).atZone(SHOP).toInstant();
            Instant until = LocalDate.of(2032, 5, 12).atStartOfDay(SHOP).toInstant();
            ContentView live = fixtures.published(AUTHOR, REVIEWER, ContentType.BANNER,
                    banner(unique("cal-live"), from, until, ContentChannel.MOBILE));
            ContentView planned = fixtures.draft(AUTHOR, ContentType.BANNER,
                    banner(unique("cal-draft"), from.plus(Duration.ofDays(1)), null, ContentChannel.PC));
            ContentView archived = fixtures.draft(AUTHOR, ContentType.BANNER,
                    banner(unique("cal-gone"), from, until, ContentChannel.MOBILE));
            as(REVIEWER, () -> library.archive(archived.id(), archived.version(), null));

            ContentCalendar calendar = schedule.calendar(LocalDate.of(2032, 5, 9), LocalDate.of(2032, 5, 13), null,
                    null);
            assertThat(calendar.days()).extracting(ContentCalendar.Day::date).containsExactly(
                    LocalDate.of(2032, 5, 9), LocalDate.of(2032, 5, 10), LocalDate.of(2032, 5, 11),
                    LocalDate.of(2032, 5, 12), LocalDate.of(2032, 5, 13));
            assertThat(daysOf(calendar, live.id())).containsExactly(LocalDate.of(2032, 5, 10),
                    LocalDate.of(2032, 5, 11));
            assertThat(daysOf(calendar, planned.id())).containsExactly(LocalDate.of(2032, 5, 11),
                    LocalDate.of(2032, 5, 12), LocalDate.of(2032, 5, 13));
            assertThat(daysOf(calendar, archived.id())).isEmpty();
            ContentCalendar.Item first = entry(calendar, LocalDate.of(2032, 5, 10), live.id());
            assertThat(first.startsToday()).isTrue();
            assertThat(first.endsToday()).isFalse();
            assertThat(first.live()).isTrue();
            assertThat(entry(calendar, LocalDate.of(2032, 5, 11), live.id()).endsToday()).isTrue();
            assertThat(entry(calendar, LocalDate.of(2032, 5, 11), planned.id()).live()).isFalse();

            ContentCalendar onPc = schedule.calendar(LocalDate.of(2032, 5, 9), LocalDate.of(2032, 5, 13),
                    ContentChannel.PC, ContentType.BANNER);
            assertThat(daysOf(onPc, live.id())).isEmpty();
            assertThat(daysOf(onPc, planned.id())).hasSize(3);
            assertThat(daysOf(schedule.calendar(LocalDate.of(2032, 5, 9), LocalDate.of(2032, 5, 13), null,
                    ContentType.COPY), planned.id())).isEmpty();
        }

        static List<LocalDate> daysOf(ContentCalendar calendar, ContentId id) {
            return calendar.days().stream().filter(d -> d.items().stream().anyMatch(i -> i.id().equals(id)))
                    .map(ContentCalendar.Day::date).toList();
        }

        static ContentCalendar.Item entry(ContentCalendar calendar, LocalDate day, ContentId id) {
            return calendar.days().stream().filter(d -> d.date().equals(day)).flatMap(d -> d.items().stream())
                    .filter(i -> i.id().equals(id)).findFirst().orElseThrow();
        }

        @Test
        void theListFiltersByStatusTypeChannelAndText() {
            String token = unique("zq");
            ContentView banner = fixtures.draft(AUTHOR, ContentType.BANNER, runningNow("Banner " + token,
                    ContentChannel.MOBILE));
            ContentView story = fixtures.submitted(AUTHOR, ContentType.PRODUCT_STORY,
                    story("Story", productId(), now()));
            ContentView tagged = fixtures.draft(AUTHOR, ContentType.COPY, new ContentFields("Tagged", "正文",
                    List.of(), null, null, List.of(ContentChannel.PC), List.of(token.toUpperCase()), now(), null,
                    null));
            ContentView copy = fixtures.draft(AUTHOR, ContentType.COPY, copy("Body", "包含 " + token + " 的正文", now()));

            assertThat(ids(new ContentQuery(null, null, null, token))).containsExactlyInAnyOrder(banner.id(),
                    tagged.id(), copy.id());
            assertThat(ids(new ContentQuery(ContentStatus.DRAFT, ContentType.COPY, ContentChannel.PC, token)))
                    .containsExactlyInAnyOrder(tagged.id(), copy.id());
            assertThat(ids(new ContentQuery(null, null, ContentChannel.MOBILE, token)))
                    .containsExactlyInAnyOrder(banner.id(), copy.id());
            assertThat(ids(new ContentQuery(ContentStatus.IN_REVIEW, ContentType.PRODUCT_STORY, null, null)))
                    .contains(story.id()).doesNotContain(banner.id());
            assertThat(ids(new ContentQuery(null, null, null, "100%_" + token))).isEmpty();
            assertThat(library.countByStatus()).containsKeys(ContentStatus.values())
                    .hasEntrySatisfying(ContentStatus.IN_REVIEW, n -> assertThat(n).isPositive());
        }

        List<ContentId> ids(ContentQuery query) {
            return library.find(query, PageQuery.first(200)).items().stream().map(ContentSummary::id).toList();
        }

        ProductId productId() {
            return catalog.product(catalog.category(), "99.00").id();
        }

        @Test
        void badInputIsRefusedNamingEveryFieldAndWritesNothing() {
            long before = library.find(ContentQuery.all(), PageQuery.first(1)).totalItems();
            assertThat(fieldsOf(() -> as(AUTHOR, () -> library.create(ContentType.BANNER, new ContentFields(" ",
                    "x".repeat(20_001), List.of("https://img.example.com/ok.jpg", "javascript:alert(1)", "ftp://x/y"),
                    "javascript:alert(1)", null, List.of(), List.of("t".repeat(33)), Instant.parse("2031-01-02T00:00:00Z"),
                    Instant.parse("2031-01-01T00:00:00Z"), "bad code!")))))
                    .containsExactlyInAnyOrder("title", "body", "imageUrls[1]", "imageUrls[2]", "linkUrl", "channels",
                            "tags[0]", "publishUntil", "campaignCode");
            assertThat(fieldsOf(() -> as(AUTHOR, () -> library.create(null, copy("t", "b", now())))))
                    .containsExactly("type");
            assertThat(fieldsOf(() -> as(AUTHOR, () -> library.create(ContentType.BANNER,
                    new ContentFields("t", null, List.of(), null, null, List.of(ContentChannel.PC), null, null, null,
                            null))))).containsExactlyInAnyOrder("imageUrls", "publishFrom");
            assertThat(fieldsOf(() -> as(AUTHOR, () -> library.create(ContentType.PRODUCT_STORY,
                    new ContentFields("t", null, null, null, null, List.of(ContentChannel.PC), null, now(), null,
                            null))))).containsExactlyInAnyOrder("body", "productId");
            assertThat(fieldsOf(() -> as(AUTHOR, () -> library.create(ContentType.PRODUCT_STORY,
                    story("t", new ProductId(987_654_321L), now()))))).containsExactly("productId");
            assertThat(fieldsOf(() -> as(AUTHOR, () -> library.create(ContentType.COPY,
                    new ContentFields("t\u0000", "b", java.util.Collections.nCopies(11, "https://a.example/x.png"),
                            null, null, java.util.Arrays.asList(ContentChannel.PC, null), null,
                            Instant.parse("1999-12-31T00:00:00Z"), null, null)))))
                    .containsExactlyInAnyOrder("title", "imageUrls", "channels[1]", "publishFrom");
            // ten megabytes of text, as a client that skipped the API's size limit would hand it over
            assertThat(fieldsOf(() -> as(AUTHOR, () -> library.create(ContentType.COPY,
                    copy("t", "长".repeat(10 * 1024 * 1024), now()))))).containsExactly("body");
            assertThat(library.find(ContentQuery.all(), PageQuery.first(1)).totalItems()).isEqualTo(before);

            // a body as long as allowed, with markup and every kind of character, is kept exactly
            String body = "<script>alert('x')</script>\n\t' OR 1=1 -- 😀 ".repeat(700).substring(0, 19_990);
            body = (Character.isHighSurrogate(body.charAt(body.length() - 1)) ? body.substring(0, body.length() - 1)
                    : body);
            body = body + "x".repeat(20_000 - body.length());
            String longBody = body;
            ContentView kept = fixtures.draft(AUTHOR, ContentType.COPY, copy(unique("长文"), longBody, now()));
            assertThat(library.version(kept.id(), 1).body()).hasSize(20_000).isEqualTo(longBody);
        }
    }

    @Nested
    @ShopOpsTest
    @Import(ContentTestConfiguration.class)
    class OnH2 extends Contract {
    }

    @Nested
    @PostgresTest
    @Import(ContentTestConfiguration.class)
    class OnPostgres extends Contract {
    }
}
