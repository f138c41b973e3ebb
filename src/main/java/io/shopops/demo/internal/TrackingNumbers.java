package io.shopops.demo.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

import io.shopops.fulfilment.Carriers;

/**
 * Tracking numbers as the big carriers print them (顺丰 SF and 13 digits, 中通 14 digits starting with 7, 圆通 YT and
 * 15 digits, 京东 JDV and 14 digits), each checked against the configured carrier's own pattern. A configured carrier
 * whose format the demo does not know is not used.
 */
final class TrackingNumbers {

    private final Carriers carriers;
    private final Set<String> issued = new HashSet<>();

    TrackingNumbers(Carriers carriers) {
        this.carriers = carriers;
    }

    /** The carriers the demo can make numbers for, among the configured ones. */
    List<String> usable() {
        return carriers.all().stream().map(c -> c.code())
                .filter(code -> make(code, new java.util.SplittableRandom(1)).isPresent()).toList();
    }

    /** A new tracking number of the carrier, unique in this run. */
    String next(String carrier, RandomGenerator random) {
        while (true) {
            String number = make(carrier, random)
                    .orElseThrow(() -> new IllegalArgumentException("No tracking numbers for " + carrier));
            if (issued.add(carrier + " " + number)) {
                return number;
            }
        }
    }

    private Optional<String> make(String carrier, RandomGenerator random) {
        String number = switch (carrier) {
            case "SF" -> "SF" + digits(random, 13);
            case "ZTO" -> "7" + digits(random, 13);
            case "YTO" -> "YT" + digits(random, 15);
            case "JD" -> "JDV" + digits(random, 14);
            default -> null;
        };
        return number != null && carriers.isTrackingNumber(carrier, number) ? Optional.of(number) : Optional.empty();
    }

    private static String digits(RandomGenerator random, int count) {
        StringBuilder digits = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            digits.append(random.nextInt(10));
        }
        return digits.toString();
    }
}
