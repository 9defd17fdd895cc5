package io.minidrama.domain;

import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;

/**
 * Identifier of a temporary material (an image or document uploaded through the mini program's
 * temporary-material API), used for covers, licences and proofs in a drama submission. The
 * platform treats it as an opaque string.
 *
 * @param value the opaque id, non-blank, without surrounding white space
 */
public record MaterialId(String value) {
    public MaterialId {
        if (value == null || value.isBlank() || !value.strip().equals(value)) {
            throw InvalidRequestException.of("material_id", Rule.NONE, value, "a material id is a non-blank string without surrounding white space");
        }
    }

    /** Shorthand for {@code new MaterialId(value)}. */
    public static MaterialId of(String value) {
        return new MaterialId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
