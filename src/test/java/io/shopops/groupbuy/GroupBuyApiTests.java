package io.shopops.groupbuy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.shopops.audit.AuditEntry;
import io.shopops.audit.AuditLog;
import io.shopops.audit.AuditQuery;
import io.shopops.catalog.SkuId;
import io.shopops.identity.Role;
import io.shopops.ordering.OrderFixtures;
import io.shopops.shared.PageQuery;
import io.shopops.testing.ShopOpsTest;
import io.shopops.testing.StaffFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The staff's and the customers' group-buy and bargain API over HTTP: writing, scheduling and cancelling activities
 * (400 naming each bad field, 422 naming the price that breaks a rule, 409 for a stale version), who may do it, the
 * audit trail, and the storefront's open, join and cut with their idempotent repeats.
 */
@ShopOpsTest
@Import(GroupBuyTestConfiguration.class)
class GroupBuyApiTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffFixtures staff;
    @Autowired
    GroupBuyFixtures fixtures;
    @Autowired
    AuditLog audit;
    @Autowired
    Clock clock;

    ResultActions call(MockHttpServletRequestBuilder request, String bearer) throws Exception {
        return mvc.perform(request.header("Authorization", bearer));
    }

    ResultActions call(MockHttpServletRequestBuilder request, String bearer, String json) throws Exception {
        return mvc.perform(request.header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    String activity(SkuId sku, String groupPrice, String extra) {
        Instant now = Instant.now(clock);
        return """
                {"name":"三人团 %s","skuId":%d,"groupPrice":%s,"groupSize":3,"timeLimitHours":24,
                 "startsAt":"%s","endsAt":"%s"%s}""".formatted(sku, sku.value(), groupPrice,
                now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofDays(7)), extra);
    }

    static long id(String json) {
        return Long.parseLong(json.replaceAll("(?s)^\\{\"id\":(\\d+),.*", "$1"));
    }

    @Test
    void marketingWritesSchedulesAndCancelsAGroupBuyWithEveryStepAudited() throws Exception {
        SkuId sku = fixtures.sku("100.00", 10);
        String marketing = staff.member(Role.MARKETING_OPS).bearer();
        String created = call(post("/api/v1/admin/group-buys"), marketing, activity(sku, "59.90", ""))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/v1/admin/group-buys/")))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.phase").value("DRAFT"))
                .andExpect(jsonPath("$.perCustomerLimit").value(1))
                .andExpect(jsonPath("$.groupPrice.amount").value(59.90))
                .andReturn().getResponse().getContentAsString();
        long id = id(created);
        String path = "/api/v1/admin/group-buys/" + id;

        call(put(path), marketing, activity(sku, "49.90", ",\"version\":0"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.groupPrice.amount").value(49.90));
        call(put(path), marketing, activity(sku, "45.90", ",\"version\":0")).andExpect(status().isConflict());
        call(post(path + "/schedule"), marketing, "{}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("version"));
        call(post(path + "/schedule"), marketing, "{\"version\":1}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SCHEDULED"))
                .andExpect(jsonPath("$.phase").value("RUNNING"));
        // published: no more edits or deletion
        call(put(path), marketing, activity(sku, "45.90", ",\"version\":2"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.type").value("urn:shopops:problem:illegal-transition"));
        call(delete(path), marketing).andExpect(status().isUnprocessableContent());
        mvc.perform(get("/api/v1/store/group-buys")).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", hasItem((int) id)))
                .andExpect(jsonPath("$[0].createdBy").doesNotExist());

        call(post(path + "/cancel"), marketing, "{\"reason\":\"换供应商\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CANCELLED"));
        call(post(path + "/cancel"), marketing, "{}").andExpect(status().isUnprocessableContent());
        assertThat(audit.find(new AuditQuery(null, null, "group-buy", String.valueOf(id), null, null),
                PageQuery.first(20)).items()).extracting(AuditEntry::action)
                .contains("GROUP_BUY_CREATED", "GROUP_BUY_UPDATED", "GROUP_BUY_SCHEDULED", "GROUP_BUY_CANCELLED");
    }

    @Test
    void badActivitiesAreRefusedNamingEachFieldAndPricesAgainstTheSkuNamingThePrice() throws Exception {
        SkuId sku = fixtures.sku("100.00", 10);
        String marketing = staff.member(Role.MARKETING_OPS).bearer();
        call(post("/api/v1/admin/group-buys"), marketing, """
                {"name":"","skuId":null,"groupPrice":-1,"groupSize":1,"timeLimitHours":73,"perCustomerLimit":0,
                 "startsAt":"2026-12-01T00:00:00Z","endsAt":"2026-11-01T00:00:00Z"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("name", "skuId", "groupPrice",
                        "groupSize", "timeLimitHours", "perCustomerLimit", "endsAt")));
        call(post("/api/v1/admin/group-buys"), marketing, "{\"name\":\"x\",\"groupPrice\":\"lots\"}")
                .andExpect(status().isBadRequest());
        call(post("/api/v1/admin/group-buys"), marketing, activity(new SkuId(999_999_999L), "59.90", ""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("skuId"));
        call(post("/api/v1/admin/group-buys"), marketing, activity(sku, "100.00", ""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:shopops:problem:group-price-not-below-sale-price"))
                .andExpect(jsonPath("$.errors[0].field").value("groupPrice"));
        // the cost is 40.00: below it only when selling at a loss is allowed
        call(post("/api/v1/admin/group-buys"), marketing, activity(sku, "39.99", ""))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.type").value("urn:shopops:problem:below-cost"))
                .andExpect(jsonPath("$.errors[0].field").value("groupPrice"));
        call(post("/api/v1/admin/group-buys"), marketing, activity(sku, "39.99", ",\"belowCostAllowed\":true"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.belowCostAllowed").value(true));
        call(post("/api/v1/admin/group-buys"), marketing, activity(sku, "59.999", ""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("groupPrice"));

        call(post("/api/v1/admin/bargains"), marketing, """
                {"name":"砍一刀","skuId":%d,"floorPrice":30.00,"maxHelpers":0,"deadlineHours":24,"minCut":2.00,
                 "maxCut":1.00,"startsAt":"2026-01-01T00:00:00Z","endsAt":"2999-01-01T00:00:00Z"}"""
                .formatted(sku.value()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("maxCut", "maxHelpers")));
        call(post("/api/v1/admin/bargains"), marketing, """
                {"name":"砍一刀","skuId":%d,"floorPrice":30.00,"maxHelpers":10,"deadlineHours":24,"minCut":1.00,
                 "maxCut":2.00,"startsAt":"2026-01-01T00:00:00Z","endsAt":"2999-01-01T00:00:00Z"}"""
                .formatted(sku.value()))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.type").value("urn:shopops:problem:below-cost"))
                .andExpect(jsonPath("$.errors[0].field").value("floorPrice"));
        call(post("/api/v1/admin/bargains"), marketing, """
                {"name":"砍一刀","skuId":%d,"floorPrice":90.00,"maxHelpers":10,"deadlineHours":24,"minCut":1.00,
                 "maxCut":20.00,"startsAt":"2026-01-01T00:00:00Z","endsAt":"2999-01-01T00:00:00Z"}"""
                .formatted(sku.value()))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.type").value("urn:shopops:problem:cut-exceeds-room"))
                .andExpect(jsonPath("$.errors[0].field").value("maxCut"));
    }

    @Test
    void onlyMembersWhoMayPublishScheduleAndMembersWhoMayReadOnlyRead() throws Exception {
        SkuId sku = fixtures.sku("100.00", 10);
        String marketing = staff.member(Role.MARKETING_OPS).bearer();
        long id = id(call(post("/api/v1/admin/group-buys"), marketing, activity(sku, "59.90", ""))
                .andReturn().getResponse().getContentAsString());
        String reader = staff.member(Role.PRODUCT_OPS).bearer();
        call(get("/api/v1/admin/group-buys/" + id), reader).andExpect(status().isOk());
        call(post("/api/v1/admin/group-buys/" + id + "/schedule"), reader, "{\"version\":0}")
                .andExpect(status().isForbidden());
        call(post("/api/v1/admin/group-buys"), reader, activity(sku, "59.90", "")).andExpect(status().isForbidden());
        call(get("/api/v1/admin/group-buys/" + id), staff.member(Role.WAREHOUSE).bearer())
                .andExpect(status().isForbidden());
        call(post("/api/v1/admin/group-buys/" + id + "/schedule"), staff.member(Role.OPS_MANAGER).bearer(),
                "{\"version\":0}").andExpect(status().isOk());
    }

    @Test
    void customersOpenAndJoinGroupsAndAskingAgainGivesTheSamePlace() throws Exception {
        SkuId sku = fixtures.sku("100.00", 10);
        GroupBuyView activity = fixtures.running(sku, "59.90", 3, 24);
        OrderFixtures.Shopper opener = fixtures.orders().shopper();
        String opened = call(post("/api/v1/store/group-buys/" + activity.id() + "/groups")
                .header("Idempotency-Key", "open-" + opener.id()), opener.bearer())
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PENDING_PAYMENT"))
                .andExpect(jsonPath("$.opener").value(true))
                .andExpect(jsonPath("$.group.members").value(1))
                .andReturn().getResponse().getContentAsString();
        long place = id(opened);
        long group = Long.parseLong(opened.replaceAll("(?s).*\"group\":\\{\"id\":(\\d+),.*", "$1"));
        call(post("/api/v1/store/group-buys/" + activity.id() + "/groups")
                .header("Idempotency-Key", "open-" + opener.id()), opener.bearer())
                .andExpect(status().isCreated()).andExpect(jsonPath("$.id").value(place));

        OrderFixtures.Shopper joiner = fixtures.orders().shopper();
        String join = "/api/v1/store/group-buys/groups/" + group + "/members";
        String joined = call(post(join), joiner.bearer()).andExpect(status().isOk())
                .andExpect(jsonPath("$.group.members").value(2)).andReturn().getResponse().getContentAsString();
        call(post(join), joiner.bearer()).andExpect(status().isOk()).andExpect(jsonPath("$.id").value(id(joined)))
                .andExpect(jsonPath("$.group.members").value(2));

        // the group's page is public; a place is its customer's alone
        mvc.perform(get("/api/v1/store/group-buys/groups/" + group)).andExpect(status().isOk())
                .andExpect(jsonPath("$.placesLeft").value(1))
                .andExpect(content -> assertThat(content.getResponse().getContentAsString())
                        .doesNotContain("customerId").doesNotContain("opener"));
        mvc.perform(get("/api/v1/store/group-buys/" + activity.id() + "/groups")).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value(group));
        call(get("/api/v1/store/group-buys/memberships/" + place), joiner.bearer()).andExpect(status().isNotFound());
        call(get("/api/v1/store/group-buys/memberships"), joiner.bearer())
                .andExpect(jsonPath("$.totalItems").value(1));
        call(post("/api/v1/store/group-buys/groups/999999999/members"), joiner.bearer())
                .andExpect(status().isNotFound());
        call(post(join), staff.member(Role.ADMIN).bearer()).andExpect(status().isUnauthorized());

        call(get("/api/v1/admin/group-buys/groups?status=OPEN&activityId=" + activity.id()),
                staff.member(Role.DATA_OPS).bearer())
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[0].id").value(group));
        call(get("/api/v1/admin/group-buys/groups/" + group), staff.member(Role.DATA_OPS).bearer())
                .andExpect(status().isOk()).andExpect(jsonPath("$.members.length()").value(2))
                .andExpect(jsonPath("$.openerId").value(opener.id().value()));
        call(get("/api/v1/admin/group-buys/groups?status=NOPE"), staff.member(Role.DATA_OPS).bearer())
                .andExpect(status().isBadRequest());
    }

    @Test
    void helpersCutACustomersBargainOnceEachButNeverTheirOwn() throws Exception {
        SkuId sku = fixtures.sku("100.00", 10);
        BargainActivityView activity = fixtures.runningBargain(sku, "60.00", 5, 24, "1.00", "5.00");
        OrderFixtures.Shopper owner = fixtures.orders().shopper();
        String started = call(post("/api/v1/store/bargains/activities/" + activity.id() + "/bargains"), owner.bearer())
                .andExpect(status().isOk()).andExpect(jsonPath("$.mine").value(true))
                .andExpect(jsonPath("$.currentPrice.amount").value(100.00))
                .andReturn().getResponse().getContentAsString();
        long bargain = id(started);
        call(post("/api/v1/store/bargains/activities/" + activity.id() + "/bargains"), owner.bearer())
                .andExpect(jsonPath("$.id").value(bargain));
        call(post("/api/v1/store/bargains/" + bargain + "/cuts"), owner.bearer())
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.type").value("urn:shopops:problem:own-bargain"));

        OrderFixtures.Shopper helper = fixtures.orders().shopper();
        String cut = call(post("/api/v1/store/bargains/" + bargain + "/cuts"), helper.bearer())
                .andExpect(status().isOk()).andExpect(jsonPath("$.mine").value(true)).andExpect(jsonPath("$.seq").value(1))
                .andReturn().getResponse().getContentAsString();
        call(post("/api/v1/store/bargains/" + bargain + "/cuts"), helper.bearer()).andExpect(status().isOk())
                .andExpect(content -> assertThat(content.getResponse().getContentAsString()).isEqualTo(cut));
        call(get("/api/v1/store/bargains/" + bargain), owner.bearer()).andExpect(status().isOk())
                .andExpect(jsonPath("$.helpers").value(1)).andExpect(jsonPath("$.cuts[0].mine").value(false))
                .andExpect(content -> assertThat(content.getResponse().getContentAsString())
                        .doesNotContain("helperId").doesNotContain("seed"));
        call(get("/api/v1/store/bargains/mine"), owner.bearer()).andExpect(jsonPath("$.totalItems").value(1));
        mvc.perform(get("/api/v1/store/bargains/activities")).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", hasItem((int) activity.id().value())));

        String reader = staff.member(Role.DATA_OPS).bearer();
        call(get("/api/v1/admin/bargains/started/" + bargain), reader).andExpect(status().isOk())
                .andExpect(jsonPath("$.cutsVerified").value(true))
                .andExpect(jsonPath("$.seed").value(org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}")));
        call(get("/api/v1/admin/bargains/started?status=ACTIVE&activityId=" + activity.id()), reader)
                .andExpect(jsonPath("$.items[0].id").value(bargain));
        call(get("/api/v1/admin/bargains/figures"), reader).andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(not(0)));
        call(get("/api/v1/admin/group-buys/figures"), reader).andExpect(status().isOk());
    }
}
