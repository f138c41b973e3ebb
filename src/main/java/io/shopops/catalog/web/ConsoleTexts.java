package io.shopops.catalog.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.shopops.catalog.ProductStatus;
import io.shopops.shared.DomainException;
import io.shopops.shared.FieldViolation;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The catalog console's texts in the viewer's language: messages by key, and the reasons the catalog gives
 * for a refusal (stable English sentences, as the API returns them), each known sentence with a message key
 * in {@code i18n/catalog*.properties} and its variable parts passed on. A sentence without a key is shown
 * as the server wrote it.
 */
@Component
class ConsoleTexts {

    private record Rule(Pattern pattern, String key) {
    }

    private static final List<Rule> RULES = new ArrayList<>();

    static {
        rule("is required", "required");
        rule("has an invalid value", "invalidValue");
        rule("must be at most (\\d+) characters", "maxLength");
        rule("must not contain control characters", "controlCharacters");
        rule("must be 1 to 64 letters, digits, '\\.', '_' or '-', starting with a letter or digit", "code");
        rule("must be an absolute http or https URL", "url");
        rule("must not be negative", "negative");
        rule("must be at most ([\\d.]+)", "maxAmount");
        rule("must have at most (\\d+) decimal places", "decimals");
        rule("must contain at least one SKU", "oneSku");
        rule("(?:must contain|a product has) at most (\\d+) SKUs", "maxSkus");
        rule("must contain at most (\\d+) images", "maxImages");
        rule("must contain at most (\\d+) tags", "maxTags");
        rule("must not contain '\\|' or ','", "tagCharacters");
        rule("must not exceed (?:listPrice|list_price)", "saleAboveList");
        rule("must not exceed maxPrice", "minAboveMax");
        rule("must be between 0 and 1000000", "weightRange");
        rule("must contain at most (\\d+) attributes", "maxAttributes");
        rule("is repeated within the SKU", "attributeRepeated");
        rule("must not contain ':' or '\\|'", "attributeNameCharacters");
        rule("must not contain '\\|'", "attributeValueCharacters");
        rule("is repeated within the product", "skuRepeated");
        rule("repeats? the spec of (?:another SKU of the product|SKU (.+))", "specRepeated");
        rule("is already used by another (?:SKU|product|category|brand)", "taken");
        rule("(Category|Brand|Product|SKU) (\\S+) does not exist", "notFound");
        rule("is stale: .*", "stale");
        rule("(?:categories nest at most|would nest the category's subtree deeper than) (\\d+) levels(?: deep)?", "tooDeep");
        rule("must not be the category itself or one of its descendants", "moveCycle");
        rule("stock levels are not available", "noStockLevels");
        rule("cannot move from (\\w+) to (\\w+)", "illegalTransition");
        rule("(?:needs at least one active SKU with a sale price above zero to go on the shelf"
                + "|a product on the shelf needs at least one active SKU with a sale price above zero)", "noSellableSku");
        rule("SKU (.+) is the last active SKU of a product on the shelf; take the product off the shelf first",
                "lastActiveSku");
        rule("[Pp]roduct (.+) is archived and can no longer be changed", "archived");
        rule("SKU (.+) is already active", "skuAlreadyActive");
        rule("SKU (.+) is already inactive", "skuAlreadyInactive");
        rule("The category has subcategories; move or delete them first", "categoryHasChildren");
        rule("The category has products; file them under another category first", "categoryHasProducts");
        rule("The brand is used by (\\d+) products; give them another brand first", "brandInUse");
        rule("must be a number(?: such as 199\\.00)?", "number");
        rule("must be a whole number(?: of grams)?", "wholeNumber");
        rule("must be one of DRAFT, ON_SHELF, OFF_SHELF, ARCHIVED", "statusValue");
        rule("differs from row (\\d+): every row of product (.+) must have the same (.+)", "differs");
        rule("no (?:category|brand) has the code (.+)", "unknownCode");
        rule("repeats the SKU code of row (\\d+)", "skuRepeatsRow");
        rule("is already used by product (.+)", "skuUsedBy");
        rule("is not a known column; .*", "unknownColumn");
        rule("appears twice in the header", "columnTwice");
        rule("is missing from the header", "columnMissing");
        rule("has (\\d+) values where the header has (\\d+) columns", "valueCount");
        rule("cannot be read as CSV.*", "malformed");
        rule("is not valid UTF-8 text.*", "notUtf8");
        rule("the file has more than (\\d+) data rows.*", "tooManyRows");
        rule("the file is empty.*", "emptyFile");
        rule("has (\\d+) more problems that are not listed.*", "moreProblems");
        rule("must be name:value pairs separated by '\\|'.*", "specFormat");
        rule("is empty", "fileEmpty");
        rule("(\\d+) of (\\d+) products cannot move to (\\w+); none was changed", "bulkRefused");
        rule("product (\\S+) \\((.+)\\): [a-z-]+: (.+)", "bulkItem");
        rule("product (\\S+) does not exist", "bulkMissing");
        rule("must name at least one product", "bulkNone");
        rule("must name at most (\\d+) products", "bulkMax");
        rule("is repeated", "repeated");
        rule("(\\d+) fields are invalid", "fieldsInvalid");
        rule("must be 0 or greater", "pageNumber");
        rule("must be between 1 and (\\d+)", "pageSize");
    }

