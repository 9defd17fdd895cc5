package io.minidrama.domain.player;

import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;

import java.util.Arrays;

/**
 * What {@code setplayerdramarecmdswitch} turns on or off ({@code entry_type}, R-32): one of the
 * three recommendation slots of the drama player, or playing the untranscoded original upload.
 * A switch never set is off, except {@link #END_OF_DRAMA} and {@link #DRAMA_PROFILE}, which start on.
 */
public enum PlayerSwitch {
    /** 1: the recommendation shown when a drama ends. */
    END_OF_DRAMA(1, true),
    /** 2: the recommendation at the right-most slot of the episode picker. */
    EPISODE_PICKER(2, false),
    /** 3: the related recommendations on the drama's profile page. */
    DRAMA_PROFILE(3, true),
    /** 2002: play the original upload, untranscoded. */
    ORIGINAL_VIDEO(2002, false);

    private final int code;
    private final boolean onByDefault;

    PlayerSwitch(int code, boolean onByDefault) {
        this.code = code;
        this.onByDefault = onByDefault;
    }

    /** The wire value of {@code entry_type}. */
    public int code() {
        return code;
    }

    /** Whether the platform treats the switch as on before it was ever set. */
    public boolean onByDefault() {
        return onByDefault;
    }

    /**
     * The switch with this {@code entry_type}.
     *
     * @throws InvalidRequestException unless 1, 2, 3 or 2002
     */
    public static PlayerSwitch of(int code) {
        return Arrays.stream(values()).filter(s -> s.code == code).findFirst().orElseThrow(() -> InvalidRequestException.of(
                "entry_type", Rule.R32, code, "entry_type of the switch is 1 (end of drama), 2 (episode picker), 3 (drama profile) or 2002 (original video)"));
    }
}
