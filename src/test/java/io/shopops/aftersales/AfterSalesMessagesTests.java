package io.shopops.aftersales;

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
 * The console's after-sales texts exist in English and 简体中文, for every key the pages, layout and controller use,
 * and every status, kind, reason, refund progress and timeline step has its label.
 */
class AfterSalesMessagesTests {

    private static final Path MESSAGES = Path.of("src/main/resources/i18n");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates/aftersales");
    private static final Path WEB = Path.of("src/main/java/io/shopops/aftersales/web");

    /** The timeline's step types: a status reached, or a refund attempt asked for or declined. */
    private static final Set<String> STEP_TYPES = Set.of("REQUESTED", "APPROVED", "REJECTED", "RETURN_SHIPPED",
            "RECEIVED", "REFUNDED", "CANCELLED", "REFUND_REQUESTED", "REFUND_FAILED");

    @Test
    void bothLanguagesHaveTheSameKeysAndNoEmptyText() throws IOException {
        Properties english = load("aftersales.properties");
        Properties chinese = load("aftersales_zh_CN.properties");
        assertThat(english.stringPropertyNames()).isNotEmpty();
        assertThat(chinese.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        assertThat(english.stringPropertyNames()).allMatch(key -> !english.getProperty(key).isBlank());
        assertThat(chinese.stringPropertyNames()).allMatch(key -> !chinese.getProperty(key).isBlank());
    }

    @Test
    void everyKeyThePagesAndControllerUseIsThere() throws IOException {
        Set<String> keys = load("aftersales.properties").stringPropertyNames();
        Set<String> used = new TreeSet<>();
        Pattern inTemplates = Pattern.compile("#\\{(aftersales\\.[A-Za-z0-9_.]+[A-Za-z0-9_])");
        try (Stream<Path> templates = Files.list(TEMPLATES)) {
            for (Path template : templates.toList()) {
                collect(Files.readString(template), inTemplates, used);
            }
        }
        collect(Files.readString(Path.of("src/main/resources/templates/layout.html")), inTemplates, used);
        try (Stream<Path> sources = Files.list(WEB)) {
            for (Path source : sources.toList()) {
                collect(Files.readString(source), Pattern.compile("\"(aftersales\\.[A-Za-z0-9_.]+[A-Za-z0-9_])\""),
                        used);
            }
        }
        Arrays.stream(AfterSalesStatus.values()).forEach(s -> used.add("aftersales.status." + s));
        Arrays.stream(AfterSalesKind.values()).forEach(k -> used.add("aftersales.kind." + k));
        Arrays.stream(AfterSalesReason.values()).forEach(r -> used.add("aftersales.reason." + r));
        Arrays.stream(RefundProgress.values()).forEach(p -> used.add("aftersales.refund." + p));
        STEP_TYPES.forEach(t -> used.add("aftersales.step." + t));

        assertThat(used).contains("aftersales.nav.list", "aftersales.flash.approved", "aftersales.form.number")
                .hasSizeGreaterThan(80);
        assertThat(keys).containsAll(used);
    }

    @Test
    void everyStepTypeTheModuleWritesIsLabelled() throws IOException {
        // a status change writes a step named after the status it reaches; the refund's steps are named in the code
        Set<String> written = new TreeSet<>();
        Arrays.stream(AfterSalesStatus.values()).forEach(s -> written.add(s.name()));
        Pattern literalStep = Pattern.compile("\\.step\\(\\s*[^,]+,\\s*[^,]+,\\s*\"([A-Z_]+)\"");
        Set<String> literals = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java/io/shopops/aftersales"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                collect(Files.readString(source), literalStep, literals);
            }
        }
        assertThat(literals).contains("REFUND_REQUESTED", "REFUND_FAILED");
        written.addAll(literals);
        assertThat(STEP_TYPES).containsAll(written);
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
