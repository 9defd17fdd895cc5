package io.minidrama.domain;

import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;

/**
 * The etag {@code uploadpart} returns for a part. It contains literal double quotes and must go
 * back to {@code commitupload} byte for byte: this type never trims or unquotes it.
 *
 * @param value the etag exactly as received
 */
public record Etag(String value) {
    public Etag {
        if (value == null || value.isEmpty()) {
            throw InvalidRequestException.of("etag", Rule.NONE, value, "an etag is the non-empty string uploadpart returned");
        }
    }

    /** Shorthand for {@code new Etag(value)}. */
    public static Etag of(String value) {
        return new Etag(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
