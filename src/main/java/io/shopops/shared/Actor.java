package io.shopops.shared;

import java.io.Serializable;

import org.jspecify.annotations.Nullable;

/**
 * Who performs an action: a staff member (signed in on the console or calling the API with a key), or the
 * system itself (scheduled jobs, the demo generator). The authenticated principal implements this so that
 * modules can name the actor without depending on the identity module.
 */
public interface Actor extends Serializable {

    Actor SYSTEM = new SystemActor();

    /** The staff account's id, or {@code null} for the system. */
    @Nullable Long staffId();

    String username();

    /** The name shown on the console; the username unless the account has a display name. */
    default String displayName() {
        return username();
    }

    static Actor staff(long staffId, String username) {
        return new StaffActor(staffId, username);
    }

    record StaffActor(Long staffId, String username) implements Actor {
    }

    record SystemActor() implements Actor {

        @Override
        public @Nullable Long staffId() {
            return null;
        }

        @Override
        public String username() {
            return "system";
        }
    }
}
