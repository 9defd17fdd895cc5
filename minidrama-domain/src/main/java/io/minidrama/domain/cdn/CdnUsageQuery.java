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
 * A {@code getcdnusagedata} query: a window within the last 365 days, at most 90 days long,
 * at 5-minute, hourly or daily granularity, for one {@link CdnQueryType}. Checked against a
 * {@link Clock} when created.
 */
public final class CdnUsageQuery {
    /** how far back data is kept. */
    public static final Duration MAX_AGE = Duration.ofDays(365);
    /** longest window. */
    public static final Duration MAX_SPAN = Duration.ofDays(90);

    private final TimeWindow window;
    private final DataInterval interval;
    private final CdnQueryType type;

    private CdnUsageQuery(TimeWindow window, DataInterval interval, CdnQueryType type) {
        this.window = window;
        this.interval = interval;
        this.type = type;
    }

    /**
     * A query over {@code window} at {@code interval} for all traffic ({@link CdnQueryType#ALL}).
     *
     * @throws InvalidRequestException listing every broken rule
     */
    public static CdnUsageQuery of(TimeWindow window, DataInterval interval, Clock clock) {
        return of(window, interval, CdnQueryType.ALL, clock);
    }

    /**
     * A query over {@code window} at {@code interval} for the traffic {@code type} names.
     *
     * @throws InvalidRequestException listing every broken rule
     */
    public static CdnUsageQuery of(TimeWindow window, DataInterval interval, CdnQueryType type, Clock clock) {
        Violations v = Violations.start();
        v.require(window, "start_time", Rule.R22);
        v.require(interval, "data_interval", Rule.R22);
        v.require(type, "query_type", Rule.R22);
        v.throwIfAny();
        // The window is at whole seconds (TimeWindow truncates); compare it with a whole-second now,
        // so a window of exactly the allowed age built from the same clock is not refused.
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        v.check(!window.start().isBefore(now.minus(MAX_AGE)), "start_time", Rule.R22, window.startEpochSecond(),
                "CDN usage is kept for 365 days: start_time must be after " + now.minus(MAX_AGE).getEpochSecond());
        v.check(!window.end().isAfter(now), "end_time", Rule.R22, window.endEpochSecond(),
                "end_time must not be in the future (now is " + now.getEpochSecond() + ")");
        v.check(window.span().compareTo(MAX_SPAN) <= 0, "end_time", Rule.R22, window.span().toDays() + " days",
                "a CDN usage window is at most 90 days long");
        v.throwIfAny();
        return new CdnUsageQuery(window, interval, type);
    }

    /** A daily-granularity query over {@code window}. */
    public static CdnUsageQuery daily(TimeWindow window, Clock clock) {
        return of(window, DataInterval.DAY, clock);
    }

    /** The window. */
    public TimeWindow window() {
        return window;
    }

    /** The granularity. */
    public DataInterval interval() {
        return interval;
    }

    /** Which traffic is counted. */
    public CdnQueryType type() {
        return type;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CdnUsageQuery q && window.equals(q.window) && interval == q.interval && type == q.type;
    }

    @Override
    public int hashCode() {
        return Objects.hash(window, interval, type);
    }

    @Override
    public String toString() {
        return "CdnUsageQuery[" + window.start() + " .. " + window.end() + ", " + interval.minutes() + " min, " + type + "]";
    }
}
