package io.shopops.catalog;

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

/** The console's catalog texts exist in English and 简体中文, for every key the pages and controllers use. */
class CatalogMessagesTests {

    private static final Path MESSAGES = Path.of("src/main/resources/i18n");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates/catalog");
    private static final Path WEB = Path.of("src/main/java/io/shopops/catalog/web");

    @Test
    void bothLanguagesHaveTheSameKeysAndNoEmptyText() throws IOException {
        Properties english = load("catalog.properties");
        Properties chinese = load("catalog_zh_CN.properties");
        assertThat(chinese.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        assertThat(english.stringPropertyNames()).allMatch(key -> !english.getProperty(key).isBlank());
        assertThat(chinese.stringPropertyNames()).allMatch(key -> !chinese.getProperty(key).isBlank());
    }

    @Test
    void everyKeyThePagesAndControllersUseIsThere() throws IOException {
        Set<String> keys = load("catalog.properties").stringPropertyNames();
        Set<String> used = new TreeSet<>();
        try (Stream<Path> templates = Files.list(TEMPLATES)) {
            for (Path template : templates.toList()) {
                collect(Files.readString(template), Pattern.compile("#\\{(catalog\\.[A-Za-z0-9_.]+[A-Za-z0-9_])"), used);
            }
        }
        try (Stream<Path> sources = Files.list(WEB)) {
            for (Path source : sources.toList()) {
                String text = Files.readString(source);
                collect(text, Pattern.compile("\"(catalog\\.[A-Za-z0-9_.]+[A-Za-z0-9_])\""), used);
                Matcher rules = Pattern.compile("rule\\(\".*\", \"(\\w+)\"\\);").matcher(text);
                while (rules.find()) {
                    used.add("catalog.reason." + rules.group(1));
                }
            }
        }
        Arrays.stream(ProductStatus.values()).forEach(s -> used.add("catalog.status." + s));
        Arrays.stream(StockState.values()).forEach(s -> used.add("catalog.stock." + s));
        Arrays.stream(ProductSort.Field.values())
                .forEach(f -> Stream.of("asc", "desc").forEach(d -> used.add("catalog.sort." + f.param() + "." + d)));
        CsvFile.COLUMNS.forEach(c -> used.add("catalog.import.column." + c));

        assertThat(used).hasSizeGreaterThan(150);
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
