package io.shopops.demo.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

import io.shopops.customer.AddressDetails;
import io.shopops.customer.CustomerId;
import io.shopops.customer.Customers;
import io.shopops.customer.HistoricalCustomer;
import io.shopops.customer.ImportedCustomer;
import io.shopops.customer.RegistrationChannel;
import io.shopops.demo.internal.DemoPeopleData.City;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The demo shop's customers, imported through the customer module's facade: Chinese names and nicknames, unique
 * mainland mobile numbers (1[3-9] and nine digits), an email for some, where they signed up (the app most, then the
 * mini program and the web shop), when (most before the order history starts, the rest during it), and one or two
 * addresses in the cities online shoppers live in. Each customer gets an activity weight from a Pareto
 * distribution: a few buy often, most buy once or twice, as in every shop.
 */
@Component
public class CustomerGenerator {

    /** How far before the order history the earliest customers signed up. */
    private static final Duration EARLIEST_SIGN_UP = Duration.ofDays(3 * 365);
    /** The Pareto shape of the customers' activity: about 80 % of the orders from 20 % of the customers. */
    private static final double PARETO_SHAPE = 1.16;

    private final Customers customers;

    CustomerGenerator(Customers customers) {
        this.customers = customers;
    }

    /**
     * A customer as the order history needs them.
     *
     * @param activity how often they buy, relative to the others (Pareto-distributed, at least 1)
     * @param region   the geographic region of their first address, for the nearest warehouse
     */
    public record DemoCustomer(CustomerId id, RegistrationChannel channel, Instant registeredAt,
            List<AddressDetails> addresses, String region, double activity) {
    }

