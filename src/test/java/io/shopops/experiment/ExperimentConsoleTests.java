package io.shopops.experiment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.shopops.identity.Permission;
import io.shopops.identity.Role;
import io.shopops.shared.Actor;
import io.shopops.testing.ShopOpsTest;
import io.shopops.testing.StaffFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static io.shopops.experiment.ExperimentFixtures.definition;
import static io.shopops.experiment.ExperimentFixtures.running;
import static io.shopops.experiment.ExperimentFixtures.uniqueKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The console's experiment pages in English and Chinese: the list, the form with its field errors, an experiment
 * with its results, chart and early-reading warning, starting and stopping, and the sample-size calculator.
 */
@ShopOpsTest
class ExperimentConsoleTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffFixtures staff;
    @Autowired
    Experiments experiments;
    @Autowired
    ExperimentTracking tracking;

    RequestPostProcessor as(Role role) {
        StaffFixtures.Member member = staff.member(role);
        List<SimpleGrantedAuthority> authorities = new ArrayList<>(role.permissions().stream()
                .map(Permission::authority).map(SimpleGrantedAuthority::new).toList());
        authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
        return authentication(new UsernamePasswordAuthenticationToken(Actor.staff(member.id(), member.username()),
                null, authorities));
    }

    @Test
    void anExperimentsPageShowsResultsAChartAndTheEarlyReadingWarningInBothLanguages() throws Exception {
        ExperimentView e = running(experiments, definition(uniqueKey("page"), ExperimentUnit.DEVICE,
                ExperimentMetric.CUSTOM_EVENT, Instant.now()));
        tracking.assign(e.key(), null, "console-device");
        RequestPostProcessor reader = as(Role.DATA_OPS);

        mvc.perform(get("/console/experiments/" + e.key()).param("lang", "en").with(reader))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"early-reading\""),
                        containsString("Reading early: the planned sample is 3,841 per variant, you have 0"),
                        containsString("data-chart="), containsString("whiskers"), containsString("id=\"variant-results\""),
                        containsString("95% interval (Wilson)"), containsString("p-value (two-sided z-test)"),
                        not(containsString("id=\"stop-form\"")))));
        mvc.perform(get("/console/experiments/" + e.key()).param("lang", "zh-CN").with(reader))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("提前读取：计划样本量为每个版本 3,841"),
                        containsString("与对照组相比"), containsString("进行中"))));
        mvc.perform(get("/console/experiments/" + e.key()).param("lang", "en").with(as(Role.MARKETING_OPS)))
                .andExpect(content().string(allOf(containsString("id=\"stop-form\""),
                        containsString("The fixed horizon is not reached"))));
    }

    @Test
    void theListAndTheCalculatorRenderInBothLanguages() throws Exception {
        ExperimentView e = experiments.create(definition(uniqueKey("listed"), ExperimentUnit.CUSTOMER,
                ExperimentMetric.ORDER_PAID, Instant.now()));
        RequestPostProcessor marketing = as(Role.MARKETING_OPS);
        mvc.perform(get("/console/experiments").param("lang", "en").with(marketing))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(e.key()), containsString("New experiment"),
                        containsString("Experiments (A/B)"))));
        mvc.perform(get("/console/experiments").param("lang", "zh-CN").with(marketing))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("实验（A/B 测试）"), containsString("草稿"))));
        mvc.perform(get("/console/experiments/sample-size").param("lang", "en")
                .param("baselineRate", "0.1").param("minimumDetectableEffect", "0.2").with(as(Role.DATA_OPS)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"per-variant\">3,841<"),
                        containsString("12.00%"))));
        mvc.perform(get("/console/experiments/sample-size").param("lang", "zh-CN")
                .param("baselineRate", "2").param("minimumDetectableEffect", "x").with(as(Role.DATA_OPS)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("样本量计算器"), containsString("必须是数字"),
                        containsString("baselineRate"))));
    }

    @Test
    void aRefusedFormComesBackWithItsFieldErrorsAndWhatWasTyped() throws Exception {
        String key = uniqueKey("form");
        mvc.perform(post("/console/experiments").param("lang", "en").with(as(Role.MARKETING_OPS)).with(csrf())
                .param("key", key).param("name", "Hero banner").param("unit", "DEVICE").param("metric", "CUSTOM_EVENT")
                .param("eventName", "signup").param("trafficPercent", "120").param("alpha", "0.05")
                .param("power", "0.8").param("baselineRate", "0.1").param("minimumDetectableEffect", "lots")
                .param("plannedStart", "2030-01-10T10:00").param("plannedEnd", "2030-01-01T10:00")
                .param("control", "0")
                .param("variants[0].key", "control").param("variants[0].name", "Old").param("variants[0].weight", "50")
                .param("variants[1].key", "new").param("variants[1].name", "New").param("variants[1].weight", "40"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("must be more than 0 and at most 100"),
                        containsString("must be a number"), containsString("must be after plannedStart"),
                        containsString("they add up to 90"), containsString("value=\"Hero banner\""))));
        assertThat(experiments.find(null, io.shopops.shared.PageQuery.first(200)).items())
                .noneMatch(s -> s.key().equals(key));
    }

    @Test
    void aDraftIsCreatedEditedStartedAndStoppedFromTheConsole() throws Exception {
        String key = uniqueKey("flow");
        RequestPostProcessor marketing = as(Role.MARKETING_OPS);
        mvc.perform(get("/console/experiments/new").param("lang", "zh-CN").with(marketing))
                .andExpect(status().isOk()).andExpect(content().string(containsString("新建实验")));
        mvc.perform(post("/console/experiments").with(marketing).with(csrf())
                .param("key", key).param("name", "Hero banner").param("unit", "DEVICE").param("metric", "CUSTOM_EVENT")
                .param("eventName", "signup").param("trafficPercent", "100").param("alpha", "0.05")
                .param("power", "0.8").param("baselineRate", "0.1").param("minimumDetectableEffect", "0.2")
                .param("plannedStart", "2026-01-01T10:00").param("plannedEnd", "2999-01-01T10:00")
                .param("control", "1")
                .param("variants[0].key", "new").param("variants[0].name", "New").param("variants[0].weight", "30")
                .param("variants[1].key", "old").param("variants[1].name", "Old").param("variants[1].weight", "70"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/console/experiments/" + key));
        ExperimentView created = experiments.experiment(key);
        assertThat(created.control().key()).isEqualTo("old");
        assertThat(created.plannedSamplePerVariant()).isEqualTo(3841);

        mvc.perform(get("/console/experiments/" + key + "/edit").with(marketing))
                .andExpect(status().isOk()).andExpect(content().string(containsString("value=\"Hero banner\"")));
        mvc.perform(post("/console/experiments/" + key + "/start").with(marketing).with(csrf())
                .param("version", String.valueOf(created.version())))
                .andExpect(status().is3xxRedirection());
        assertThat(experiments.experiment(key).status()).isEqualTo(ExperimentStatus.RUNNING);
        mvc.perform(post("/console/experiments/" + key + "/stop").with(marketing).with(csrf())
                .param("version", String.valueOf(created.version())).param("winner", "new"))
                .andExpect(status().isConflict());
        mvc.perform(post("/console/experiments/" + key + "/stop").with(marketing).with(csrf())
                .param("version", String.valueOf(created.version() + 1)).param("winner", "new")
                .param("conclusion", "better"))
                .andExpect(status().is3xxRedirection());
        assertThat(experiments.experiment(key).winner()).isEqualTo("new");
        mvc.perform(post("/console/experiments/" + key + "/start").with(as(Role.DATA_OPS)).with(csrf())
                .param("version", "0")).andExpect(status().isForbidden());
    }
}
