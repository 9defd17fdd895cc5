package io.minidrama.domain.player;

import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;

import java.util.Arrays;

/** The recommendation slot whose pool {@code developersetrecmddrama} sets ({@code entry_type} 1..3, R-32). */
public enum RecommendationSlot {
    /** 1: when a drama ends. */
    END_OF_DRAMA(1),
    /** 2: the right-most slot of the episode picker. */
    EPISODE_PICKER(2),
    /** 3: the drama's profile page. */
    DRAMA_PROFILE(3);

    private final int code;

    RecommendationSlot(int code) {
        this.code = code;
    }

    /** The wire value of {@code entry_type}. */
    public int code() {
        return code;
    }

    /** The switch that turns this slot on or off. */
    public PlayerSwitch toggle() {
        return PlayerSwitch.of(code);
    }

    /**
     * The slot with this {@code entry_type}.
     *
     * @throws InvalidRequestException unless 1, 2 or 3
     */
    public static RecommendationSlot of(int code) {
        return Arrays.stream(values()).filter(s -> s.code == code).findFirst().orElseThrow(() -> InvalidRequestException.of(
                "entry_type", Rule.R32, code, "entry_type of a recommendation pool is 1 (end of drama), 2 (episode picker) or 3 (drama profile)"));
    }
}
