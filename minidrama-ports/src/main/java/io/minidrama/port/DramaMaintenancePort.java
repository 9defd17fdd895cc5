package io.minidrama.port;

import io.minidrama.domain.drama.DramaAuditDetail;
import io.minidrama.domain.drama.DramaInfoChange;
import io.minidrama.domain.drama.LatestAuditQuery;
import io.minidrama.domain.drama.ReplacementApplication;
import io.minidrama.domain.drama.ReplacementRequest;

/**
 * Keeps an approved drama alive: episode replacement ({@code submitreplacedramamedias} then
 * {@code replacedramamedia}), information changes ({@code modifydramabasicinfo}) and the audit
 * history ({@code getdramalatestauditinfo}).
 *
 * <p>Implementations MUST be thread-safe and MUST NOT accept {@code null}. Errors surface as
 * {@link io.minidrama.domain.error.PlatformException} (for example a drama that is not approved)
 * or {@link io.minidrama.domain.error.TransportException}. Submissions SHOULD NOT be retried
 * blindly after an ambiguous failure; the audit query is a read.
 *
 * <p>The audit query is a typed {@link Operation}: {@link #latestAudit} is a {@code default} method
 * calling {@link #execute(Operation, Object)} with {@link #GET_DRAMA_LATEST_AUDIT_INFO}.
 */
public interface DramaMaintenancePort extends OperationPort {

    /** {@code getdramalatestauditinfo}: reads a drama's latest review of one kind. */
    Operation<LatestAuditQuery, DramaAuditDetail> GET_DRAMA_LATEST_AUDIT_INFO = Operation.vod("GET_DRAMA_LATEST_AUDIT_INFO",
            "getdramalatestauditinfo", true, (p, q) -> p.latestAudit(q));

    /** Submits episode replacements for review; an audit event with audit type 2 follows. */
    void submitReplacement(ReplacementRequest request);

    /**
     * Applies one approved replacement (within 7 days of approval). Shortly after approval the
     * platform may still answer that the replacement is not approved: retry after a few minutes.
     */
    void applyReplacement(ReplacementApplication request);

    /** Submits an information change for review; an audit event with audit type 3 follows. */
    void modifyInfo(DramaInfoChange change);

    /** The latest audit of the given type. */
    default DramaAuditDetail latestAudit(LatestAuditQuery query) {
        return execute(GET_DRAMA_LATEST_AUDIT_INFO, query);
    }
}
