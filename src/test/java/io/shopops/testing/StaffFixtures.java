package io.shopops.testing;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import io.shopops.identity.CreatedStaff;
import io.shopops.identity.Identity;
import io.shopops.identity.NewStaff;
import io.shopops.identity.Role;

import org.springframework.stereotype.Component;

/** Staff members for tests, made through the identity module's facade like an administrator would. */
@Component
public class StaffFixtures {

    public static final String PASSWORD = "correct-horse-42";
    private static final String INITIAL_PASSWORD = "first-day-2026";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final Identity identity;

    StaffFixtures(Identity identity) {
        this.identity = identity;
    }

    /** A member holding the role, with a password of their own (no forced change) and an API key. */
    public Member member(Role role) {
        String username = role.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-"
                + System.nanoTime() % 1_000_000 + "-" + SEQUENCE.incrementAndGet();
        CreatedStaff created = identity.createStaff(
                new NewStaff(username, "Test " + role, null, Set.of(role), INITIAL_PASSWORD));
        // as the member would at first sign-in: choose their own password, which lifts the forced change
        identity.changePassword(created.staff().id(), INITIAL_PASSWORD, PASSWORD);
        String token = identity.issueApiKey(created.staff().id(), "tests", null).token();
        return new Member(created.staff().id(), username, token);
    }

    public record Member(long id, String username, String apiKey) {

        public String bearer() {
            return "Bearer " + apiKey;
        }
    }
}
