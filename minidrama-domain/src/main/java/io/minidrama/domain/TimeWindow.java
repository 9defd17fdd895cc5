package io.minidrama.domain;

import io.minidrama.domain.internal.Violations;
import io.minidrama.domain.error.Rule;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A half-open time window {@code [start, end)} at whole-second precision, as the platform's
 * {@code start_time} / {@code end_time} pairs. Start must be before end.
 *
 * @param start inclusive start
 * @param end   exclusive end
 */
public record TimeWindow(Instant start, Instant end) {
    public TimeWindow {
        Violations v = Violations.start();
        v.require(start, "start_time", Rule.NONE);
        v.require(end, "end_time", Rule.NONE);
        v.throwIfAny();
        start = start.truncatedTo(ChronoUnit.SECONDS);
        end = end.truncatedTo(ChronoUnit.SECONDS);
        v.check(start.isBefore(end), "start_time", Rule.NONE, start, "start_time must be before end_time (" + end + ")");
        v.throwIfAny();
    }

    /** The window from {@code start} to {@code end}. */
    public static TimeWindow of(Instant start, Instant end) {
        return new TimeWindow(start, end);
    }

    /** The window's length. */
    public Duration span() {
        return Duration.between(start, end);
    }

    /** Whether {@code t} lies in {@code [start, end)}. */
    public boolean contains(Instant t) {
        return !t.isBefore(start) && t.isBefore(end);
    }

    /** Start as Unix seconds. */
    public long startEpochSecond() {
        return start.getEpochSecond();
    }

    /** End as Unix seconds. */
    public long endEpochSecond() {
        return end.getEpochSecond();
    }
}
