package io.shopops.experiment;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's experiment texts exist in English and 简体中文 for every key the pages, layout and controller use. */
class ExperimentMessagesTests {

    private static final Path MESSAGES = Path.of("src/main/resources/i18n");

    @Test
    void bothLanguagesHaveTheSameKeysAndNoEmptyText() throws IOException {
        Properties english = load("experiment.properties");
        Properties chinese = load("experiment_zh_CN.properties");
        assertThat(english.stringPropertyNames()).isNotEmpty();
        assertThat(chinese.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        assertThat(english.stringPropertyNames()).allMatch(key -> !english.getProperty(key).isBlank());
        assertThat(chinese.stringPropertyNames()).allMatch(key -> !chinese.getProperty(key).isBlank());
    }

    @Test
    void everyKeyThePagesAndControllerUseIsThere() throws IOException {
        Set<String> keys = load("experiment.properties").stringPropertyNames();
        Set<String> used = new TreeSet<>();
        Pattern inTemplates = Pattern.compile("#\\{(experiment\\.[A-Za-z0-9_.]+[A-Za-z0-9_])");
        try (Stream<Path> templates = Files.list(Path.of("src/main/resources/templates/experiment"))) {
            for (Path template : templates.toList()) {
                collect(Files.readString(template), inTemplates, used);
            }
        }
        collect(Files.readString(Path.of("src/main/resources/templates/layout.html")), inTemplates, used);
        try (Stream<Path> sources = Files.list(Path.of("src/main/java/io/shopops/experiment/web"))) {
            for (Path source : sources.toList()) {
                collect(Files.readString(source), Pattern.compile("\"(experiment\\.[A-Za-z0-9_.]+[A-Za-z0-9_])\""), used);
            }
        }
        Arrays.stream(ExperimentStatus.values()).forEach(s -> used.add("experiment.status." + s));
        Arrays.stream(ExperimentUnit.values()).forEach(u -> used.add("experiment.unit." + u));
        Arrays.stream(ExperimentMetric.values()).forEach(m -> used.add("experiment.metric." + m));
        for (String field : Set.of("baselineRate", "minimumDetectableEffect", "alpha", "power")) {
            used.add("experiment.field." + field);
        }
        assertThat(used).contains("experiment.nav.list", "experiment.results.early", "experiment.flash.started")
                .hasSizeGreaterThan(60);
        assertThat(keys).containsAll(used);
    }

    private static void collect(String text, Pattern pattern, Set<String> into) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            into.add(matcher.group(1));
        }
    }

    private static Properties load(String file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(MESSAGES.resolve(file), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
