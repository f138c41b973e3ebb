package io.shopops.groupbuy;

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

import io.shopops.ordering.OrderStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's group-buy texts exist in English and 简体中文, for every key the pages, the layout and the controllers
 * use, and every phase, group, place, bargain and order status has its label.
 */
class GroupBuyMessagesTests {

    private static final Path MESSAGES = Path.of("src/main/resources/i18n");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates/groupbuy");
    private static final Path WEB = Path.of("src/main/java/io/shopops/groupbuy/web");

    @Test
    void bothLanguagesHaveTheSameKeysAndNoEmptyText() throws IOException {
        Properties english = load("groupbuy.properties");
        Properties chinese = load("groupbuy_zh_CN.properties");
        assertThat(english.stringPropertyNames()).isNotEmpty();
        assertThat(chinese.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        assertThat(english.stringPropertyNames()).allMatch(key -> !english.getProperty(key).isBlank());
        assertThat(chinese.stringPropertyNames()).allMatch(key -> !chinese.getProperty(key).isBlank());
    }

    @Test
    void everyKeyThePagesAndControllersUseIsThere() throws IOException {
        Set<String> keys = load("groupbuy.properties").stringPropertyNames();
        Set<String> used = new TreeSet<>();
        Pattern inTemplates = Pattern.compile("#\\{(groupbuy\\.[A-Za-z0-9_.]+[A-Za-z0-9_])");
        try (Stream<Path> templates = Files.list(TEMPLATES)) {
            for (Path template : templates.toList()) {
                collect(Files.readString(template), inTemplates, used);
            }
        }
        collect(Files.readString(Path.of("src/main/resources/templates/layout.html")), inTemplates, used);
        try (Stream<Path> sources = Files.list(WEB)) {
            for (Path source : sources.toList()) {
                collect(Files.readString(source), Pattern.compile("\"(groupbuy\\.[A-Za-z0-9_.]+[A-Za-z0-9_])\""), used);
            }
        }
        Arrays.stream(ActivityPhase.values()).forEach(p -> used.add("groupbuy.phase." + p));
        Arrays.stream(GroupStatus.values()).forEach(s -> used.add("groupbuy.groupStatus." + s));
        Arrays.stream(MembershipStatus.values()).forEach(s -> used.add("groupbuy.memberStatus." + s));
        Arrays.stream(BargainStatus.values()).forEach(s -> used.add("groupbuy.bargainStatus." + s));
        Arrays.stream(OrderStatus.values()).forEach(s -> used.add("groupbuy.orderStatus." + s));

        assertThat(used).contains("groupbuy.nav.monitor", "groupbuy.form.number", "groupbuy.timeLeft")
                .hasSizeGreaterThan(80);
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
