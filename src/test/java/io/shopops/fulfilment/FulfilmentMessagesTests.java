package io.shopops.fulfilment;

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

/** The console's fulfilment texts exist in English and 简体中文, for every key the pages and controllers use. */
class FulfilmentMessagesTests {

    private static final Path MESSAGES = Path.of("src/main/resources/i18n");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates/fulfilment");
    private static final Path LAYOUT = Path.of("src/main/resources/templates/layout.html");
    private static final Path WEB = Path.of("src/main/java/io/shopops/fulfilment/web");

    @Test
    void bothLanguagesHaveTheSameKeysAndNoEmptyText() throws IOException {
        Properties english = load("fulfilment.properties");
        Properties chinese = load("fulfilment_zh_CN.properties");
        assertThat(chinese.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        assertThat(english.stringPropertyNames()).allMatch(key -> !english.getProperty(key).isBlank());
        assertThat(chinese.stringPropertyNames()).allMatch(key -> !chinese.getProperty(key).isBlank());
    }

    @Test
    void everyKeyThePagesAndControllersUseIsThere() throws IOException {
        Set<String> keys = load("fulfilment.properties").stringPropertyNames();
        Set<String> used = new TreeSet<>();
        Pattern inTemplates = Pattern.compile("#\\{(fulfilment\\.[A-Za-z0-9_.]+[A-Za-z0-9_])");
        try (Stream<Path> templates = Files.list(TEMPLATES)) {
            for (Path template : templates.toList()) {
                collect(Files.readString(template), inTemplates, used);
            }
        }
        collect(Files.readString(LAYOUT), inTemplates, used);
        try (Stream<Path> sources = Files.list(WEB)) {
            for (Path source : sources.toList()) {
                collect(Files.readString(source), Pattern.compile("\"(fulfilment\\.[A-Za-z0-9_.]+[A-Za-z0-9_])\""), used);
            }
        }
        used.removeIf(key -> key.endsWith("."));
        Arrays.stream(ShipmentStatus.values()).forEach(s -> used.add("fulfilment.status." + s));
        Arrays.stream(TrackingEventType.values()).forEach(t -> used.add("fulfilment.tracking." + t));
        Arrays.stream(ShippingMethod.values()).forEach(m -> used.add("fulfilment.method." + m));
        Arrays.stream(CostBasis.values()).forEach(b -> used.add("fulfilment.costBasis." + b));
        Arrays.stream(Punctuality.values()).forEach(p -> used.add("fulfilment.punctuality." + p));
        Arrays.stream(ExceptionReason.values()).forEach(r -> used.add("fulfilment.exception." + r));

        assertThat(used).hasSizeGreaterThan(100);
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
