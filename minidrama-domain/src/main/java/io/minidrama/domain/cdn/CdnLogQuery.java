package io.minidrama.domain.cdn;

import io.minidrama.domain.PageRequest;
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
 * A {@code getcdnlogs} query: a window within the last 30 days, paged.
 *
 * <p>Log URLs live 24 hours; there is one file per hour with traffic; an hour's log is complete
 * after about 3 hours; billed traffic is about 110 % of the traffic in the logs.
 */
public final class CdnLogQuery {
    /** how far back logs are kept. */
    public static final Duration MAX_AGE = Duration.ofDays(30);

    private final TimeWindow window;
    private final PageRequest page;

    private CdnLogQuery(TimeWindow window, PageRequest page) {
        this.window = window;
        this.page = page;
    }

    /**
     * A query over {@code window}, first page.
     *
     * @throws InvalidRequestException listing every broken rule
     */
    public static CdnLogQuery of(TimeWindow window, Clock clock) {
        return of(window, PageRequest.first(), clock);
    }

    /**
     * A query over {@code window} for {@code page}.
     *
     * @throws InvalidRequestException listing every broken rule
     */
    public static CdnLogQuery of(TimeWindow window, PageRequest page, Clock clock) {
        Violations v = Violations.start();
        v.require(window, "start_time", Rule.R23);
        v.require(page, "limit", Rule.R20);
        v.throwIfAny();
        // The window is at whole seconds (TimeWindow truncates); compare it with a whole-second now,
        // so a window of exactly the allowed age built from the same clock is not refused.
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        v.check(!window.start().isBefore(now.minus(MAX_AGE)), "start_time", Rule.R23, window.startEpochSecond(),
                "CDN logs are kept for 30 days: start_time must be after " + now.minus(MAX_AGE).getEpochSecond());
        v.check(!window.end().isAfter(now), "end_time", Rule.R23, window.endEpochSecond(),
                "end_time must not be in the future (now is " + now.getEpochSecond() + ")");
        v.throwIfAny();
        return new CdnLogQuery(window, page);
    }

    /** The window. */
    public TimeWindow window() {
        return window;
    }

    /** The page. */
    public PageRequest page() {
        return page;
    }

    /** This query for another page (the window was checked already). */
    public CdnLogQuery withPage(PageRequest page) {
        return new CdnLogQuery(window, Objects.requireNonNull(page, "page"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CdnLogQuery q && window.equals(q.window) && page.equals(q.page);
    }

    @Override
    public int hashCode() {
        return Objects.hash(window, page);
    }

    @Override
    public String toString() {
        return "CdnLogQuery[" + window.start() + " .. " + window.end() + ", " + page + "]";
    }
}
