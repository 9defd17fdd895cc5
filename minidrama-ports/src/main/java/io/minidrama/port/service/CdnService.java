package io.minidrama.port.service;

import io.minidrama.domain.TimeWindow;
import io.minidrama.domain.cdn.CdnLogQuery;
import io.minidrama.domain.cdn.CdnLogs;
import io.minidrama.domain.cdn.CdnQueryType;
import io.minidrama.domain.cdn.CdnUsage;
import io.minidrama.domain.cdn.CdnUsageQuery;
import io.minidrama.domain.cdn.DataInterval;
import io.minidrama.port.CdnPort;

import java.time.Clock;
import java.util.Objects;

/** Use cases around CDN traffic: usage figures and log files. Thread-safe. */
public final class CdnService {
    private final CdnPort port;
    private final Clock clock;

    CdnService(CdnPort port, Clock clock) {
        this.port = Objects.requireNonNull(port, "port");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Traffic over {@code window} at {@code interval} (R-22 checked against the clock). */
    public CdnUsage usage(TimeWindow window, DataInterval interval) {
        return port.getCdnUsage(CdnUsageQuery.of(window, interval, clock));
    }

    /** Traffic for a prepared query. */
    public CdnUsage usage(CdnUsageQuery query) {
        return port.getCdnUsage(query);
    }

    /** Traffic of one kind over {@code window} at {@code interval} (R-22 checked against the clock). */
    public CdnUsage usage(TimeWindow window, DataInterval interval, CdnQueryType type) {
        return port.getCdnUsage(CdnUsageQuery.of(window, interval, type, clock));
    }

    /** Every log file over {@code window}, at most 48 hours (R-23 checked against the clock). */
    public CdnLogs logs(TimeWindow window) {
        return port.getCdnLogs(CdnLogQuery.of(window, clock));
    }

    /** Every log file of one kind of traffic over {@code window}, at most 48 hours. */
    public CdnLogs logs(TimeWindow window, CdnQueryType type) {
        return port.getCdnLogs(CdnLogQuery.of(window, type, clock));
    }

    /** Log files for a prepared query. */
    public CdnLogs logs(CdnLogQuery query) {
        return port.getCdnLogs(query);
    }
}
