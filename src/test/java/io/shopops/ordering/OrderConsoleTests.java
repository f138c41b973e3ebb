package io.shopops.ordering;

import java.util.ArrayList;
import java.util.List;

import io.shopops.catalog.SkuId;
import io.shopops.identity.Permission;
import io.shopops.identity.Role;
import io.shopops.inventory.WarehouseView;
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

import static io.shopops.ordering.OrderFixtures.line;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The console's order pages, signed in as members of different roles, in English and in Chinese. */
@ShopOpsTest
@Import(OrderingTestConfiguration.class)
class OrderConsoleTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffFixtures staff;
    @Autowired
    OrderFixtures fixtures;
    @Autowired
    Orders orders;

    RequestPostProcessor as(Role role) {
        StaffFixtures.Member member = staff.member(role);
        List<SimpleGrantedAuthority> authorities = new ArrayList<>(role.permissions().stream()
                .map(Permission::authority).map(SimpleGrantedAuthority::new).toList());
        authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
        return authentication(new UsernamePasswordAuthenticationToken(Actor.staff(member.id(), member.username()),
                null, authorities));
    }

    OrderView order() {
        SkuId sku = fixtures.sku("33.00");
        WarehouseView east = fixtures.warehouse("华东");
        fixtures.stock(sku, east, 5);
        return fixtures.place(fixtures.shopper(), line(sku, 2));
    }

    @Test
    void theListFiltersOrdersAndLinksEachToItsPageInBothLanguages() throws Exception {
        OrderView order = order();
        RequestPostProcessor reader = as(Role.DATA_OPS);

        mvc.perform(get("/console/orders").param("orderNumber", order.orderNumber()).param("lang", "en").with(reader))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(order.orderNumber()),
                        containsString("Awaiting payment"), containsString("/console/orders/" + order.id()))));
        mvc.perform(get("/console/orders").param("orderNumber", order.orderNumber()).param("lang", "zh-CN")
                        .with(reader))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("待支付"), containsString("订单管理"))));
        mvc.perform(get("/console/orders").param("orderNumber", order.orderNumber()).param("status", "SHIPPED")
                        .with(reader))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/console/orders/" + order.id() + "\""))));
        mvc.perform(get("/console/orders").param("from", "yesterday").param("lang", "en").with(reader))
                .andExpect(status().isOk()).andExpect(content().string(containsString("must be a date")));
    }

    @Test
    void theOrderPageShowsLinesAmountsAndTimelineAndOnlyWritersSeeTheActions() throws Exception {
        OrderView order = order();

        mvc.perform(get("/console/orders/" + order.id()).param("lang", "en").with(as(Role.DATA_OPS)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(order.orderNumber()), containsString("¥66.00"),
                        containsString("¥76.00"), containsString("张*"), containsString("Placed"),
                        not(containsString("id=\"order-actions\"")))));
        mvc.perform(get("/console/orders/" + order.id()).param("lang", "zh-CN").with(as(Role.CUSTOMER_OPS)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("订单时间线"), containsString("id=\"order-actions\""),
                        containsString("取消订单"))));
        mvc.perform(get("/console/orders/987654321").with(as(Role.DATA_OPS))).andExpect(status().isNotFound());
    }

    @Test
    void writersNoteFlagAndCancelAnOrderAndARefusedFormIsShownAgainWithItsReason() throws Exception {
        OrderView order = order();
        RequestPostProcessor writer = as(Role.CUSTOMER_OPS);
        String page = "/console/orders/" + order.id();

        mvc.perform(post(page + "/notes").param("text", "顾客来电").with(writer).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl(page)).andExpect(flash().attributeExists("flash"));
        mvc.perform(post(page + "/abnormal").param("reason", "地址可疑").with(writer).with(csrf()))
                .andExpect(status().isFound());
        mvc.perform(post(page + "/cancel").param("reason", " ").param("lang", "en").with(writer).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("is required")));
        mvc.perform(post(page + "/hold").param("reason", "check").param("lang", "en").with(writer).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("PENDING_PAYMENT → UNDER_REVIEW")));
        mvc.perform(post(page + "/cancel").param("reason", "顾客要求取消").with(writer).with(csrf()))
                .andExpect(status().isFound());
        mvc.perform(post(page + "/cancel").param("reason", "x").with(as(Role.DATA_OPS)).with(csrf()))
                .andExpect(status().isForbidden());

        OrderDetail after = orders.detail(order.id());
        assertThat(after.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(after.abnormal()).isTrue();
        assertThat(after.timeline()).extracting(TimelineEntry::kind).contains(TimelineEntry.Kind.NOTE,
                TimelineEntry.Kind.FLAGGED_ABNORMAL, TimelineEntry.Kind.CANCELLED);
    }

    @Test
    void theReconciliationPageReportsADayInBothLanguages() throws Exception {
        mvc.perform(get("/console/orders/reconciliation").param("day", "2026-01-15").param("lang", "en")
                        .with(as(Role.DATA_OPS)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Orders vs payments"), containsString("2026-01-15"))));
        mvc.perform(get("/console/orders/reconciliation").param("lang", "zh-CN").with(as(Role.WAREHOUSE)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("订单与支付对账")));
        mvc.perform(get("/console/orders/reconciliation").param("day", "15/01/2026").param("lang", "en")
                        .with(as(Role.DATA_OPS)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("must be a date")));
    }
}
