package io.shopops.content.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.shopops.shared.DomainException;
import io.shopops.shared.FieldViolation;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The content console's texts in the viewer's language: messages by key, and the reasons the library gives for a
 * refusal (stable English sentences, as the API returns them), each known one with a key in
 * {@code i18n/content*.properties} and its variable parts passed on; a sentence without a key is shown as written.
 */
@Component
class ContentTexts {

    private record Rule(Pattern pattern, String key) {
    }

    private static final List<Rule> RULES = new ArrayList<>();

    static {
        rule("is required(?:: .*)?", "required");
        rule("must be at most (\\d+) characters", "maxLength");
        rule("must not contain control characters", "controlCharacters");
        rule("must be 1 to 64 letters, digits, '\\.', '_' or '-', starting with a letter or digit", "code");
        rule("must be an absolute http or https URL", "url");
        rule("must be at most (\\d+) URLs", "maxImages");
        rule("must be at most (\\d+) tags", "maxTags");
        rule("a banner needs at least one image", "bannerImage");
        rule("is required for a product story", "storyProduct");
        rule("must be a positive id", "positiveId");
        rule("Product (\\S+) does not exist", "productMissing");
        rule("must name at least one of PC, MOBILE, MINI_PROGRAM", "channels");
        rule("must be between the years 2000 and 2999", "years");
        rule("must be after publishFrom", "untilAfterFrom");
        rule("is stale: .*", "stale");
        rule("Content item (\\S+) is (\\w+): it cannot be .*", "illegal");
        rule("You wrote version (\\d+) of content item (\\S+): another member must approve it", "fourEyes");
        rule("Nothing differs from version (\\d+) of content item (\\S+)", "unchanged");
        rule("Version (\\d+) of content item (\\S+) ran until .*, which has passed", "scheduleOver");
    }

    private static void rule(String regex, String key) {
        RULES.add(new Rule(Pattern.compile(regex), "content.reason." + key));
    }

    private final MessageSource messages;

    ContentTexts(MessageSource messages) {
        this.messages = messages;
    }

    String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    /** A reason in the viewer's language when it is a known one. */
    String reason(String reason) {
        for (Rule rule : RULES) {
            Matcher matcher = rule.pattern().matcher(reason);
            if (matcher.matches()) {
                Object[] args = new Object[matcher.groupCount()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = matcher.group(i + 1);
                }
                return messages.getMessage(rule.key(), args, reason, LocaleContextHolder.getLocale());
            }
        }
        return reason;
    }

    /** The refusal's reasons by field (several reasons of one field joined), or under {@code form} when it names none. */
    Map<String, String> byField(DomainException refused, String form) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldViolation violation : refused.violations()) {
            errors.merge(violation.field(), reason(violation.reason()), (a, b) -> a + "; " + b);
        }
        if (errors.isEmpty()) {
            errors.put(form, reason(refused.getMessage() == null ? "" : refused.getMessage()));
        }
        return errors;
    }

    /** The reasons the form gives for values it cannot read, in the viewer's language. */
    Map<String, String> formReasons() {
        return Map.of("choice", message("content.form.choice"), "number", message("content.form.number"),
                "time", message("content.form.time"), "date", message("content.form.date"));
    }

    @Nullable String orNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
