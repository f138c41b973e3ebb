package io.shopops.payment;

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

/** The payment texts exist in English and 简体中文, for every key the pages, controllers and enums use. */
class PaymentMessagesTests {

    private static final Path MESSAGES = Path.of("src/main/resources/i18n");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates/payment");
    private static final Path WEB = Path.of("src/main/java/io/shopops/payment/web");

    @Test
    void bothLanguagesHaveTheSameKeysAndNoEmptyText() throws IOException {
        Properties english = load("payment.properties");
        Properties chinese = load("payment_zh_CN.properties");
        assertThat(chinese.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        assertThat(english.stringPropertyNames()).allMatch(key -> !english.getProperty(key).isBlank());
        assertThat(chinese.stringPropertyNames()).allMatch(key -> !chinese.getProperty(key).isBlank());
    }

    @Test
    void everyKeyThePagesControllersAndEnumsUseIsThere() throws IOException {
        Set<String> keys = load("payment.properties").stringPropertyNames();
        Set<String> used = new TreeSet<>();
        try (Stream<Path> templates = Files.list(TEMPLATES)) {
            for (Path template : templates.toList()) {
                collect(Files.readString(template), Pattern.compile("#\\{(payment\\.[A-Za-z0-9_.]+[A-Za-z0-9_])"), used);
            }
        }
        collect(Files.readString(Path.of("src/main/resources/templates/layout.html")),
                Pattern.compile("#\\{(payment\\.[A-Za-z0-9_.]+[A-Za-z0-9_])"), used);
        try (Stream<Path> sources = Files.list(WEB)) {
            for (Path source : sources.toList()) {
                collect(Files.readString(source), Pattern.compile("\"(payment\\.[A-Za-z0-9_.]+[A-Za-z0-9_])\""), used);
            }
        }
        Arrays.stream(PaymentStatus.values()).forEach(s -> used.add("payment.status." + s));
        Arrays.stream(RefundStatus.values()).forEach(s -> used.add("payment.refundStatus." + s));
        Arrays.stream(RefundStatus.values()).forEach(s -> used.add("payment.refund.done." + s));
        Arrays.stream(NotificationLogEntry.Source.values()).forEach(s -> used.add("payment.source." + s));
        Arrays.stream(NotificationLogEntry.Outcome.values()).forEach(s -> used.add("payment.outcome." + s));
        Arrays.stream(PaymentIncident.Kind.values()).forEach(s -> used.add("payment.incident." + s));
        Arrays.stream(DailyReconciliation.Kind.values()).forEach(s -> used.add("payment.mismatch." + s));
        Arrays.stream(DailyReconciliation.Entry.values()).forEach(s -> used.add("payment.entry." + s));
        Stream.of("SUCCESS", "CLOSED").forEach(s -> used.add("payment.cashier.state." + s));
        Stream.of("paid", "declined", "unchanged").forEach(s -> used.add("payment.cashier.outcome." + s));
        used.add("payment.provider.sandbox");

        assertThat(used).hasSizeGreaterThan(100);
        assertThat(keys).containsAll(used);
    }

    private static void collect(String text, Pattern pattern, Set<String> into) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            String key = matcher.group(1);
            // keys built from a prefix and a value ('payment.status.' + ...) are checked through their enums
            if (!key.endsWith(".")) {
                into.add(key);
            }
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
