package io.minidrama.domain.player;

import java.util.Arrays;
import java.util.Optional;

/** A drama's status in the promotion plan, as {@code batchprocessdramapromotion} queries report it. */
public enum PromotionStatus {
    /** 0: not in the plan. */
    NOT_IN_PLAN(0),
    /** 1: joining, under review. */
    IN_REVIEW(1),
    /** 2: approved: in the plan. */
    APPROVED(2),
    /** 3: the join was rejected. */
    REJECTED(3),
    /** 4: leaving the plan. */
    LEAVING(4),
    /** 5: taken down from the plan. */
    TAKEN_DOWN(5);

    private final int code;

    PromotionStatus(int code) {
        this.code = code;
    }

    /** The wire value. */
    public int code() {
        return code;
    }

    /** The status with this code; empty for a code the platform does not document. */
    public static Optional<PromotionStatus> find(int code) {
        return Arrays.stream(values()).filter(s -> s.code == code).findFirst();
    }
}
