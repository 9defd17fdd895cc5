package io.minidrama.domain;

import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;

/**
 * Identifier of a media on the platform: a positive 64-bit integer (`media_id`).
 *
 * @param value the platform's id, always &gt; 0
 */
public record MediaId(long value) {
    public MediaId {
        if (value <= 0) {
            throw InvalidRequestException.of("media_id", Rule.NONE, value, "a media id is a positive 64-bit integer");
        }
    }

    /** Shorthand for {@code new MediaId(value)}. */
    public static MediaId of(long value) {
        return new MediaId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
