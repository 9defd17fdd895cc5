package io.minidrama.domain.drama;

import io.minidrama.domain.AuditStatus;

import java.time.Instant;
import java.util.Objects;

/**
 * The latest audit of a drama ({@code audit_detail} of DramaInfo).
 *
 * @param status     the audit status
 * @param createTime when the submission was made ({@link Instant#EPOCH} when not sent)
 * @param auditTime  when the audit finished ({@link Instant#EPOCH} while under review)
 */
public record DramaAuditDetail(AuditStatus status, Instant createTime, Instant auditTime) {
    public DramaAuditDetail {
        Objects.requireNonNull(status, "status");
        createTime = createTime == null ? Instant.EPOCH : createTime;
        auditTime = auditTime == null ? Instant.EPOCH : auditTime;
    }
}
