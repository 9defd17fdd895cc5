package io.minidrama.domain.player;

import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;

import java.util.Arrays;

/** What {@code batchprocessdramapromotion} does ({@code action_type}, R-32). */
public enum PromotionAction {
    /** 1: join the promotion plan (accepts the plan's agreement). */
    JOIN(1),
    /** 2: query the dramas' plan status. */
    QUERY(2),
    /** 3: leave the plan. */
    LEAVE(3);

    private final int code;

    PromotionAction(int code) {
        this.code = code;
    }

    /** The wire value. */
    public int code() {
        return code;
    }

    /**
     * The action with this code.
     *
     * @throws InvalidRequestException unless 1, 2 or 3
     */
    public static PromotionAction of(int code) {
        return Arrays.stream(values()).filter(t -> t.code == code).findFirst().orElseThrow(() -> InvalidRequestException.of(
                "action_type", Rule.R32, code, "action_type is 1 (join), 2 (query) or 3 (leave)"));
    }
}
