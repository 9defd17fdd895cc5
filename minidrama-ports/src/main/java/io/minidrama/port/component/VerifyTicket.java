package io.minidrama.port.component;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A {@code component_verify_ticket} as pushed by the platform every 10 minutes, with the push's
 * {@code CreateTime} and the moment it was received. A ticket lives 12 hours; the newest one always
 * wins (see {@link ComponentStore#putTicket}). Its {@link #toString()} never shows the value.
 *
 * @param value      the ticket; a secret
 * @param createdAt  the push's {@code CreateTime}
 * @param receivedAt when this service received it
 */
public record VerifyTicket(String value, Instant createdAt, Instant receivedAt) {
    /** How long the platform accepts a ticket after it was pushed. */
    public static final Duration LIFETIME = Duration.ofHours(12);

    /** Validates. */
    public VerifyTicket {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a verify ticket must not be blank");
        }
    }

    /** The ticket's age at {@code now}, counted from its {@code CreateTime}. */
    public Duration age(Instant now) {
        return Duration.between(createdAt, now);
    }

    /** Whether this ticket is newer than {@code other} (by {@code CreateTime}, then by receipt). */
    public boolean isNewerThan(VerifyTicket other) {
        int c = createdAt.compareTo(other.createdAt);
        return c > 0 || (c == 0 && receivedAt.isAfter(other.receivedAt));
    }

    @Override
    public String toString() {
        return "VerifyTicket[redacted, createdAt=" + createdAt + ", receivedAt=" + receivedAt + "]";
    }
}
