package io.shopops.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.shopops.identity.Permission;
import io.shopops.identity.Role;
import io.shopops.ordering.OrderFixtures;
import io.shopops.ordering.OrderingTestConfiguration;
import io.shopops.shared.Actor;
import io.shopops.testing.ShopOpsTest;
import io.shopops.testing.StaffFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Points over HTTP and in the console: the customer reads their own, staff read them with {@code customer:read}
 * and adjust them only with {@code customer:points} and a reason; the console's texts in English and 简体中文.
 */
@ShopOpsTest
@Import(OrderingTestConfiguration.class)
class PointsWebTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffFixtures staff;
    @Autowired
    OrderFixtures orders;
    @Autowired
    Points points;

    RequestPostProcessor as(Role role) {
        StaffFixtures.Member member = staff.member(role);
        List<SimpleGrantedAuthority> authorities = new ArrayList<>(role.permissions().stream()
                .map(Permission::authority).map(SimpleGrantedAuthority::new).toList());
        authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
        return authentication(new UsernamePasswordAuthenticationToken(Actor.staff(member.id(), member.username()),
                null, authorities));
    }

    @Test
    void customersReadTheirPointsAndStaffAdjustThemWithAReason() throws Exception {
        OrderFixtures.Shopper shopper = orders.shopper();
        String path = "/api/v1/admin/customers/" + shopper.id().value() + "/points";
        mvc.perform(post(path + "/adjustments").header("Authorization", staff.member(Role.MARKETING_OPS).bearer())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"points\":500,\"reason\":\"gift\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post(path + "/adjustments").header("Authorization", staff.member(Role.CUSTOMER_OPS).bearer())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"points\":\"many\",\"reason\":\"\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post(path + "/adjustments").header("Authorization", staff.member(Role.CUSTOMER_OPS).bearer())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"points\":0,\"reason\":\"\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("points"))
                .andExpect(jsonPath("$.errors[1].field").value("reason"));
        mvc.perform(post(path + "/adjustments").header("Authorization", staff.member(Role.CUSTOMER_OPS).bearer())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"points\":1500,\"reason\":\"补偿 late parcel\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.balanceAfter").value(1500));
        mvc.perform(get("/api/v1/store/points").header("Authorization", shopper.bearer()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.balance").value(1500))
                .andExpect(jsonPath("$.worth.amount").value(15.0))
                .andExpect(jsonPath("$.latest[0].kind").value("ADJUST"));
        mvc.perform(get(path).header("Authorization", staff.member(Role.DATA_OPS).bearer()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.balance").value(1500));
        mvc.perform(get("/api/v1/admin/customers/999999999/points").header("Authorization",
                staff.member(Role.DATA_OPS).bearer())).andExpect(status().isNotFound());

        String page = "/console/customers/" + shopper.id().value() + "/points";
        mvc.perform(post(page + "/adjustments").with(as(Role.CUSTOMER_OPS)).with(csrf()).param("lang", "en")
                        .param("points", "-99999").param("reason", "<b>oops</b>"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("spendable points"),
                        containsString("value=\"&lt;b&gt;oops&lt;/b&gt;\""))));
        mvc.perform(get(page).param("lang", "zh-CN").with(as(Role.DATA_OPS))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("会员积分"), containsString("人工调整"),
                        containsString("1,500"), not(containsString("id=\"adjust-form\"")))));
        mvc.perform(get(page).with(as(Role.WAREHOUSE))).andExpect(status().isForbidden());
        assertThat(points.account(shopper.id()).balance()).isEqualTo(1500);
    }

    @Test
    void bothLanguagesHaveEveryKeyThePageUses() throws IOException {
        Properties english = load("loyalty.properties");
        Properties chinese = load("loyalty_zh_CN.properties");
        assertThat(chinese.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        Set<String> used = new TreeSet<>();
        Matcher m = Pattern.compile("#\\{'?(loyalty\\.[A-Za-z0-9_.]+[A-Za-z0-9_])")
                .matcher(Files.readString(Path.of("src/main/resources/templates/loyalty/points.html")));
        while (m.find()) {
            used.add(m.group(1));
        }
        used.remove("loyalty.kind");
        Arrays.stream(PointsEntryKind.values()).forEach(k -> used.add("loyalty.kind." + k));
        used.add("loyalty.flash.adjusted");
        assertThat(english.stringPropertyNames()).containsAll(used);
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(Path.of("src/main/resources/i18n", name))) {
            properties.load(reader);
        }
        return properties;
    }
}
