package io.minidrama.domain.cdn;

import io.minidrama.domain.TimeWindow;
import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;
import io.minidrama.domain.internal.Violations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A {@code getcdnlogs} query: a window within the last 30 days, at most 48 hours long, for
 * one {@link CdnQueryType}. The platform answers every file of the window at once: paging
 * ({@code limit}/{@code offset}) was retired on 2024-03-29 and is not sent.
 *
 * <p>Log URLs live 24 hours; an hour has zero or more files (one per serving domain); an hour's
 * log is complete after about 3 hours; billed traffic is about 110 % of the traffic in the logs.
 */
public final class CdnLogQuery {
    /** how far back logs are kept. */
    public static final Duration MAX_AGE = Duration.ofDays(30);
    /** longest window of one query. */
    public static final Duration MAX_SPAN = Duration.ofHours(48);

    private final TimeWindow window;
    private final CdnQueryType type;

    private CdnLogQuery(TimeWindow window, CdnQueryType type) {
        this.window = window;
        this.type = type;
    }

    /**
     * A query over {@code window} for all traffic ({@link CdnQueryType#ALL}).
     *
     * @throws InvalidRequestException listing every broken rule
     */
    public static CdnLogQuery of(TimeWindow window, Clock clock) {
        return of(window, CdnQueryType.ALL, clock);
    }

    /**
     * A query over {@code window} for the traffic {@code type} names.
     *
     * @throws InvalidRequestException listing every broken rule
     */
    public static CdnLogQuery of(TimeWindow window, CdnQueryType type, Clock clock) {
        Violations v = Violations.start();
        v.require(window, "start_time", Rule.R23);
        v.require(type, "query_type", Rule.R23);
        v.throwIfAny();
        // The window is at whole seconds (TimeWindow truncates); compare it with a whole-second now,
        // so a window of exactly the allowed age built from the same clock is not refused.
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        v.check(!window.start().isBefore(now.minus(MAX_AGE)), "start_time", Rule.R23, window.startEpochSecond(),
                "CDN logs are kept for 30 days: start_time must be after " + now.minus(MAX_AGE).getEpochSecond());
        v.check(!window.end().isAfter(now), "end_time", Rule.R23, window.endEpochSecond(),
                "end_time must not be in the future (now is " + now.getEpochSecond() + ")");
        v.check(window.span().compareTo(MAX_SPAN) <= 0, "end_time", Rule.R23, window.endEpochSecond(),
                "a CDN log query covers at most 48 hours (end_time - start_time <= 172800 s), this window is "
                        + window.span().toSeconds() + " s: split it into windows of 48 hours or less");
        v.throwIfAny();
        return new CdnLogQuery(window, type);
    }

    /** The window. */
    public TimeWindow window() {
        return window;
    }

    /** Which traffic the logs cover. */
    public CdnQueryType type() {
        return type;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CdnLogQuery q && window.equals(q.window) && type == q.type;
    }

    @Override
    public int hashCode() {
        return Objects.hash(window, type);
    }

    @Override
    public String toString() {
        return "CdnLogQuery[" + window.start() + " .. " + window.end() + ", " + type + "]";
    }
}
