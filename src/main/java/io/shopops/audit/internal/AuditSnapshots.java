package io.shopops.audit.internal;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/** Turns before/after states into JSON text for the log, cut to the column's size. */
@Component
public class AuditSnapshots {

    static final int MAX_LENGTH = 20_000;

    private final JsonMapper json;

    AuditSnapshots(JsonMapper json) {
        this.json = json;
    }

    public @Nullable String toJson(@Nullable Object state) {
        if (state == null) {
            return null;
        }
        String text = state instanceof String s ? s : json.writeValueAsString(state);
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 1) + "…";
    }
}
