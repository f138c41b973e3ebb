package io.shopops.payment.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The sandbox's time: the application's clock (so tests can move it), to the second, and written in China time
 * ({@code yyyy-MM-dd HH:mm:ss}, Asia/Shanghai) as Alipay writes its times.
 */
final class SandboxClock {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZONE);

    private final Clock clock;

    SandboxClock(Clock clock) {
        this.clock = clock;
    }

    Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }

    static String format(Instant instant) {
        return FORMAT.format(instant);
    }

    /** Throws {@link java.time.format.DateTimeParseException} when the text is not such a time. */
    static Instant parse(String text) {
        return java.time.LocalDateTime.parse(text, DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"))
                .atZone(ZONE).toInstant();
    }
}
