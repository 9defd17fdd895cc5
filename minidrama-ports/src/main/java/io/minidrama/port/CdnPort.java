package io.minidrama.port;

import io.minidrama.domain.cdn.CdnLogQuery;
import io.minidrama.domain.cdn.CdnLogs;
import io.minidrama.domain.cdn.CdnUsage;
import io.minidrama.domain.cdn.CdnUsageQuery;

/**
 * Reads CDN traffic ({@code getcdnusagedata}) and CDN log files ({@code getcdnlogs}).
 *
 * <p>Implementations MUST be thread-safe and MUST NOT accept {@code null}. Both are reads and safe
 * to retry. Log URLs live 24 hours and MUST NOT be persisted by callers.
 */
public interface CdnPort extends OperationPort {

    /** {@code getcdnlogs}: lists CDN log files. */
    Operation<CdnLogQuery, CdnLogs> GET_CDN_LOGS = Operation.vod("GET_CDN_LOGS", "getcdnlogs", true, (p, q) -> p.getCdnLogs(q));

    /** Traffic per interval over the query's window. */
    CdnUsage getCdnUsage(CdnUsageQuery query);

    /** Every log file over the query's window (several per hour when several domains served). */
    default CdnLogs getCdnLogs(CdnLogQuery query) {
        return execute(GET_CDN_LOGS, query);
    }
}
