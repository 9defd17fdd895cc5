package io.minidrama.spring.boot;

import java.util.Objects;

/**
 * A secret from the configuration (an app secret, a push Token, an EncodingAESKey): its
 * {@link #toString()} is redacted, so it never reaches a log line, an exception or an actuator
 * endpoint by accident. Spring binds it from a string ({@link #of(String)}).
 */
public final class MiniDramaSecret {
    private static final String REDACTED = "******";

    private final String value;

    private MiniDramaSecret(String value) {
        this.value = value;
    }

    /**
     * Wraps {@code value}.
     *
     * @param value the secret; not {@code null}
     * @return the wrapped secret
     */
    public static MiniDramaSecret of(String value) {
        return new MiniDramaSecret(Objects.requireNonNull(value, "value"));
    }

    /** The secret itself: hand it to the SDK, never to a log. */
    public String reveal() {
        return value;
    }

    /** Whether the secret is empty or only white space. */
    public boolean isBlank() {
        return value.isBlank();
    }

    /** Always {@code ******}. */
    @Override
    public String toString() {
        return REDACTED;
    }
}
