package io.minidrama.domain.drama;

import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;

/** {@code drama_type} of the current schema (§6.1): 1 animated, 2 live action, 3 digital human. */
public enum DramaType {
    ANIMATED(1),
    LIVE_ACTION(2),
    /** Accepted by the platform from 2026-04-20. */
    DIGITAL_HUMAN(3);

    private final int code;

    DramaType(int code) {
        this.code = code;
    }

    /** The platform's numeric value. */
    public int code() {
        return code;
    }

    /** Whether {@code actor_list} is required (live action) rather than forbidden. */
    public boolean requiresActors() {
        return this == LIVE_ACTION;
    }

    /**
     * Maps the platform's numeric value.
     *
     * @throws InvalidRequestException for anything but 1..3
     */
    public static DramaType of(int code) {
        for (DramaType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        throw InvalidRequestException.of("drama_type", Rule.S6_1, code, "drama_type is 1 (animated), 2 (live action) or 3 (digital human)");
    }
}
