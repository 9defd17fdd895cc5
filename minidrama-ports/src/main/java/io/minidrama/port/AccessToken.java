package io.minidrama.port;

import java.time.Instant;
import java.util.Objects;

/**
 * An access token and when it stops being valid. Its {@link #toString()} never shows the value.
 *
 * @param value     the token; a secret
 * @param expiresAt when the platform stops accepting it
 */
public record AccessToken(String value, Instant expiresAt) {
    public AccessToken {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (value.isBlank()) {
            throw new IllegalArgumentException("an access token must not be blank");
        }
    }

    /** Whether the token is still valid at {@code now} with {@code margin} to spare. */
    public boolean validAt(Instant now, java.time.Duration margin) {
        return now.plus(margin).isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "AccessToken[redacted, expiresAt=" + expiresAt + "]";
    }
}
