package io.shopops.flashsale.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.shopops.customer.CustomerId;

import org.springframework.stereotype.Component;

/**
 * A bot guard: at most {@code attempts-per-second} attempts per customer and second, counted in this node's memory
 * (so n nodes allow n times as many; the unique entitlement per customer keeps the quota right whatever gets
 * through). One counter per customer, the second and the count packed into one long.
 */
@Component
public class AttemptThrottle {

    private static final int MAX_CUSTOMERS = 200_000;
    private static final int COUNT_BITS = 20;
    private static final long COUNT_MASK = (1L << COUNT_BITS) - 1;

    private final int perSecond;
    private final long origin = System.nanoTime();
    private final Map<Long, AtomicLong> counters = new ConcurrentHashMap<>();

    AttemptThrottle(FlashSaleProperties properties) {
        this.perSecond = properties.attemptsPerSecond();
    }

    /** Whether the customer may make one more attempt now (and counts it). */
    public boolean allow(CustomerId customer) {
        if (perSecond == 0) {
            return true;
        }
        long second = (System.nanoTime() - origin) / 1_000_000_000L;
        if (counters.size() >= MAX_CUSTOMERS) {
            counters.values().removeIf(c -> c.get() >>> COUNT_BITS < second);
        }
        AtomicLong counter = counters.computeIfAbsent(customer.value(), id -> new AtomicLong());
        while (true) {
            long value = counter.get();
            long count = value >>> COUNT_BITS == second ? value & COUNT_MASK : 0;
            if (count >= perSecond) {
                return false;
            }
            if (counter.compareAndSet(value, second << COUNT_BITS | (count + 1))) {
                return true;
            }
        }
    }
}
