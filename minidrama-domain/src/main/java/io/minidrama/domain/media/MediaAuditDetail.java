package io.minidrama.domain.media;

import io.minidrama.domain.AuditStatus;
import io.minidrama.domain.MaterialId;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The audit of one episode ({@code audit_detail} of MediaInfo).
 *
 * @param status              the episode's audit status
 * @param createTime          when the audit was opened ({@link Instant#EPOCH} when not sent)
 * @param auditTime           when it finished ({@link Instant#EPOCH} when not sent)
 * @param reason              why it was rejected (empty otherwise)
 * @param evidenceMaterialIds screenshots supporting a rejection
 */
public record MediaAuditDetail(AuditStatus status, Instant createTime, Instant auditTime, String reason,
                               List<MaterialId> evidenceMaterialIds) {
    public MediaAuditDetail {
        Objects.requireNonNull(status, "status");
        createTime = createTime == null ? Instant.EPOCH : createTime;
        auditTime = auditTime == null ? Instant.EPOCH : auditTime;
        reason = reason == null ? "" : reason;
        evidenceMaterialIds = evidenceMaterialIds == null ? List.of() : List.copyOf(evidenceMaterialIds);
    }

    /** The detail of an episode nobody has audited yet. */
    public static MediaAuditDetail none() {
        return new MediaAuditDetail(AuditStatus.INVALID, Instant.EPOCH, Instant.EPOCH, "", List.of());
    }
}
