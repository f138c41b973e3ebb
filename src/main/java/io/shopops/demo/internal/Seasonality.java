package io.shopops.demo.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When people order in a Chinese online shop: by the hour of the day (quiet at night, a lunch bump, the evening
 * peak from 20:00 to 22:00), by the day of the week (weekends higher), growing over the months, and around the
 * shopping festivals: 618 (the first half of June, peaking on 18 June), 双11 (from the end of October, peaking on
 * 11 November) and 双12.
 */
final class Seasonality {

    /** Relative order volume of each hour of the shop's day, 00:00 to 23:00. */
    private static final double[] HOURS = { 0.45, 0.25, 0.13, 0.08, 0.06, 0.07, 0.15, 0.35, 0.6, 0.8, 0.95, 1.0,
            1.1, 0.95, 0.85, 0.85, 0.9, 0.95, 1.0, 1.2, 1.5, 1.75, 1.6, 1.0 };

    /** A shopping festival: its campaign code and the days it lifts sales, the last one the most. */
    record Festival(String code, String label, String utmCampaign, MonthDay from, MonthDay peak, double lift,
            double peakLift) {

        boolean covers(LocalDate day) {
            MonthDay md = MonthDay.from(day);
            return !md.isBefore(from) && !md.isAfter(peak);
        }
    }

    static final List<Festival> FESTIVALS = List.of(
            new Festival("618", "618", "618-mid-year-sale", MonthDay.of(6, 1), MonthDay.of(6, 18), 1.35, 3.2),
            new Festival("D11", "双11", "double11", MonthDay.of(10, 31), MonthDay.of(11, 11), 1.5, 4.5),
            new Festival("D12", "双12", "double12", MonthDay.of(12, 10), MonthDay.of(12, 12), 1.2, 2.2));

    private final ZoneId zone;

    Seasonality(ZoneId zone) {
        this.zone = zone;
    }

    Optional<Festival> festival(Instant at) {
        LocalDate day = at.atZone(zone).toLocalDate();
        return FESTIVALS.stream().filter(f -> f.covers(day)).findFirst();
    }

    ZoneId zone() {
        return zone;
    }

    /**
     * {@code count} placing times between {@code from} and {@code to}, ascending: each hour of the period gets its
     * share of the orders by its weight (largest remainders, so the total is exact), each order a random moment in it.
     */
    List<Instant> placingTimes(RandomGenerator random, Instant from, Instant to, int count) {
        List<Instant> starts = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        Instant start = from.atZone(zone).truncatedTo(ChronoUnit.HOURS).toInstant();
        double total = 0;
        for (Instant hour = start; hour.isBefore(to); hour = hour.plus(Duration.ofHours(1))) {
            Instant begin = hour.isBefore(from) ? from : hour;
            Instant end = hour.plus(Duration.ofHours(1)).isAfter(to) ? to : hour.plus(Duration.ofHours(1));
            double fraction = Duration.between(begin, end).toMillis() / 3_600_000.0;
            double weight = weight(hour, from, to) * fraction;
            starts.add(begin);
            weights.add(weight);
            total += weight;
        }
        int[] orders = new int[starts.size()];
        double[] remainders = new double[starts.size()];
        int given = 0;
        for (int i = 0; i < orders.length; i++) {
            double exact = count * weights.get(i) / total;
            orders[i] = (int) exact;
            remainders[i] = exact - orders[i];
            given += orders[i];
        }
        List<Integer> byRemainder = new ArrayList<>();
        for (int i = 0; i < orders.length; i++) {
            byRemainder.add(i);
        }
        byRemainder.sort((a, b) -> remainders[a] != remainders[b] ? Double.compare(remainders[b], remainders[a])
                : Integer.compare(a, b));
        for (int k = 0; given < count; k++, given++) {
            orders[byRemainder.get(k % byRemainder.size())]++;
        }
        List<Instant> times = new ArrayList<>(count);
        for (int i = 0; i < orders.length; i++) {
            Instant begin = starts.get(i);
            Instant end = i + 1 < starts.size() ? starts.get(i + 1) : to;
            long millis = Math.max(1, Duration.between(begin, end).toMillis());
            for (int n = 0; n < orders[i]; n++) {
                times.add(begin.plusMillis(random.nextLong(millis)).truncatedTo(ChronoUnit.SECONDS));
            }
        }
        times.sort(null);
        return times;
    }

    /** The weight of an hour: hour of day × day of week × the shop's growth × a festival's lift. */
    private double weight(Instant hour, Instant from, Instant to) {
        ZonedDateTime local = hour.atZone(zone);
        double dayOfWeek = switch (local.getDayOfWeek()) {
            case MONDAY -> 0.92;
            case TUESDAY -> 0.9;
            case WEDNESDAY -> 0.93;
            case THURSDAY -> 0.97;
            case FRIDAY -> 1.05;
            case SATURDAY -> 1.25;
            case SUNDAY -> 1.2;
        };
        double progress = Duration.between(from, hour).toMillis() / (double) Math.max(1, Duration.between(from, to)
                .toMillis());
        double growth = 1 + 0.35 * Math.max(0, progress);
        LocalDate day = local.toLocalDate();
        double festival = 1;
        for (Festival f : FESTIVALS) {
            if (f.covers(day)) {
                festival = MonthDay.from(day).equals(f.peak()) ? f.peakLift() : f.lift();
            }
        }
        return HOURS[local.getHour()] * dayOfWeek * growth * festival;
    }
}