    private static void rule(String regex, String key) {
        RULES.add(new Rule(Pattern.compile(regex, Pattern.DOTALL), "catalog.reason." + key));
    }

    private final MessageSource messages;

    ConsoleTexts(MessageSource messages) {
        this.messages = messages;
    }

    /** The reason in the viewer's language, or as given when it has no translation. */
    String text(String reason) {
        Locale locale = LocaleContextHolder.getLocale();
        for (Rule rule : RULES) {
            Matcher matcher = rule.pattern().matcher(reason);
            if (matcher.matches()) {
                Object[] args = new Object[matcher.groupCount()];
                for (int i = 0; i < args.length; i++) {
                    String group = matcher.group(i + 1);
                    args[i] = group == null ? "" : argument(group, rule.key(), i, locale);
                }
                return messages.getMessage(rule.key(), args, reason, locale);
            }
        }
        return reason;
    }

    /** A refusal's field reasons by field, translated; the refusal's own message under {@code ""} when it names none. */
    Map<String, String> byField(DomainException refusal) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldViolation violation : refusal.violations()) {
            errors.merge(violation.field(), text(violation.reason()), (a, b) -> a + "; " + b);
        }
        if (errors.isEmpty()) {
            errors.put("", text(refusal.getMessage()));
        }
        return errors;
    }

    /** A refusal's reasons by field under the name of the form refused: {@code createErrors}, {@code editErrors}... */
    Map<String, Map<String, String>> byForm(String form, DomainException refusal) {
        return Map.of(form + "Errors", byField(refusal));
    }

    /** A message of the bundles in the viewer's language. */
    String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    /** The whole refusal as one sentence, for a flash message. */
    String summary(DomainException refusal) {
        List<String> reasons = refusal.violations().stream().map(v -> text(v.reason())).toList();
        if (reasons.isEmpty()) {
            return text(refusal.getMessage());
        }
        if (reasons.size() == 1) {
            return reasons.getFirst();
        }
        return text(refusal.getMessage()) + ": " + String.join("; ", reasons);
    }

    private Object argument(String value, String key, int index, Locale locale) {
        if (key.endsWith(".bulkItem") && index == 2) {
            return text(value);
        }
        try {
            ProductStatus status = ProductStatus.valueOf(value);
            return messages.getMessage("catalog.status." + status.name(), null, value, locale);
        } catch (IllegalArgumentException notAStatus) {
            return value;
        }
    }
}
