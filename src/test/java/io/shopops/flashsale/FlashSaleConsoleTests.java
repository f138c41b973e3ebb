package io.shopops.flashsale;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import io.shopops.catalog.Catalog;
import io.shopops.catalog.SkuId;
import io.shopops.customer.CustomerId;
import io.shopops.identity.Permission;
import io.shopops.identity.Role;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The console's flash-sale pages for a marketer (MARKETING_OPS: write and publish), a reader (DATA_OPS) and a member
 * without marketing (WAREHOUSE), in English and in Chinese: the list, the editor with its field errors, the session
 * page with its quota bars and the fragment htmx polls, scheduling and cancelling.
 */
@ShopOpsTest
@Import(FlashSaleTestConfiguration.class)
class FlashSaleConsoleTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffFixtures staff;
    @Autowired
    FlashSaleFixtures fixtures;
    @Autowired
    FlashSales sales;
    @Autowired
    FlashSaleGate gate;
    @Autowired
    Catalog catalog;

    RequestPostProcessor as(Role role) {
        StaffFixtures.Member member = staff.member(role);
        List<SimpleGrantedAuthority> authorities = new ArrayList<>(role.permissions().stream()
                .map(Permission::authority).map(SimpleGrantedAuthority::new).toList());
        authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
        return authentication(new UsernamePasswordAuthenticationToken(Actor.staff(member.id(), member.username()),
                null, authorities));
    }

    @Test
    void theListAndASessionPageShowTheQuotaBarsInBothLanguagesAndTheFragmentPolls() throws Exception {
        SkuId sku = fixtures.sku("100.00", 50);
        FlashSaleView sale = fixtures.running(sku, "49.00", 20, 1);
        CustomerId customer = fixtures.customers(1).getFirst();
        gate.attempt(sale.id(), sku, customer, 1);
        String code = catalog.sku(sku).orElseThrow().skuCode();
        String page = "/console/flash-sales/" + sale.id();
        RequestPostProcessor reader = as(Role.DATA_OPS);

        mvc.perform(get("/console/flash-sales").param("status", "SCHEDULED").param("lang", "en").with(reader))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(sale.name()), containsString("href=\"" + page + "\""),
                        containsString("Scheduled"), containsString("Running"), containsString("Flash sales"),
                        not(containsString("id=\"new-flash-sale\"")))));
        mvc.perform(get("/console/flash-sales").param("lang", "zh-CN").with(reader))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("秒杀"), containsString("已排期"), containsString("营销"))));
        mvc.perform(get("/console/flash-sales").param("status", "BOGUS").param("lang", "en").with(reader))
                .andExpect(status().isOk()).andExpect(content().string(containsString("is not one of the choices")));

        mvc.perform(get(page).param("lang", "en").with(reader))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(code), containsString("¥49.00"),
                        containsString("¥100.00"), containsString("<progress"), containsString("max=\"20\""),
                        containsString("value=\"1\""), containsString("1 / 20 (5.0 %)"),
                        containsString("hx-get=\"" + page + "/quotas\""), containsString("hx-trigger=\"every 2s\""),
                        containsString("Sell-through"), not(containsString("id=\"sale-actions\"")))));
        mvc.perform(get(page).param("lang", "zh-CN").with(reader))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("名额占用"), containsString("售罄率"),
                        containsString("秒杀价"), containsString("进行中"))));
        gate.attempt(sale.id(), sku, fixtures.customers(1).getFirst(), 1);
        mvc.perform(get(page + "/quotas").param("lang", "en").with(reader))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"quota-rows\""), containsString("value=\"2\""),
                        containsString("2 / 20 (10.0 %)"), not(containsString("<html")))));
        mvc.perform(get(page).with(as(Role.WAREHOUSE))).andExpect(status().isForbidden());
        mvc.perform(get("/console/flash-sales/999999999").with(reader)).andExpect(status().isNotFound());
    }

    @Test
    void aMarketerCreatesADraftFixesTheFieldsTheEditorPointsAtAndSchedulesIt() throws Exception {
        SkuId sku = fixtures.sku("80.00", 50); // cost 32.00
        String code = catalog.sku(sku).orElseThrow().skuCode();
        RequestPostProcessor marketer = as(Role.MARKETING_OPS);
        // the day after tomorrow in the shop's zone, 10:00 to 11:00, as typed into datetime-local inputs
        LocalDate day = LocalDate.ofInstant(fixtures.now(), ZoneId.of("Asia/Shanghai")).plusDays(2);
        String ten = day + "T10:00";
        String eleven = day + "T11:00";
        String nine = day + "T09:00";

        mvc.perform(get("/console/flash-sales/new").param("lang", "zh-CN").with(marketer))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("新建秒杀"), containsString("每人限购"),
                        containsString("name=\"items[0].sku\""), containsString("type=\"datetime-local\""))));

        // an unknown code, a price above the sale price's reach and a quota of words: each shown at its input
        mvc.perform(post("/console/flash-sales").with(marketer).with(csrf()).param("lang", "en")
                        .param("name", "周末秒杀").param("startsAt", ten).param("endsAt", eleven)
                        .param("payWindowMinutes", "10")
                        .param("items[0].sku", "NO-SUCH-CODE").param("items[0].flashPrice", "9.90")
                        .param("items[0].quota", "100")
                        .param("items[1].sku", "").param("items[1].flashPrice", "").param("items[1].quota", "")
                        .param("items[2].sku", code).param("items[2].flashPrice", "abc")
                        .param("items[2].quota", "lots"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("no SKU has this code"),
                        containsString("must be an amount such as 49.90"), containsString("must be a whole number"),
                        containsString("value=\"NO-SUCH-CODE\""), containsString("name=\"items[1].sku\""),
                        not(containsString("name=\"items[2].sku\"")))));
        mvc.perform(post("/console/flash-sales").with(marketer).with(csrf()).param("lang", "en")
                        .param("name", "周末秒杀").param("startsAt", ten).param("endsAt", eleven)
                        .param("payWindowMinutes", "10")
                        .param("items[0].sku", code).param("items[0].flashPrice", "30.00").param("items[0].quota", "100"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(allOf(containsString("items[0].flashPrice"),
                        containsString("is below the cost price"))));

        String location = mvc.perform(post("/console/flash-sales").with(marketer).with(csrf())
                        .param("name", "周末秒杀").param("startsAt", ten).param("endsAt", eleven)
                        .param("payWindowMinutes", "15")
                        .param("items[0].sku", code).param("items[0].flashPrice", "30.00").param("items[0].quota", "100")
                        .param("items[0].perCustomerLimit", "2").param("items[0].belowCostAllowed", "true"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/console/flash-sales/*"))
                .andExpect(flash().attributeExists("flash"))
                .andReturn().getResponse().getRedirectedUrl();
        FlashSaleId id = new FlashSaleId(Long.parseLong(location.substring(location.lastIndexOf('/') + 1)));
        FlashSaleView draft = sales.sale(id);
        assertThat(draft.payWindowMinutes()).isEqualTo(15);
        assertThat(draft.items()).singleElement().satisfies(i -> {
            assertThat(i.belowCostAllowed()).isTrue();
            assertThat(i.perCustomerLimit()).isEqualTo(2);
        });
        assertThat(draft.startsAt()).isEqualTo(day.atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant());

        mvc.perform(get(location + "/edit").param("lang", "en").with(marketer))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("value=\"" + code + "\""),
                        containsString("value=\"" + ten + ":00\""), containsString("checked"))));
        mvc.perform(post(location).with(marketer).with(csrf()).param("lang", "en").param("version", "0")
                        .param("name", "周末秒杀").param("startsAt", ten).param("endsAt", nine)
                        .param("payWindowMinutes", "15")
                        .param("items[0].sku", code).param("items[0].flashPrice", "30.00").param("items[0].quota", "100"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("must be after startsAt")));

        mvc.perform(get(location).param("lang", "en").with(marketer))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"schedule-form\""), containsString("id=\"edit-sale\""),
                        not(containsString("hx-trigger")))));
        mvc.perform(post(location + "/schedule").with(marketer).with(csrf()).param("version", "0"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("flash"));
        assertThat(sales.sale(id).status()).isEqualTo(FlashSaleStatus.SCHEDULED);
        mvc.perform(post(location + "/schedule").with(marketer).with(csrf()).param("version", "1").param("lang", "en"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("cannot become SCHEDULED")));
        mvc.perform(post(location + "/cancel").with(as(Role.DATA_OPS)).with(csrf()).param("version", "1")
                        .param("reason", "x"))
                .andExpect(status().isForbidden());
        mvc.perform(post(location + "/cancel").with(marketer).with(csrf()).param("version", "1")
                        .param("reason", "活动取消"))
                .andExpect(status().is3xxRedirection());
        assertThat(sales.sale(id).status()).isEqualTo(FlashSaleStatus.CANCELLED);
        assertThat(sales.sale(id).cancelReason()).isEqualTo("活动取消");
    }
}
