package io.shopops.flashsale;

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

/** The console's flash-sale texts exist in English and 简体中文, for every key the pages, layout and controllers use. */
class FlashSaleMessagesTests {

    private static final Path MESSAGES = Path.of("src/main/resources/i18n");

    @Test
    void bothLanguagesHaveTheSameKeysAndNoEmptyText() throws IOException {
        Properties english = load("flashsale.properties");
        Properties chinese = load("flashsale_zh_CN.properties");
        assertThat(english.stringPropertyNames()).isNotEmpty();
        assertThat(chinese.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        assertThat(english.stringPropertyNames()).allMatch(key -> !english.getProperty(key).isBlank());
        assertThat(chinese.stringPropertyNames()).allMatch(key -> !chinese.getProperty(key).isBlank());
    }

    @Test
    void everyKeyThePagesAndControllersUseIsThere() throws IOException {
        Set<String> used = new TreeSet<>();
        Pattern inTemplates = Pattern.compile("#\\{(flashsale\\.[A-Za-z0-9_.]+[A-Za-z0-9_])");
        try (Stream<Path> templates = Files.list(Path.of("src/main/resources/templates/flashsale"))) {
            for (Path template : templates.toList()) {
                collect(Files.readString(template), inTemplates, used);
            }
        }
        collect(Files.readString(Path.of("src/main/resources/templates/layout.html")), inTemplates, used);
        try (Stream<Path> sources = Files.list(Path.of("src/main/java/io/shopops/flashsale/web"))) {
            for (Path source : sources.toList()) {
                collect(Files.readString(source), Pattern.compile("\"(flashsale\\.[A-Za-z0-9_.]+[A-Za-z0-9_])\""), used);
            }
        }
        Arrays.stream(FlashSaleStatus.values()).forEach(s -> used.add("flashsale.status." + s));

        assertThat(used).contains("flashsale.nav.list", "flashsale.flash.created", "flashsale.form.unknownSku")
                .hasSizeGreaterThan(50);
        assertThat(load("flashsale.properties").stringPropertyNames()).containsAll(used);
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
