package io.shopops.content;

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

/**
 * The console's content texts exist in English and 简体中文 for every key the pages, the layout and the controllers
 * use, and every status, type, channel, timeline step and version field has its label.
 */
class ContentMessagesTests {

    private static final Path MESSAGES = Path.of("src/main/resources/i18n");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates/content");
    private static final Path WEB = Path.of("src/main/java/io/shopops/content/web");
    private static final Set<String> STEPS = Set.of("CREATED", "EDITED", "RESTORED", "SUBMITTED", "APPROVED",
            "REJECTED", "ARCHIVED");

    @Test
    void bothLanguagesHaveTheSameKeysAndNoEmptyText() throws IOException {
        Properties english = load("content.properties");
        Properties chinese = load("content_zh_CN.properties");
        assertThat(english.stringPropertyNames()).isNotEmpty();
        assertThat(chinese.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        assertThat(english.stringPropertyNames()).allMatch(key -> !english.getProperty(key).isBlank());
        assertThat(chinese.stringPropertyNames()).allMatch(key -> !chinese.getProperty(key).isBlank());
    }

    @Test
    void everyKeyThePagesAndControllersUseIsThere() throws IOException {
        Set<String> keys = load("content.properties").stringPropertyNames();
        Set<String> used = new TreeSet<>();
        Pattern inTemplates = Pattern.compile("#\\{(content\\.[A-Za-z0-9_.]+[A-Za-z0-9_])");
        try (Stream<Path> templates = Files.list(TEMPLATES)) {
            for (Path template : templates.toList()) {
                collect(Files.readString(template), inTemplates, used);
            }
        }
        collect(Files.readString(Path.of("src/main/resources/templates/layout.html")), inTemplates, used);
        try (Stream<Path> sources = Files.list(WEB)) {
            for (Path source : sources.toList()) {
                collect(Files.readString(source), Pattern.compile("\"(content\\.[A-Za-z0-9_.]+[A-Za-z0-9_])\""), used);
            }
        }
        // the reasons the console translates: rule(pattern, key) names content.reason.<key>
        Set<String> reasons = new TreeSet<>();
        collect(Files.readString(WEB.resolve("ContentTexts.java")), Pattern.compile(", \"([A-Za-z]+)\"\\);"), reasons);
        assertThat(reasons).contains("fourEyes", "stale", "url");
        reasons.forEach(r -> used.add("content.reason." + r));
        Arrays.stream(ContentStatus.values()).forEach(s -> used.add("content.status." + s));
        Arrays.stream(ContentType.values()).forEach(t -> used.add("content.type." + t));
        Arrays.stream(ContentChannel.values()).forEach(c -> used.add("content.channel." + c));
        STEPS.forEach(s -> used.add("content.step." + s));
        ContentRules.FIELDS.forEach(f -> used.add("content.field." + f));
        for (int day = 1; day <= 7; day++) {
            used.add("content.weekday." + day);
        }
        assertThat(used).contains("content.nav.library", "content.flash.approved", "content.reason.fourEyes")
                .hasSizeGreaterThan(100);
        assertThat(keys).containsAll(used);
    }

    @Test
    void everyStepTheLibraryWritesIsLabelled() throws IOException {
        Set<String> written = new TreeSet<>();
        Pattern step = Pattern.compile("\"([A-Z]+ED)\"");
        collect(Files.readString(Path.of("src/main/java/io/shopops/content/ContentLibrary.java")), step, written);
        assertThat(written).isNotEmpty();
        assertThat(STEPS).containsAll(written);
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
