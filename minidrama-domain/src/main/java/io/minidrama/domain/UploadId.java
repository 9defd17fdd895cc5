package io.minidrama.domain;

import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;

/**
 * Identifier of a chunked upload, returned by {@code applyupload}. A string, kept exactly as sent.
 *
 * @param value the opaque id, non-blank
 */
public record UploadId(String value) {
    public UploadId {
        if (value == null || value.isBlank()) {
            throw InvalidRequestException.of("upload_id", Rule.NONE, value, "an upload id is a non-blank string returned by applyupload");
        }
    }

    /** Shorthand for {@code new UploadId(value)}. */
    public static UploadId of(String value) {
        return new UploadId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
