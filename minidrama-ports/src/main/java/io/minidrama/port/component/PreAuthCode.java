package io.minidrama.port.component;

import java.time.Instant;
import java.util.Objects;

/**
 * A pre-authorization code from {@code api_create_preauthcode}: it goes into the authorization page's
 * URL once. Its {@link #toString()} never shows the value.
 *
 * @param value     the code
 * @param expiresAt when the platform stops accepting it
 */
public record PreAuthCode(String value, Instant expiresAt) {
    /** Validates. */
    public PreAuthCode {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a pre-auth code must not be blank");
        }
    }

    @Override
    public String toString() {
        return "PreAuthCode[redacted, expiresAt=" + expiresAt + "]";
    }
}
