package io.shopops.content;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a content item; serialised as its bare number. */
public record ContentId(@JsonValue long value) {

    @JsonCreator
    public static ContentId of(long value) {
        return new ContentId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