    public List<DemoCustomer> generate(RandomGenerator random, int count, Instant historyStart, Instant now) {
        double totalWeight = DemoPeopleData.CITIES.stream().mapToDouble(City::weight).sum();
        Set<String> phones = new HashSet<>();
        Set<String> emails = new HashSet<>();
        List<HistoricalCustomer> planned = new ArrayList<>(count);
        List<String> regions = new ArrayList<>(count);
        List<Double> activities = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String surname = pick(random, DemoPeopleData.SURNAMES, 1.6);
            String name = surname + pick(random, DemoPeopleData.GIVEN, 1.0)
                    + (random.nextDouble() < 0.25 ? pick(random, DemoPeopleData.GIVEN, 1.0) : "");
            if (name.codePointCount(0, name.length()) > 4) {
                name = name.substring(0, surname.length() + 1);
            }
            String phone = unique(phones, () -> phone(random));
            String email = random.nextDouble() < 0.28 ? unique(emails, () -> email(random)) : null;
            RegistrationChannel channel = channel(random);
            Instant registeredAt = registeredAt(random, historyStart, now);
            City city = city(random, totalWeight);
            List<AddressDetails> addresses = new ArrayList<>();
            addresses.add(address(random, city, name, phone));
            if (random.nextDouble() < 0.22) {
                // a second address: the office, or a parent's home in another city
                City other = random.nextDouble() < 0.6 ? city : city(random, totalWeight);
                String recipient = random.nextDouble() < 0.7 ? name
                        : pick(random, DemoPeopleData.SURNAMES, 1.6) + pick(random, DemoPeopleData.GIVEN, 1.0);
                addresses.add(address(random, other, recipient, random.nextDouble() < 0.7 ? phone : phone(random)));
            }
            planned.add(new HistoricalCustomer(phone, email, nickname(random, surname),
                    random.nextDouble() < 0.6 ? name : null, channel, registeredAt, addresses));
            regions.add(city.region());
            activities.add(Math.min(200, Math.pow(1 - random.nextDouble(), -1 / PARETO_SHAPE)));
        }
        List<ImportedCustomer> imported = customers.importHistorical(planned);
        List<DemoCustomer> result = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            HistoricalCustomer customer = planned.get(i);
            result.add(new DemoCustomer(imported.get(i).id(), customer.channel(), customer.registeredAt(),
                    customer.addresses(), regions.get(i), activities.get(i)));
        }
        return result;
    }

    /** A list element, the front more likely: position ~ u^skew of the list (skew 1 is uniform). */
    static <T> T pick(RandomGenerator random, List<T> from, double skew) {
        return from.get((int) (Math.pow(random.nextDouble(), skew) * from.size()));
    }

    private static String unique(Set<String> taken, java.util.function.Supplier<String> next) {
        String value = next.get();
        while (!taken.add(value)) {
            value = next.get();
        }
        return value;
    }

    /** A mainland mobile number: 1, a second digit from 3 to 9, nine more digits. */
    private static String phone(RandomGenerator random) {
        StringBuilder phone = new StringBuilder("1").append(3 + random.nextInt(7));
        for (int d = 0; d < 9; d++) {
            phone.append(random.nextInt(10));
        }
        return phone.toString();
    }

    private static String email(RandomGenerator random) {
        String domain = pick(random, DemoPeopleData.MAIL_DOMAINS, 1.5);
        String local = domain.equals("qq.com") && random.nextDouble() < 0.7
                ? String.valueOf(100_000_000L + random.nextLong(3_900_000_000L))
                : pick(random, DemoPeopleData.NICK_LATIN, 1.0) + (random.nextDouble() < 0.5 ? "." : "_")
                        + (1970 + random.nextInt(40)) + random.nextInt(100);
        return local + "@" + domain;
    }

    private static String nickname(RandomGenerator random, String surname) {
        double roll = random.nextDouble();
        if (roll < 0.35) {
            return pick(random, DemoPeopleData.NICK_ADJECTIVES, 1.0) + pick(random, DemoPeopleData.NICK_NOUNS, 1.0);
        }
        if (roll < 0.6) {
            return pick(random, DemoPeopleData.NICK_LATIN, 1.0) + random.nextInt(10_000);
        }
        if (roll < 0.8) {
            return "用户" + (100_000 + random.nextInt(900_000));
        }
        return (random.nextBoolean() ? "小" : "老") + surname + (random.nextDouble() < 0.5 ? "同学" : "");
    }

    private static RegistrationChannel channel(RandomGenerator random) {
        double roll = random.nextDouble();
        return roll < 0.45 ? RegistrationChannel.APP : roll < 0.75 ? RegistrationChannel.MINI_PROGRAM
                : RegistrationChannel.WEB;
    }

    /** 70 % signed up before the history starts (over three years), the rest during it, more of them lately. */
    private static Instant registeredAt(RandomGenerator random, Instant historyStart, Instant now) {
        if (random.nextDouble() < 0.7) {
            return historyStart.minusSeconds((long) (random.nextDouble() * EARLIEST_SIGN_UP.toSeconds()) + 3600);
        }
        double share = Math.sqrt(random.nextDouble());
        return historyStart.plusSeconds((long) (share * Duration.between(historyStart, now).toSeconds() * 0.98));
    }

    private static City city(RandomGenerator random, double totalWeight) {
        double roll = random.nextDouble() * totalWeight;
        for (City city : DemoPeopleData.CITIES) {
            roll -= city.weight();
            if (roll < 0) {
                return city;
            }
        }
        return DemoPeopleData.CITIES.getLast();
    }

    private static AddressDetails address(RandomGenerator random, City city, String recipient,
            @Nullable String phone) {
        String district = city.districts().get(random.nextInt(city.districts().size()));
        String detail = "%s%d号%s%d栋%d室".formatted(pick(random, DemoPeopleData.ROADS, 1.0), 1 + random.nextInt(999),
                pick(random, DemoPeopleData.ESTATES, 1.0), 1 + random.nextInt(30),
                (1 + random.nextInt(32)) * 100 + 1 + random.nextInt(6));
        String postalCode = city.postalCode().substring(0, 4) + "%02d".formatted(random.nextInt(40));
        return new AddressDetails(recipient, phone, city.province(), city.city(), district, detail, postalCode);
    }
}
