package io.minidrama.domain.drama;

import io.minidrama.domain.DramaId;
import io.minidrama.domain.error.Rule;
import io.minidrama.domain.event.AuditType;
import io.minidrama.domain.internal.Violations;

/**
 * A {@code getdramalatestauditinfo} query: the latest audit of a drama of one type.
 *
 * @param dramaId   the drama
 * @param auditType first submission, resubmission, replacement or info change
 */
public record LatestAuditQuery(DramaId dramaId, AuditType auditType) {
    public LatestAuditQuery {
        Violations v = Violations.start();
        v.require(dramaId, "drama_id", Rule.NONE);
        v.require(auditType, "audit_type", Rule.R29);
        v.throwIfAny();
    }
}
