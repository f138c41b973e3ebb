package io.shopops.catalog;

import java.time.Clock;
import java.time.Instant;

import io.shopops.shared.ConflictException;

import org.springframework.stereotype.Component;

/** What the catalog's facades share: the time of a change and the refusal of a stale version. Not API. */
@Component
final class CatalogSupport {

    private final Clock clock;

    CatalogSupport(Clock clock) {
        this.clock = clock;
    }

    Instant now() {
        return Instant.now(clock);
    }

    static ConflictException stale(String what) {
        return new ConflictException("version",
                "is stale: the " + what + " was changed by someone else; reload it and try again");
    }
}
