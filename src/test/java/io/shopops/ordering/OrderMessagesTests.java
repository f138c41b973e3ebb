package io.shopops.ordering;

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

import io.shopops.ordering.internal.AllocationRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's order texts exist in English and 简体中文, for every key the pages, layout and controllers use. */
class OrderMessagesTests {

    private static final Path MESSAGES = Path.of("src/main/resources/i18n");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates/ordering");
    private static final Path WEB = Path.of("src/main/java/io/shopops/ordering/web");

    @Test
    void bothLanguagesHaveTheSameKeysAndNoEmptyText() throws IOException {
        Properties english = load("ordering.properties");
        Properties chinese = load("ordering_zh_CN.properties");
        assertThat(chinese.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        assertThat(english.stringPropertyNames()).allMatch(key -> !english.getProperty(key).isBlank());
        assertThat(chinese.stringPropertyNames()).allMatch(key -> !chinese.getProperty(key).isBlank());
    }

    @Test
    void everyKeyThePagesAndControllersUseIsThere() throws IOException {
        Set<String> keys = load("ordering.properties").stringPropertyNames();
        Set<String> used = new TreeSet<>();
        Pattern inTemplates = Pattern.compile("#\\{(ordering\\.[A-Za-z0-9_.]+[A-Za-z0-9_])");
        try (Stream<Path> templates = Files.list(TEMPLATES)) {
            for (Path template : templates.toList()) {
                collect(Files.readString(template), inTemplates, used);
            }
        }
        collect(Files.readString(Path.of("src/main/resources/templates/layout.html")), inTemplates, used);
        try (Stream<Path> sources = Files.list(WEB)) {
            for (Path source : sources.toList()) {
                collect(Files.readString(source), Pattern.compile("\"(ordering\\.[A-Za-z0-9_.]+[A-Za-z0-9_])\""), used);
            }
        }
        Arrays.stream(OrderStatus.values()).forEach(s -> used.add("ordering.status." + s));
        Arrays.stream(SalesChannel.values()).forEach(c -> used.add("ordering.channel." + c));
        Arrays.stream(TimelineEntry.Kind.values()).forEach(k -> used.add("ordering.timeline." + k));
        Arrays.stream(AllocationRecord.Status.values()).forEach(s -> used.add("ordering.parcel." + s));
        Arrays.stream(OrderPaymentReconciliation.Kind.values()).forEach(k -> used.add("ordering.finding." + k));
        Stream.of("ACCEPTED", "REFUND_DUE", "REFUNDED").forEach(o -> used.add("ordering.payment." + o));

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
