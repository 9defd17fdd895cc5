package io.minidrama.domain.drama;

import io.minidrama.domain.AuditStatus;

import java.time.Instant;
import java.util.Objects;

/**
 * An information change and its review: it takes effect only once approved.
 *
 * @param change      the change
 * @param status      its audit status
 * @param submittedAt when it was submitted
 * @param reviewedAt  when it was reviewed ({@link Instant#EPOCH} while under review)
 */
public record PendingInfoChange(DramaInfoChange change, AuditStatus status, Instant submittedAt, Instant reviewedAt) {
    public PendingInfoChange {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(submittedAt, "submittedAt");
        reviewedAt = reviewedAt == null ? Instant.EPOCH : reviewedAt;
    }
}
