package io.minidrama.domain.player;

import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;

import java.util.Arrays;

/** Whether the mini program sells a membership for a drama ({@code vip_flag}, R-32). */
public enum VipFlag {
    /** 1: a membership exists. */
    MEMBERSHIP(1),
    /** 2: no membership. */
    NO_MEMBERSHIP(2);

    private final int code;

    VipFlag(int code) {
        this.code = code;
    }

    /** The wire value. */
    public int code() {
        return code;
    }

    /**
     * The flag with this code.
     *
     * @throws InvalidRequestException unless 1 or 2
     */
    public static VipFlag of(int code) {
        return Arrays.stream(values()).filter(t -> t.code == code).findFirst().orElseThrow(() -> InvalidRequestException.of(
                "vip_flag", Rule.R32, code, "vip_flag is 1 (has a membership) or 2 (none)"));
    }
}
