package io.shopops.content;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.shopops.identity.Permission;
import io.shopops.identity.Role;
import io.shopops.inventory.MutableClock;
import io.shopops.shared.Actor;
import io.shopops.shared.PageQuery;
import io.shopops.testing.ShopOpsTest;
import io.shopops.testing.StaffFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static io.shopops.content.ContentFixtures.as;
import static io.shopops.content.ContentFixtures.banner;
import static io.shopops.content.ContentFixtures.copy;
import static io.shopops.content.ContentFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The console's content pages, signed in as members who write (MARKETING_OPS), publish (OPS_MANAGER) or only read
 * (DATA_OPS), in English and in Chinese: the list, the editor with its field errors, the item with its versions and
 * the workflow's buttons each member may use, one version, and the calendar.
 */
@ShopOpsTest
@Import(ContentTestConfiguration.class)
class ContentConsoleTests {

    static final ZoneId SHOP = ZoneId.of("Asia/Shanghai");

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffFixtures staff;
    @Autowired
    ContentFixtures fixtures;
    @Autowired
    ContentLibrary library;
    @Autowired
    MutableClock clock;

    record Signed(String username, RequestPostProcessor auth) {
    }

    Signed signIn(Role role) {
        StaffFixtures.Member member = staff.member(role);
        List<SimpleGrantedAuthority> authorities = new ArrayList<>(role.permissions().stream()
                .map(Permission::authority).map(SimpleGrantedAuthority::new).toList());
        authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
        return new Signed(member.username(), authentication(new UsernamePasswordAuthenticationToken(
                Actor.staff(member.id(), member.username()), null, authorities)));
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    static String page(ContentView item) {
        return "/console/content/" + item.id();
    }

    @Test
    void theListCountsByStatusAndFiltersInBothLanguages() throws Exception {
        String token = unique("list");
        ContentView item = fixtures.draft("writer-list", ContentType.BANNER,
                banner("Banner " + token, now(), null, ContentChannel.MOBILE));
        String link = "href=\"" + page(item) + "\"";
        Signed reader = signIn(Role.DATA_OPS);

        mvc.perform(get("/console/content").param("q", token).param("lang", "en").with(reader.auth()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(link), containsString("Banner " + token),
                        containsString("Draft"), containsString("Mobile"), containsString("id=\"count-IN_REVIEW\""),
                        containsString("Content library"), containsString("href=\"/console/content/calendar\""),
                        not(containsString("id=\"new-content\"")))));
        mvc.perform(get("/console/content").param("q", token).param("lang", "zh-CN").with(reader.auth()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(link), containsString("草稿"), containsString("轮播图"),
                        containsString("移动端"), containsString("内容管理"), containsString("营销"))));
        mvc.perform(get("/console/content").param("q", token).param("status", "PUBLISHED").with(reader.auth()))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString(link))));
        mvc.perform(get("/console/content").param("q", token).param("channel", "PC").with(reader.auth()))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString(link))));
        mvc.perform(get("/console/content").param("status", "BOGUS").param("lang", "en").with(reader.auth()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("is not one of the choices")));
        mvc.perform(get("/console/content").param("lang", "en").with(signIn(Role.MARKETING_OPS).auth()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"new-content\"")));
        mvc.perform(get("/console/content").with(signIn(Role.WAREHOUSE).auth())).andExpect(status().isForbidden());
    }

    @Test
    void aScriptInTheBodyIsShownAsTextNeverRun() throws Exception {
        String script = "<script>alert('xss')</script><img src=x onerror=alert(1)>";
        ContentView item = fixtures.draft("writer-xss", ContentType.COPY,
                copy(unique("<b>标题</b>"), "第一行\n" + script, now()));

        for (String lang : List.of("en", "zh-CN")) {
            mvc.perform(get(page(item)).param("lang", lang).with(signIn(Role.DATA_OPS).auth()))
                    .andExpect(status().isOk())
                    .andExpect(content().string(allOf(
                            containsString("&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;"),
                            containsString("&lt;b&gt;标题&lt;/b&gt;"), not(containsString(script)),
                            not(containsString("<b>标题</b>")))));
        }
        mvc.perform(get(page(item) + "/versions/1").with(signIn(Role.DATA_OPS).auth()))
                .andExpect(status().isOk()).andExpect(content().string(allOf(
                        containsString("&lt;script&gt;"), not(containsString(script)))));
    }

    @Test
    void theEditorShowsEveryFieldErrorBesideWhatWasTyped() throws Exception {
        Signed writer = signIn(Role.MARKETING_OPS);
        mvc.perform(get("/console/content/new").param("lang", "zh-CN").with(writer.auth()))
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString("新建内容"),
                        containsString("name=\"channels\""), containsString("type=\"datetime-local\""))));

        mvc.perform(post("/console/content").with(writer.auth()).with(csrf()).param("lang", "en")
                        .param("type", "BANNER").param("title", " ").param("body", "保留的正文")
                        .param("imageUrls", "https://img.example.com/ok.jpg\njavascript:alert(1)")
                        .param("channels", "MOBILE").param("publishFrom", "2031-05-02T10:00")
                        .param("publishUntil", "2031-05-01T10:00").param("productId", "abc"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("must be a whole number"),
                        containsString("保留的正文"), containsString("javascript:alert(1)"))));
        mvc.perform(post("/console/content").with(writer.auth()).with(csrf()).param("lang", "en")
                        .param("type", "BANNER").param("title", " ").param("body", "保留的正文")
                        .param("imageUrls", "https://img.example.com/ok.jpg\njavascript:alert(1)")
                        .param("channels", "MOBILE").param("publishFrom", "2031-05-02T10:00")
                        .param("publishUntil", "2031-05-01T10:00"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("<code>title</code>"),
                        containsString("<code>imageUrls[1]</code>"), containsString("<code>publishUntil</code>"),
                        containsString("must be an absolute http or https URL"), containsString("must be after"),
                        containsString("保留的正文"), containsString("value=\"2031-05-02T10:00\""))));
        mvc.perform(post("/console/content").with(writer.auth()).with(csrf()).param("lang", "zh-CN")
                        .param("type", "COPY").param("title", "t").param("body", "b").param("channels", "TV")
                        .param("publishFrom", "not a time"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("不是可选项之一"), containsString("须为日期和时间"))));

        String title = unique("console-new");
        mvc.perform(post("/console/content").with(writer.auth()).with(csrf()).param("lang", "en")
                        .param("type", "COPY").param("title", title).param("body", "第一行\r\n第二行")
                        .param("channels", "PC", "MINI_PROGRAM").param("tags", "双11, 满减，双11")
                        .param("publishFrom", "2031-05-01T10:00").param("campaignCode", "D11-2031"))
                .andExpect(status().isFound()).andExpect(redirectedUrlPattern("/console/content/*"))
                .andExpect(flash().attribute("flash", "“" + title + "” is saved as a draft."));
        ContentSummary created = library.find(new ContentQuery(null, null, null, title), PageQuery.first(5))
                .items().getFirst();
        ContentVersionView v1 = library.version(created.id(), 1);
        assertThat(v1.author()).isEqualTo(writer.username());
        assertThat(v1.body()).isEqualTo("第一行\n第二行");
        assertThat(v1.tags()).containsExactly("双11", "满减");
        assertThat(v1.channels()).containsExactlyInAnyOrder(ContentChannel.PC, ContentChannel.MINI_PROGRAM);
        assertThat(v1.publishFrom()).isEqualTo(LocalDate.of(2031, 5, 1).atTime(10, 0).atZone(SHOP).toInstant());

        // the editor of the next version, and a save from a page someone changed meanwhile
        String edit = "/console/content/" + created.id() + "/edit";
        mvc.perform(get(edit).with(writer.auth())).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("value=\"" + title + "\""),
                        containsString("value=\"2031-05-01T10:00\""), containsString("name=\"version\" value=\"0\""))));
        mvc.perform(post("/console/content/" + created.id()).with(writer.auth()).with(csrf()).param("lang", "en")
                        .param("version", "0").param("title", title + " v2").param("body", "b")
                        .param("channels", "PC").param("publishFrom", "2031-05-01T10:00"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/console/content/" + created.id()));
        mvc.perform(post("/console/content/" + created.id()).with(writer.auth()).with(csrf()).param("lang", "en")
                        .param("version", "0").param("title", title + " v3").param("body", "b")
                        .param("channels", "PC").param("publishFrom", "2031-05-01T10:00"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("someone changed this content meanwhile")));
        assertThat(library.item(created.id()).currentVersion()).isEqualTo(2);
        mvc.perform(get(edit).with(signIn(Role.DATA_OPS).auth())).andExpect(status().isForbidden());
    }

    @Test
    void eachMemberSeesTheStepsTheyMayTakeAndTheAuthorIsNotOfferedTheApproval() throws Exception {
        Signed writer = signIn(Role.MARKETING_OPS);
        Signed manager = signIn(Role.OPS_MANAGER);
        ContentView draft = fixtures.draft(writer.username(), ContentType.BANNER,
                banner(unique("workflow"), now().minus(Duration.ofHours(1)), null, ContentChannel.PC));

        mvc.perform(get(page(draft)).param("lang", "en").with(signIn(Role.DATA_OPS).auth()))
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString("Draft"),
                        not(containsString("id=\"content-actions\"")), not(containsString("id=\"edit-content\"")),
                        not(containsString("restore-form")))));
        mvc.perform(get(page(draft)).param("lang", "en").with(writer.auth()))
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString("id=\"submit-form\""),
                        containsString("id=\"edit-content\""), not(containsString("id=\"approve-form\"")))));

        mvc.perform(post(page(draft) + "/submit").with(writer.auth()).with(csrf()).param("version", "0")
                        .param("note", "请看价格").param("lang", "en"))
                .andExpect(status().isFound()).andExpect(redirectedUrl(page(draft)))
                .andExpect(flash().attribute("flash", "“" + draft.current().title() + "” (v1) is waiting for review."));

        // the writer also holds marketing:publish, but wrote this version: no approval for them
        mvc.perform(get(page(draft)).param("lang", "zh-CN").with(writer.auth()))
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString("审核中"),
                        containsString("id=\"four-eyes-hint\""), containsString("双人复核"),
                        not(containsString("id=\"approve-form\"")), containsString("id=\"reject-form\""),
                        containsString("请看价格"))));
        mvc.perform(post(page(draft) + "/approve").with(writer.auth()).with(csrf()).param("version", "1")
                        .param("lang", "en"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("another member must approve it")));
        mvc.perform(get(page(draft)).param("lang", "en").with(manager.auth()))
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString("id=\"approve-form\""),
                        containsString("id=\"reject-form\""), containsString("id=\"archive-form\""),
                        not(containsString("id=\"four-eyes-hint\"")))));
        mvc.perform(post(page(draft) + "/reject").with(manager.auth()).with(csrf()).param("version", "1")
                        .param("reason", " ").param("lang", "en"))
                .andExpect(status().isBadRequest()).andExpect(content().string(allOf(
                        containsString("<code>reason</code>"), containsString("is required"))));
        mvc.perform(post(page(draft) + "/approve").with(manager.auth()).with(csrf()).param("version", "1")
                        .param("lang", "en"))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("flash", "“" + draft.current().title() + "” (v1) is published."));
        assertThat(library.item(draft.id()).status()).isEqualTo(ContentStatus.PUBLISHED);
        mvc.perform(post(page(draft) + "/approve").with(manager.auth()).with(csrf()).param("version", "2")
                        .param("lang", "en"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("this step is not possible now")));
        mvc.perform(post(page(draft) + "/archive").with(signIn(Role.DATA_OPS).auth()).with(csrf()).param("version", "2"))
                .andExpect(status().isForbidden());
    }

    @Test
    void theHistoryListsVersionsWithTheirChangesAndRestoresAnOlderOne() throws Exception {
        Signed writer = signIn(Role.MARKETING_OPS);
        ContentFields fields = copy(unique("history"), "第一版", now());
        ContentView v1 = fixtures.draft(writer.username(), ContentType.COPY, fields);
        ContentView v2 = as(writer.username(), () -> library.update(v1.id(),
                new ContentFields(fields.title(), "第二版", fields.imageUrls(), fields.linkUrl(), null,
                        fields.channels(), fields.tags(), fields.publishFrom(), fields.publishUntil(), null),
                v1.version()));

        mvc.perform(get(page(v1)).param("lang", "en").with(writer.auth()))
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString("id=\"version-2\""),
                        containsString("id=\"version-1\""), containsString("Text"),
                        containsString("/console/content/" + v1.id() + "/versions/1/restore"),
                        not(containsString("/console/content/" + v1.id() + "/versions/2/restore")))));
        mvc.perform(get(page(v1) + "/versions/2").param("lang", "zh-CN").with(writer.auth()))
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString("第 2 版"),
                        containsString("第二版"), containsString("第一版"), containsString("正文"))));
        mvc.perform(post(page(v1) + "/versions/1/restore").with(writer.auth()).with(csrf())
                        .param("version", Long.toString(v2.version())).param("lang", "en"))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("flash", "“" + fields.title() + "” is restored as version 3."));
        assertThat(library.item(v1.id()).current().body()).isEqualTo("第一版");
        mvc.perform(get(page(v1) + "/versions/9").with(writer.auth())).andExpect(status().isNotFound());
    }

    @Test
    void theCalendarShowsAMonthOrAWeekWithItemsOnTheirDaysInBothLanguages() throws Exception {
        Instant from = LocalDate.of(2034, 3, 10).atTime(9, 0).atZone(SHOP).toInstant();
        Instant until = LocalDate.of(2034, 3, 12).atTime(18, 0).atZone(SHOP).toInstant();
        String title = unique("日历");
        ContentView item = fixtures.published("writer-cal", "reviewer-cal", ContentType.BANNER,
                banner(title, from, until, ContentChannel.MINI_PROGRAM));
        Signed reader = signIn(Role.DATA_OPS);

        mvc.perform(get("/console/content/calendar").param("month", "2034-03").param("lang", "en")
                        .with(reader.auth()))
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString("Content calendar"),
                        containsString("id=\"day-2034-03-10\""), containsString("id=\"day-2034-02-27\""),
                        containsString("2034-03"), containsString(title), containsString("cal-item live"),
                        containsString("starts"), containsString("href=\"" + page(item) + "\""),
                        containsString("Mon"), containsString("month=2034-04"), containsString("month=2034-02"))));
        mvc.perform(get("/console/content/calendar").param("month", "2034-03").param("lang", "zh-CN")
                        .with(reader.auth()))
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString("内容日历"),
                        containsString("2034年3月"), containsString("周一"), containsString(title))));
        mvc.perform(get("/console/content/calendar").param("month", "2034-03").param("channel", "PC")
                        .with(reader.auth()))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString(title))));
        mvc.perform(get("/console/content/calendar").param("week", "2034-03-11").param("lang", "en")
                        .with(reader.auth()))
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString("id=\"day-2034-03-06\""),
                        containsString("id=\"day-2034-03-12\""), not(containsString("id=\"day-2034-03-13\"")),
                        containsString(title), containsString("week=2034-03-13"))));
        mvc.perform(get("/console/content/calendar").param("month", "March").param("type", "VIDEO")
                        .param("lang", "en").with(reader.auth()))
                .andExpect(status().isOk()).andExpect(content().string(allOf(containsString("must be a month"),
                        containsString("is not one of the choices"))));
        mvc.perform(get("/console/content/calendar").with(signIn(Role.WAREHOUSE).auth())).andExpect(status().isForbidden());
    }
}
