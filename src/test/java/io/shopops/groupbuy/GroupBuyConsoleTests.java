package io.shopops.groupbuy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.shopops.catalog.SkuId;
import io.shopops.identity.Permission;
import io.shopops.identity.Role;
import io.shopops.ordering.OrderView;
import io.shopops.shared.Actor;
import io.shopops.testing.ShopOpsTest;
import io.shopops.testing.StaffFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The group-buy monitor, a group's page and a bargain's page, in English and in Chinese, for members who may read
 * marketing (DATA_OPS, MARKETING_OPS) and one who may not (WAREHOUSE).
 */
@ShopOpsTest
@Import(GroupBuyTestConfiguration.class)
class GroupBuyConsoleTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffFixtures staff;
    @Autowired
    GroupBuyFixtures fixtures;
    @Autowired
    GroupBuys groupBuys;
    @Autowired
    Bargains bargains;
    @Autowired
    GroupBuyActivities activities;

    RequestPostProcessor as(Role role) {
        StaffFixtures.Member member = staff.member(role);
        List<SimpleGrantedAuthority> authorities = new ArrayList<>(role.permissions().stream()
                .map(Permission::authority).map(SimpleGrantedAuthority::new).toList());
        authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
        return authentication(new UsernamePasswordAuthenticationToken(Actor.staff(member.id(), member.username()),
                null, authorities));
    }

    @Test
    void theMonitorShowsActivitiesGatheringGroupsWithTheirProgressAndTheFiguresInBothLanguages() throws Exception {
        SkuId sku = fixtures.sku("100.00", 10);
        GroupBuyView activity = fixtures.running(sku, "59.90", 3, 24);
        GroupBuyFixtures.Member opener = fixtures.opener(activity);
        fixtures.joiner(opener.group());
        String groupLink = "href=\"/console/group-buys/groups/" + opener.group() + "\"";
        RequestPostProcessor reader = as(Role.DATA_OPS);

        mvc.perform(get("/console/group-buys").param("activityId", String.valueOf(activity.id().value()))
                        .param("lang", "en").with(reader))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(activity.name()), containsString(groupLink),
                        containsString("2 / 3"), containsString("Gathering"), containsString("Success rate"),
                        containsString("Refunds triggered"), containsString("id=\"outcome-chart\""),
                        containsString("data-chart="), containsString("Group buys &amp; bargains"),
                        containsString("23 h"), containsString("Running"), containsString("¥59.90"))));
        mvc.perform(get("/console/group-buys").param("activityId", String.valueOf(activity.id().value()))
                        .param("lang", "zh-CN").with(reader))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(groupLink), containsString("拼团中"),
                        containsString("成团率"), containsString("触发退款"), containsString("拼团与砍价"),
                        containsString("小时"), containsString("进行中"))));
        // another status filter leaves the gathering group out; a bad one is explained, not a failure
        mvc.perform(get("/console/group-buys").param("status", "FAILED")
                        .param("activityId", String.valueOf(activity.id().value())).with(reader))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString(groupLink))));
        mvc.perform(get("/console/group-buys").param("status", "BOGUS").param("activityId", "x").param("lang", "en")
                        .with(reader))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Choose one of the listed values."),
                        containsString("Enter a whole number."))));

        mvc.perform(get("/console/group-buys/groups/" + opener.group()).param("lang", "en").with(reader))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Members and their orders"),
                        containsString("Awaiting payment"), containsString("(opened the group)"),
                        containsString("id=\"group-time-left\""))));
        mvc.perform(get("/console/group-buys/groups/" + opener.group()).param("lang", "zh-CN").with(reader))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("成员及其订单"), containsString("待付款"),
                        containsString("（团长）"))));
        mvc.perform(get("/console/group-buys/groups/999999999").with(reader)).andExpect(status().isNotFound());
        mvc.perform(get("/console/group-buys").with(as(Role.WAREHOUSE))).andExpect(status().isForbidden());
    }

    @Test
    void aGroupsPageShowsEachMembersOrderOnceTheyPaid() throws Exception {
        SkuId sku = fixtures.sku("100.00", 10);
        GroupBuyView activity = fixtures.running(sku, "59.90", 2, 24);
        GroupBuyFixtures.Member opener = fixtures.opener(activity);
        OrderView order = fixtures.checkoutAndPay(opener, sku);
        await().atMost(Duration.ofSeconds(30)).until(() -> groupBuys.detail(opener.group()).group().paid() == 1);

        mvc.perform(get("/console/group-buys/groups/" + opener.group()).param("lang", "en").with(as(Role.MARKETING_OPS)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(order.orderNumber()),
                        containsString("Paid, waiting for the group"), containsString("¥69.90"))));
    }

    @Test
    void theRatesShowAsPercentagesOnceAGroupAndABargainHaveEnded() throws Exception {
        SkuId sku = fixtures.sku("100.00", 10);
        GroupBuyView activity = fixtures.running(sku, "59.90", 2, 24);
        fixtures.opener(activity);
        activities.cancel(activity.id(), "test");
        BargainActivityView bargainActivity = fixtures.runningBargain(sku, "60.00", 5, 24, "1.00", "5.00");
        var owner = fixtures.orders().shopper();
        BargainView bargain = fixtures.startBargain(owner, bargainActivity);
        bargains.cut(fixtures.orders().shopper().id(), bargain.id());
        fixtures.orders().place(owner, io.shopops.ordering.OrderFixtures.line(sku, 1));
        org.assertj.core.api.Assertions.assertThat(bargains.bargain(bargain.id()).status())
                .isEqualTo(BargainStatus.PURCHASED);

        String page = mvc.perform(get("/console/group-buys").param("lang", "en").with(as(Role.DATA_OPS)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat(page)
                .containsPattern("(?s)id=\"figure-success-rate\">.*?<div class=\"value\">\\d+(\\.\\d)?%</div>")
                .containsPattern("(?s)id=\"figure-completion-rate\">.*?<div class=\"value\">\\d+(\\.\\d)?%</div>");
    }

    @Test
    void aBargainsPageShowsItsCutsAndTheirCheckAgainstTheSeedInBothLanguages() throws Exception {
        SkuId sku = fixtures.sku("100.00", 10);
        BargainActivityView activity = fixtures.runningBargain(sku, "60.00", 5, 24, "1.00", "5.00");
        BargainView bargain = fixtures.startBargain(fixtures.orders().shopper(), activity);
        bargains.cut(fixtures.orders().shopper().id(), bargain.id());
        String seed = bargains.detail(bargain.id()).seed();
        RequestPostProcessor reader = as(Role.DATA_OPS);

        mvc.perform(get("/console/group-buys").param("lang", "en").with(reader))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("href=\"/console/group-buys/bargains/" + bargain.id()
                        + "\""), containsString("Completion rate"))));
        mvc.perform(get("/console/group-buys/bargains/" + bargain.id()).param("lang", "en").with(reader))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(seed), containsString("Every cut is what the seed gives"),
                        containsString("Price after"), containsString("¥100.00"))));
        mvc.perform(get("/console/group-buys/bargains/" + bargain.id()).param("lang", "zh-CN").with(reader))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("每一刀都与种子一致"), containsString("砍价记录"))));
    }
}
