package io.minidrama.domain;

import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;

import java.util.EnumSet;
import java.util.Set;

/**
 * Audit status of a drama or episode: 0 invalid, 1 under review, 2 rejected for good (final
 * failure), 3 approved, 4 sent back for changes. For a media, 2 means that episode was rejected.
 *
 * <p>Transitions: a first submission moves a new drama to {@link #UNDER_REVIEW}, a resubmission
 * moves a drama sent back for changes ({@link #REJECTED_RESUBMIT}) there again; a review moves
 * {@link #UNDER_REVIEW} to {@link #REJECTED}, {@link #APPROVED} or {@link #REJECTED_RESUBMIT}.
 * Only {@link #REJECTED_RESUBMIT} can be resubmitted: {@link #REJECTED} is final, the drama needs
 * a new first submission. {@link #APPROVED} is final for play links (later changes go through
 * replacement or info-change flows).
 */
public enum AuditStatus {
    INVALID(0),
    UNDER_REVIEW(1),
    REJECTED(2),
    APPROVED(3),
    REJECTED_RESUBMIT(4);

    private final int code;

    AuditStatus(int code) {
        this.code = code;
    }

    /** The platform's numeric status. */
    public int code() {
        return code;
    }

    /**
     * Maps the platform's numeric status.
     *
     * @throws InvalidRequestException for a code outside 0..4
     */
    public static AuditStatus of(int code) {
        for (AuditStatus s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        throw InvalidRequestException.of("audit_detail.status", Rule.R19, code, "an audit status is 0..4");
    }

    /** only a drama sent back for changes (4) may be resubmitted; 2 is final. */
    public boolean canResubmit() {
        return this == REJECTED_RESUBMIT;
    }

    /** True once approved: play links may be requested. */
    public boolean isApproved() {
        return this == APPROVED;
    }

    /** The statuses this one may move to. */
    public Set<AuditStatus> nextAllowed() {
        return switch (this) {
            case INVALID -> EnumSet.of(UNDER_REVIEW);
            case UNDER_REVIEW -> EnumSet.of(REJECTED, APPROVED, REJECTED_RESUBMIT);
            case REJECTED_RESUBMIT -> EnumSet.of(UNDER_REVIEW);
            case REJECTED, APPROVED -> EnumSet.noneOf(AuditStatus.class);
        };
    }

    /** Whether moving to {@code next} is an allowed transition. */
    public boolean canMoveTo(AuditStatus next) {
        return nextAllowed().contains(next);
    }
}
