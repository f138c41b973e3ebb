package io.shopops.marketing;

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

/** The marketing console's texts exist in English and 简体中文 for every key its pages and controllers use. */
class MarketingMessagesTests {

    private static final Path MESSAGES = Path.of("src/main/resources/i18n");

    @Test
    void bothLanguagesHaveTheSameKeysAndNoEmptyText() throws IOException {
        Properties english = load("marketing.properties");
        Properties chinese = load("marketing_zh_CN.properties");
        assertThat(chinese.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        assertThat(english.stringPropertyNames()).allMatch(key -> !english.getProperty(key).isBlank());
        assertThat(chinese.stringPropertyNames()).allMatch(key -> !chinese.getProperty(key).isBlank());
    }

    @Test
    void everyKeyThePagesAndControllersUseIsThere() throws IOException {
        Set<String> used = new TreeSet<>();
        Pattern inTemplates = Pattern.compile("#\\{(marketing\\.[A-Za-z0-9_.]+[A-Za-z0-9_])");
        try (Stream<Path> templates = Files.list(Path.of("src/main/resources/templates/marketing"))) {
            for (Path template : templates.toList()) {
                collect(Files.readString(template), inTemplates, used);
            }
        }
        collect(Files.readString(Path.of("src/main/resources/templates/layout.html")), inTemplates, used);
        try (Stream<Path> sources = Files.list(Path.of("src/main/java/io/shopops/marketing/web"))) {
            for (Path source : sources.toList()) {
                collect(Files.readString(source), Pattern.compile("\"(marketing\\.[A-Za-z0-9_.]+[A-Za-z0-9_])\""), used);
            }
        }
        Arrays.stream(PromotionStatus.values()).forEach(s -> used.add("marketing.status." + s));
        Arrays.stream(PromotionKind.values()).forEach(k -> used.add("marketing.kind." + k));
        Arrays.stream(TargetScope.values()).forEach(s -> used.add("marketing.scope." + s));
        Arrays.stream(CouponKind.values()).forEach(k -> used.add("marketing.couponKind." + k));
        Arrays.stream(CouponTemplateStatus.values()).forEach(s -> used.add("marketing.couponStatus." + s));
        Arrays.stream(CouponStatus.values()).forEach(s -> used.add("marketing.coupon." + s.name().toLowerCase()));

        assertThat(used).hasSizeGreaterThan(80);
        assertThat(load("marketing.properties").stringPropertyNames()).containsAll(used);
    }

    private static void collect(String text, Pattern pattern, Set<String> into) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            into.add(m.group(1));
        }
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(MESSAGES.resolve(name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
