package io.minidrama.domain.event;

import io.minidrama.domain.AuditStatus;
import io.minidrama.domain.DramaId;

import java.time.Instant;
import java.util.Objects;

/**
 * {@code secvod_audit_event}: an audit of a drama finished (or changed state).
 *
 * @param envelope   the message envelope
 * @param dramaId    the drama
 * @param status     the audit status now
 * @param auditType  what was audited
 * @param createTime when the submission was made
 * @param auditTime  when the audit finished ({@link Instant#EPOCH} if not sent)
 */
public record AuditEvent(Envelope envelope, DramaId dramaId, AuditStatus status, AuditType auditType,
                         Instant createTime, Instant auditTime) implements PushEvent {
    /** The {@code Event} value of this type. */
    public static final String TYPE = "secvod_audit_event";

    public AuditEvent {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(dramaId, "dramaId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(auditType, "auditType");
        createTime = createTime == null ? Instant.EPOCH : createTime;
        auditTime = auditTime == null ? Instant.EPOCH : auditTime;
    }
}
