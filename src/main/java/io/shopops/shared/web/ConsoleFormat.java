package io.shopops.shared.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;

import io.shopops.shared.Money;
import io.shopops.shared.ShopProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Formatting for console templates, as {@code ${@fmt.money(price)}}: money with its currency symbol, times
 * in the shop's zone (stored times are UTC), and numbers with grouping in the viewer's language.
 */
@Component("fmt")
public class ConsoleFormat {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DATE_TIME_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ShopProperties shop;

    ConsoleFormat(ShopProperties shop) {
        this.shop = shop;
    }

    public String money(@Nullable Money money) {
        if (money == null) {
            return "–";
        }
        return symbol(money.currency()) + grouped(money.amount(), money.currency().getDefaultFractionDigits());
    }

    public String amount(@Nullable BigDecimal amount) {
        if (amount == null) {
            return "–";
        }
        return symbol(shop.currency()) + grouped(amount, shop.currency().getDefaultFractionDigits());
    }

    public String number(long value) {
        return NumberFormat.getIntegerInstance(LocaleContextHolder.getLocale()).format(value);
    }

    public String time(@Nullable Instant instant) {
        return instant == null ? "–" : DATE_TIME.format(instant.atZone(shop.zone()));
    }

    public String timeSeconds(@Nullable Instant instant) {
        return instant == null ? "–" : DATE_TIME_SECONDS.format(instant.atZone(shop.zone()));
    }

    /** The value for an {@code <input type="datetime-local">} in the shop's zone. */
    public String inputTime(@Nullable Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                instant.atZone(shop.zone()).toLocalDateTime().withNano(0));
    }

    /** The current page's URL with only the page number changed, for pagers. */
    public String pageUrl(int page) {
        return ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", page)
                .build().toUriString();
    }

    public String zone() {
        return shop.zone().getId();
    }

    private static String grouped(BigDecimal amount, int fractionDigits) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.ROOT);
        format.setGroupingUsed(true);
        format.setMinimumFractionDigits(fractionDigits);
        format.setMaximumFractionDigits(fractionDigits);
        return format.format(amount);
    }

    private static String symbol(Currency currency) {
        return switch (currency.getCurrencyCode()) {
            case "CNY" -> "¥";
            case "USD" -> "$";
            case "EUR" -> "€";
            default -> currency.getCurrencyCode() + " ";
        };
    }
}
