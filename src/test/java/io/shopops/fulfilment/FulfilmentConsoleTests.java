package io.shopops.fulfilment;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.shopops.fulfilment.FulfilmentFixtures.Order;
import io.shopops.identity.Permission;
import io.shopops.identity.Role;
import io.shopops.inventory.MutableClock;
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

/** The fulfilment's console pages, signed in as members of different roles, in English and in Chinese. */
@ShopOpsTest
@Import(FulfilmentTestConfiguration.class)
class FulfilmentConsoleTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffFixtures staff;
    @Autowired
    FulfilmentFixtures fixtures;
    @Autowired
    Shipments shipments;
    @Autowired
    MutableClock clock;

    /** A signed-in member holding the role, as the console sees them. */
    RequestPostProcessor as(Role role) {
        StaffFixtures.Member member = staff.member(role);
        List<SimpleGrantedAuthority> authorities = new ArrayList<>(role.permissions().stream()
                .map(Permission::authority).map(SimpleGrantedAuthority::new).toList());
        authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
        return authentication(new UsernamePasswordAuthenticationToken(Actor.staff(member.id(), member.username()),
                null, authorities));
    }

    static String path(ShipmentView shipment) {
        return "/console/fulfilment/shipments/" + shipment.id();
    }

    @Test
    void listsShipmentsWithFiltersAndTheNavigationInBothLanguages() throws Exception {
        ShipmentView shipment = fixtures.created();
        RequestPostProcessor analyst = as(Role.DATA_OPS);

        mvc.perform(get("/console/fulfilment/shipments").param("orderReference", shipment.orderReference())
                        .param("lang", "en").with(analyst))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Shipments"), containsString("Late and stuck"),
                        containsString("Pick list"), containsString(shipment.orderReference()),
                        containsString("欧***"), not(containsString(FulfilmentFixtures.RECIPIENT)),
                        containsString("id=\"filter-stuck\""), not(containsString("<script>")))));
        mvc.perform(get("/console/fulfilment/shipments").param("orderReference", shipment.orderReference())
                        .param("status", "NOT-A-STATUS").param("lang", "zh-CN").with(analyst))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("发货单"), containsString("待拣货"),
                        containsString("延误与停滞"))));
        mvc.perform(get("/console/fulfilment/shipments").with(as(Role.PRODUCT_OPS))).andExpect(status().isForbidden());
    }

    @Test
    void whoPrintsLabelsSeesTheFullAddressAndEveryoneElseSeesItMasked() throws Exception {
        ShipmentView shipment = fixtures.created();

        mvc.perform(get(path(shipment)).param("lang", "en").with(as(Role.WAREHOUSE)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(FulfilmentFixtures.RECIPIENT),
                        containsString(FulfilmentFixtures.PHONE), containsString(FulfilmentFixtures.DETAIL),
                        containsString("id=\"start-picking\""), containsString("id=\"cancel-form\""),
                        not(containsString("id=\"masked-note\"")))));
        mvc.perform(get(path(shipment)).param("lang", "en").with(as(Role.CUSTOMER_OPS)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("139****5678"), containsString("欧***"),
                        containsString("上海市"), containsString("id=\"masked-note\""),
                        not(containsString(FulfilmentFixtures.PHONE)), not(containsString("张江路")),
                        not(containsString("id=\"start-picking\"")), not(containsString("id=\"cancel-form\"")))));
    }

    @Test
    void warehouseStaffPickPackAndDispatchFromTheShipmentsPage() throws Exception {
        ShipmentView shipment = fixtures.created();
        RequestPostProcessor packer = as(Role.WAREHOUSE);
        String trackingNumber = FulfilmentFixtures.sfTrackingNumber();

        mvc.perform(post(path(shipment) + "/status").with(packer).with(csrf()).param("status", "PICKING")
                        .param("lang", "en"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(path(shipment)))
                .andExpect(flash().attribute("flash", "Shipment #" + shipment.id() + " is now: Picking."));
        mvc.perform(post(path(shipment) + "/status").with(packer).with(csrf()).param("status", "PACKED"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(path(shipment)).with(packer).param("lang", "en"))
                .andExpect(content().string(allOf(containsString("id=\"dispatch-form\""),
                        not(containsString("id=\"mark-packed\"")))));
        mvc.perform(post(path(shipment) + "/dispatch").with(packer).with(csrf()).param("lang", "en")
                        .param("carrier", "SF").param("trackingNumber", "YT999").param("weightGrams", "1.5"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("must be a whole number"),
                        containsString("value=\"YT999\""), containsString("value=\"1.5\""))));
        mvc.perform(post(path(shipment) + "/dispatch").with(packer).with(csrf()).param("lang", "en")
                        .param("carrier", "SF").param("trackingNumber", "YT999").param("weightGrams", "900"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("is not a SF tracking number")));
        assertThat(shipments.shipment(shipment.id()).status()).isEqualTo(ShipmentStatus.PACKED);

        mvc.perform(post(path(shipment) + "/dispatch").with(packer).with(csrf()).param("lang", "en")
                        .param("carrier", "SF").param("trackingNumber", trackingNumber).param("weightGrams", "900")
                        .param("logisticsCost", ""))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", "Shipment #" + shipment.id() + " dispatched with SF, tracking number "
                        + trackingNumber + "."));

        ShipmentView dispatched = shipments.shipment(shipment.id());
        assertThat(dispatched.status()).isEqualTo(ShipmentStatus.DISPATCHED);
        assertThat(dispatched.costBasis()).isEqualTo(CostBasis.CARRIER_RATE);
        mvc.perform(get(path(shipment)).with(packer).param("lang", "zh-CN"))
                .andExpect(content().string(allOf(containsString("已发货"), containsString(trackingNumber),
                        containsString("按重量与物流公司价格计算"), containsString("id=\"tracking-form\""))));
    }

    @Test
    void staffAddTrackingEventsInTheShopsTimeZoneAndCancelWithAReason() throws Exception {
        ShipmentView dispatched = fixtures.dispatched(fixtures.created());
        ShipmentView waiting = fixtures.created();
        RequestPostProcessor packer = as(Role.WAREHOUSE);
        DateTimeFormatter local = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
        String now = local.format(clock.instant().atZone(ZoneId.of("Asia/Shanghai")));
        String tomorrow = local.format(clock.instant().plus(Duration.ofDays(1)).atZone(ZoneId.of("Asia/Shanghai")));

        mvc.perform(post(path(dispatched) + "/tracking-events").with(packer).with(csrf()).param("lang", "en")
                        .param("type", "DELIVERED").param("occurredAt", tomorrow).param("location", "上海"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("must not be in the future"),
                        containsString("value=\"" + tomorrow + "\""))));
        mvc.perform(post(path(dispatched) + "/tracking-events").with(packer).with(csrf()).param("lang", "en")
                        .param("type", "DELIVERED").param("occurredAt", now).param("location", "上海浦东")
                        .param("description", "本人签收"))
                .andExpect(status().is3xxRedirection());
        ShipmentView delivered = shipments.shipment(dispatched.id());
        assertThat(delivered.status()).isEqualTo(ShipmentStatus.DELIVERED);
        assertThat(delivered.deliveredAt()).isEqualTo(clock.instant().truncatedTo(ChronoUnit.MINUTES));
        mvc.perform(get(path(dispatched)).with(packer).param("lang", "en"))
                .andExpect(content().string(allOf(containsString("Signed for"), containsString("上海浦东"),
                        containsString("本人签收"), containsString("On time"))));

        mvc.perform(post(path(waiting) + "/cancel").with(packer).with(csrf()).param("reason", " ").param("lang", "en"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("is required")));
        mvc.perform(post(path(waiting) + "/cancel").with(packer).with(csrf()).param("reason", "缺货 out of stock"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(path(waiting) + "/cancel").with(packer).with(csrf()).param("reason", "again")
                        .param("lang", "en"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("cannot become cancelled")));
        assertThat(shipments.shipment(waiting.id()).status()).isEqualTo(ShipmentStatus.CANCELLED);
        mvc.perform(post(path(waiting) + "/status").with(as(Role.CUSTOMER_OPS)).with(csrf()).param("status", "PICKING"))
                .andExpect(status().isForbidden());
    }

    @Test
    void thePickListGroupsTheWarehousesWaitingShipmentsBySku() throws Exception {
        Order first = fixtures.order();
        Order second = fixtures.order(first.warehouse(), first.skus().subList(0, 1), 3);
        ShipmentView a = shipments.create(first.shipment());
        ShipmentView b = shipments.create(second.shipment());

        mvc.perform(get("/console/fulfilment/pick-list").with(as(Role.WAREHOUSE)).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Choose a warehouse"), not(containsString("id=\"picks\"")))));
        mvc.perform(get("/console/fulfilment/pick-list").param("warehouseId", first.warehouse().id().toString())
                        .with(as(Role.WAREHOUSE)).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(first.skus().get(0).skuCode()),
                        containsString(first.skus().get(1).skuCode()), containsString("2 shipments · 6 units"),
                        containsString("#" + a.id()), containsString("#" + b.id()), containsString("× 3"),
                        containsString("@media print"))));
        mvc.perform(get("/console/fulfilment/pick-list").param("warehouseId", first.warehouse().id().toString())
                        .with(as(Role.WAREHOUSE)).param("lang", "zh-CN"))
                .andExpect(content().string(allOf(containsString("拣货单"), containsString("2 张发货单"))));
    }

    @Test
    void theLateAndStuckPageListsOverdueShipmentsUnderThePeriodsPerformance() throws Exception {
        Order order = fixtures.order(clock.instant().plus(Duration.ofHours(6)), 1);
        ShipmentView overdue = fixtures.dispatched(shipments.create(order.shipment()));
        clock.advance(Duration.ofHours(49));

        mvc.perform(get("/console/fulfilment/late-and-stuck").param("lang", "en").with(as(Role.OPS_MANAGER)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("On-time delivery rate"),
                        containsString("no news for 48 hours"), containsString("#" + overdue.id()),
                        containsString(overdue.trackingNumber()), containsString("Stuck"), containsString("Late"))));
        mvc.perform(get("/console/fulfilment/late-and-stuck").param("lang", "zh-CN").with(as(Role.OPS_MANAGER)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("准时送达率"), containsString("停滞"))));
    }
}
