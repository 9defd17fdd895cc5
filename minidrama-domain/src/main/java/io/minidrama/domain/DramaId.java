package io.minidrama.domain;

import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;

/**
 * Identifier of a drama on the platform: a positive 64-bit integer (`drama_id`).
 *
 * @param value the platform's id, always &gt; 0
 */
public record DramaId(long value) {
    public DramaId {
        if (value <= 0) {
            throw InvalidRequestException.of("drama_id", Rule.NONE, value, "a drama id is a positive 64-bit integer");
        }
    }

    /** Shorthand for {@code new DramaId(value)}. */
    public static DramaId of(long value) {
        return new DramaId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
