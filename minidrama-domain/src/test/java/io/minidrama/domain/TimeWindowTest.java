package io.minidrama.domain;

import io.minidrama.domain.error.Rule;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.minidrama.domain.RuleAssertions.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimeWindowTest {
    private static final Instant T = Instant.parse("2025-03-01T08:00:00Z");

    @Test
    void of_whenStartEqualsEnd_rejects() {
        assertRejected(Rule.NONE, "start_time", "start_time must be before end_time", () -> TimeWindow.of(T, T));
    }

    @Test
    void of_whenStartAfterEnd_rejects() {
        assertRejected(Rule.NONE, "start_time", "before end_time", () -> TimeWindow.of(T.plusSeconds(1), T));
    }

    @Test
    void of_whenBoundsMissing_namesBoth() {
        var e = assertRejected(Rule.NONE, "start_time", "required", () -> TimeWindow.of(null, null));
        assertEquals(2, e.violations().size());
    }

    @Test
    void of_whenSubSecondBounds_truncatesToWholeSeconds() {
        TimeWindow w = TimeWindow.of(T.plusMillis(999), T.plusSeconds(10).plusMillis(1));

        assertEquals(T, w.start());
        assertEquals(Duration.ofSeconds(10), w.span());
        assertEquals(T.getEpochSecond(), w.startEpochSecond());
        assertEquals(T.getEpochSecond() + 10, w.endEpochSecond());
    }

    @Test
    void contains_isStartInclusiveEndExclusive() {
        TimeWindow w = TimeWindow.of(T, T.plusSeconds(60));

        assertTrue(w.contains(T));
        assertTrue(w.contains(T.plusSeconds(59)));
        assertFalse(w.contains(T.plusSeconds(60)));
        assertFalse(w.contains(T.minusSeconds(1)));
    }
}
