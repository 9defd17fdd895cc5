package io.minidrama.domain.drama;

import io.minidrama.domain.AuditStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A replacement of episodes in its review and application cycle: submitted (under
 * review), then approved or rejected; an approved replacement is applied one episode at a time
 * within {@link #APPLY_WITHIN} of its approval.
 *
 * @param items       the replacements not applied yet
 * @param status      the replacement's audit status
 * @param submittedAt when it was submitted
 * @param reviewedAt  when it was reviewed ({@link Instant#EPOCH} while under review)
 */
public record PendingReplacement(List<MediaReplacement> items, AuditStatus status, Instant submittedAt, Instant reviewedAt) {
    /** an approved replacement is applied within this long. */
    public static final Duration APPLY_WITHIN = Duration.ofDays(7);

    public PendingReplacement {
        items = List.copyOf(items);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(submittedAt, "submittedAt");
        reviewedAt = reviewedAt == null ? Instant.EPOCH : reviewedAt;
    }

    /** The last moment the approved replacement may be applied. */
    public Instant applyDeadline() {
        return reviewedAt.plus(APPLY_WITHIN);
    }
}
