package io.shopops.content;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.shopops.identity.Role;
import io.shopops.inventory.MutableClock;
import io.shopops.testing.ShopOpsTest;
import io.shopops.testing.StaffFixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The content library over HTTP: a banner from draft to the storefront with two members (four eyes), the
 * storefront's answer, stale versions, bad input naming its fields, the calendar, and who may do what.
 */
@ShopOpsTest
@Import(ContentTestConfiguration.class)
class ContentApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffFixtures staff;
    @Autowired
    MutableClock clock;
    @Autowired
    JsonMapper json;

    ResultActions call(MockHttpServletRequestBuilder request, String bearer) throws Exception {
        return mvc.perform(request.header("Authorization", bearer));
    }

    ResultActions call(MockHttpServletRequestBuilder request, String bearer, String body) throws Exception {
        return mvc.perform(request.header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    JsonNode read(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    String banner(String title, Instant from, Instant until) {
        return """
                {"type":"BANNER","title":"%s","imageUrls":["https://img.example.com/d11/hero.jpg"],
                 "linkUrl":"https://shop.example.com/d11","channels":["MOBILE","MINI_PROGRAM"],"tags":["双11"],
                 "publishFrom":"%s","publishUntil":"%s","campaignCode":"D11-2026"}""".formatted(title, from, until);
    }

    @Test
    void aBannerGoesFromDraftToTheStorefrontThroughAReviewBySomeoneElse() throws Exception {
        StaffFixtures.Member writer = staff.member(Role.MARKETING_OPS);
        StaffFixtures.Member manager = staff.member(Role.OPS_MANAGER);
        Instant from = clock.instant().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(5));
        Instant until = from.plus(Duration.ofDays(2));
        String title = ContentFixtures.unique("双11主会场");

        JsonNode created = read(call(post("/api/v1/admin/content"), writer.bearer(), banner(title, from, until))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/v1/admin/content/")))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.currentVersion").value(1))
                .andExpect(jsonPath("$.current.author").value(writer.username()))
                .andExpect(jsonPath("$.current.channels", hasItems("MOBILE", "MINI_PROGRAM"))));
        long id = created.get("id").asLong();
        String path = "/api/v1/admin/content/" + id;
        String store = "/api/v1/store/content?channel=MOBILE&type=BANNER&at=" + from.plusSeconds(60);

        mvc.perform(get(store)).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id", not(hasItem((int) id))));
        JsonNode submitted = read(call(post(path + "/submit"), writer.bearer(),
                "{\"version\":%d,\"note\":\"请审核\"}".formatted(created.get("version").asLong()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("IN_REVIEW")));
        long version = submitted.get("version").asLong();

        call(post(path + "/approve"), writer.bearer(), "{\"version\":%d}".formatted(version))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type", containsString("four-eyes")))
                .andExpect(jsonPath("$.errors[0].field").value("version"));
        call(post(path + "/approve"), manager.bearer(), "{\"version\":%d}".formatted(version - 1))
                .andExpect(status().isConflict());
        call(post(path + "/approve"), manager.bearer(), "{\"version\":%d,\"note\":\"好\"}".formatted(version))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PUBLISHED"))
                .andExpect(jsonPath("$.publishedVersion").value(1))
                .andExpect(jsonPath("$.pendingRevision").value(false));

        // anyone may read the storefront's content: the live version only, without who wrote or approved it
        String live = mvc.perform(get(store)).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.id == %d)].title".formatted(id)).value(hasItem(title)))
                .andReturn().getResponse().getContentAsString();
        assertThat(live).doesNotContain(writer.username()).doesNotContain(manager.username())
                .doesNotContain("请审核");
        mvc.perform(get(store.replace("MOBILE", "PC"))).andExpect(jsonPath("$.items[*].id", not(hasItem((int) id))));
        mvc.perform(get("/api/v1/store/content?channel=MOBILE&at=" + until))
                .andExpect(jsonPath("$.items[*].id", not(hasItem((int) id))));

        call(get(path), writer.bearer()).andExpect(jsonPath("$.timeline[*].type",
                hasItems("CREATED", "SUBMITTED", "APPROVED")));
        call(get(path + "/versions"), writer.bearer()).andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].changedFields", hasItem("imageUrls")));
        call(get(path + "/versions/1"), writer.bearer()).andExpect(jsonPath("$.title").value(title));
        call(get("/api/v1/admin/content?q=" + title), writer.bearer())
                .andExpect(jsonPath("$.items[0].id").value(id)).andExpect(jsonPath("$.totalItems").value(1));
        call(get("/api/v1/admin/content/counts"), writer.bearer()).andExpect(jsonPath("$.PUBLISHED").isNumber());
        call(get("/api/v1/admin/audit-entries?entityType=content&entityId=" + id), staff.member(Role.ADMIN).bearer())
                .andExpect(jsonPath("$.items[*].action", hasItems("CONTENT_CREATED", "CONTENT_APPROVED")));
    }

    @Test
    void badInputIsRefusedWith400NamingTheFields() throws Exception {
        StaffFixtures.Member writer = staff.member(Role.MARKETING_OPS);
        String good = banner(ContentFixtures.unique("bad"), Instant.parse("2031-01-01T00:00:00Z"),
                Instant.parse("2031-01-08T00:00:00Z"));

        call(post("/api/v1/admin/content"), writer.bearer(), good.replace("\"title\":\"", "\"title\":\" \",\"x\":\""))
                .andExpect(status().isBadRequest());
        call(post("/api/v1/admin/content"), writer.bearer(), good.replaceFirst("\"title\":\"[^\"]*\"", "\"title\":\"\""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field", hasItem("title")));
        call(post("/api/v1/admin/content"), writer.bearer(),
                good.replace("\"tags\"", "\"body\":\"%s\",\"tags\"".formatted("长".repeat(20_001))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("body"))
                .andExpect(jsonPath("$.errors[0].reason").value("must be at most 20000 characters"));
        // a 10 MB body is refused before it is read: the API takes at most 1 MB per request
        call(post("/api/v1/admin/content"), writer.bearer(),
                good.replace("\"tags\"", "\"body\":\"%s\",\"tags\"".formatted("x".repeat(10 * 1024 * 1024))))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.type", containsString("payload-too-large")));
        call(post("/api/v1/admin/content"), writer.bearer(), good.replace("[\"https://img.example.com/d11/hero.jpg\"]",
                "[\"https://img.example.com/a.jpg\",\"javascript:alert(document.cookie)\"]"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("imageUrls[1]"));
        call(post("/api/v1/admin/content"), writer.bearer(), good.replace("2031-01-08", "2030-12-31"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("publishUntil"));
        call(post("/api/v1/admin/content"), writer.bearer(), good.replace("\"MINI_PROGRAM\"", "\"TV\""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("channels[1]"));
        call(post("/api/v1/admin/content"), writer.bearer(), good.replace("\"BANNER\"", "\"VIDEO\""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("type"));
        call(post("/api/v1/admin/content"), writer.bearer(), good.replace("\"type\":\"BANNER\"",
                "\"type\":\"PRODUCT_STORY\",\"body\":\"故事\",\"productId\":987654321"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("productId"));
        call(post("/api/v1/admin/content"), writer.bearer(), good.replace("\"2031-01-01T00:00:00Z\"", "\"tomorrow\""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("publishFrom"));
        call(post("/api/v1/admin/content"), writer.bearer(), "")
                .andExpect(status().isBadRequest());

        long id = read(call(post("/api/v1/admin/content"), writer.bearer(), good).andExpect(status().isCreated()))
                .get("id").asLong();
        call(put("/api/v1/admin/content/" + id), writer.bearer(), good.replace("\"type\":\"BANNER\",", ""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("version"));
        call(put("/api/v1/admin/content/" + id), writer.bearer(),
                good.replace("\"type\":\"BANNER\",", "\"version\":99,"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].field").value("version"));
        call(put("/api/v1/admin/content/" + id), writer.bearer(), good.replace("\"type\":\"BANNER\",", "\"version\":0,"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.type", containsString("unchanged")));
        call(post("/api/v1/admin/content/" + id + "/approve"), staff.member(Role.OPS_MANAGER).bearer(),
                "{\"version\":0}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type", containsString("illegal-transition")));
        call(post("/api/v1/admin/content/" + id + "/reject"), staff.member(Role.OPS_MANAGER).bearer(),
                "{\"version\":0}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        call(get("/api/v1/admin/content/987654321"), writer.bearer()).andExpect(status().isNotFound());
        call(get("/api/v1/admin/content/" + id + "/versions/7"), writer.bearer()).andExpect(status().isNotFound());

        mvc.perform(get("/api/v1/store/content")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("channel"));
        mvc.perform(get("/api/v1/store/content?channel=TV")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("channel"));
        mvc.perform(get("/api/v1/store/content?channel=PC&at=1900-01-01T00:00:00Z")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("at"));
    }

    @Test
    void theCalendarAnswersForUpTo62DaysAndNamesBadRanges() throws Exception {
        StaffFixtures.Member reader = staff.member(Role.DATA_OPS);
        StaffFixtures.Member writer = staff.member(Role.MARKETING_OPS);
        String title = ContentFixtures.unique("cal");
        long id = read(call(post("/api/v1/admin/content"), writer.bearer(), banner(title,
                Instant.parse("2033-06-01T04:00:00Z"), Instant.parse("2033-06-03T04:00:00Z")))).get("id").asLong();

        call(get("/api/v1/admin/content/calendar?from=2033-06-01&to=2033-06-30&channel=MOBILE"), reader.bearer())
                .andExpect(status().isOk()).andExpect(jsonPath("$.days.length()").value(30))
                .andExpect(jsonPath("$.zone").value("Asia/Shanghai"))
                .andExpect(jsonPath("$.days[0].items[?(@.id == %d)].startsToday".formatted(id)).value(hasItem(true)))
                .andExpect(jsonPath("$.days[2].items[?(@.id == %d)].endsToday".formatted(id)).value(hasItem(true)))
                .andExpect(jsonPath("$.days[3].items[*].id", not(hasItem((int) id))));
        call(get("/api/v1/admin/content/calendar?from=2033-06-30&to=2033-06-01"), reader.bearer())
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("to"));
        call(get("/api/v1/admin/content/calendar?from=2033-01-01&to=2033-12-31"), reader.bearer())
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("to"));
        call(get("/api/v1/admin/content/calendar?to=2033-12-31"), reader.bearer())
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("from"));
    }

    @Test
    void membersMayReadWriteOrPublishAsTheirRolesAllow() throws Exception {
        StaffFixtures.Member writer = staff.member(Role.MARKETING_OPS);
        String body = banner(ContentFixtures.unique("rbac"), Instant.parse("2031-02-01T00:00:00Z"),
                Instant.parse("2031-02-08T00:00:00Z"));
        call(post("/api/v1/admin/content"), staff.member(Role.CUSTOMER_OPS).bearer(), body)
                .andExpect(status().isForbidden());
        call(get("/api/v1/admin/content"), staff.member(Role.WAREHOUSE).bearer()).andExpect(status().isForbidden());
        call(get("/api/v1/admin/content"), staff.member(Role.PRODUCT_OPS).bearer()).andExpect(status().isOk());
        long id = read(call(post("/api/v1/admin/content"), writer.bearer(), body)).get("id").asLong();
        call(post("/api/v1/admin/content/" + id + "/submit"), writer.bearer(), "{\"version\":0}")
                .andExpect(status().isOk());
        call(post("/api/v1/admin/content/" + id + "/approve"), staff.member(Role.DATA_OPS).bearer(), "{\"version\":1}")
                .andExpect(status().isForbidden());
        // an administrator passes every permission check but not the four-eyes rule: here they did not write it
        call(post("/api/v1/admin/content/" + id + "/approve"), staff.member(Role.ADMIN).bearer(), "{\"version\":1}")
                .andExpect(status().isOk());
        // the storefront's door refuses staff keys
        call(get("/api/v1/store/content?channel=PC"), writer.bearer()).andExpect(status().isUnauthorized());
    }
}
