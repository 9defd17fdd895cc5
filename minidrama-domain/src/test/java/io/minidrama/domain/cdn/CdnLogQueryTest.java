package io.minidrama.domain.cdn;

import io.minidrama.domain.TimeWindow;
import io.minidrama.domain.error.Rule;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static io.minidrama.domain.RuleAssertions.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("R-23: CDN log window within the last 30 days, start < end, at most 48 hours")
class CdnLogQueryTest {
    private static final Instant NOW = Instant.parse("2025-03-01T08:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void of_whenStartExactly30DaysAgo_acceptsR23() {
        TimeWindow w = TimeWindow.of(NOW.minus(Duration.ofDays(30)), NOW.minus(Duration.ofDays(29)));

        CdnLogQuery q = CdnLogQuery.of(w, CLOCK);

        assertEquals(w, q.window());
        assertEquals(CdnQueryType.ALL, q.type());
    }

    @Test
    void of_whenStart30DaysAndOneSecondAgo_rejectsWithR23() {
        Instant start = NOW.minus(Duration.ofDays(30)).minusSeconds(1);
        assertRejected(Rule.R23, "start_time", "kept for 30 days",
                () -> CdnLogQuery.of(TimeWindow.of(start, start.plus(Duration.ofHours(1))), CLOCK));
    }

    @Test
    void of_whenExactly48Hours_acceptsR23() {
        TimeWindow w = TimeWindow.of(NOW.minus(Duration.ofHours(48)), NOW);

        assertEquals(w, CdnLogQuery.of(w, CLOCK).window());
    }

    @Test
    void of_when48HoursAndOneSecond_rejectsWithR23NamingEndTimeAndItsValue() {
        TimeWindow w = TimeWindow.of(NOW.minus(Duration.ofHours(48)).minusSeconds(1), NOW);

        var e = assertRejected(Rule.R23, "end_time", "at most 48 hours", () -> CdnLogQuery.of(w, CLOCK));

        assertEquals(String.valueOf(NOW.getEpochSecond()), e.violations().get(0).rejected());
        assertTrue(e.violations().get(0).message().contains("172801"), e.violations().get(0).message());
    }

    @Test
    void of_whenTooLongAndTooOld_listsBothViolationsR23() {
        Instant start = NOW.minus(Duration.ofDays(40));
        var e = assertRejected(Rule.R23, "start_time", "kept for 30 days",
                () -> CdnLogQuery.of(TimeWindow.of(start, start.plus(Duration.ofDays(3))), CLOCK));

        assertEquals(2, e.violations().size());
        assertEquals("end_time", e.violations().get(1).field());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(CdnQueryType.class)
    void of_whenQueryTypeGiven_keepsIt(CdnQueryType type) {
        assertEquals(type, CdnLogQuery.of(TimeWindow.of(NOW.minusSeconds(3600), NOW), type, CLOCK).type());
    }

    @Test
    void queryType_codesAreThePlatforms() {
        assertEquals(0, CdnQueryType.ALL.code());
        assertEquals(1, CdnQueryType.PLAYER_DIRECTED.code());
        assertEquals(2, CdnQueryType.GENERAL.code());
        assertEquals(CdnQueryType.GENERAL, CdnQueryType.of(2, Rule.R23));
        assertRejected(Rule.R23, "query_type", "0 (general and player-directed)", () -> CdnQueryType.of(3, Rule.R23));
    }

    @Test
    void of_whenEndInTheFuture_rejectsWithR23() {
        assertRejected(Rule.R23, "end_time", "must not be in the future",
                () -> CdnLogQuery.of(TimeWindow.of(NOW.minusSeconds(3600), NOW.plusSeconds(1)), CLOCK));
    }

    @Test
    void of_whenTheLast30DaysAtSubSecondNow_acceptsR23() {
        Instant now = NOW.plusMillis(750);

        CdnLogQuery q = CdnLogQuery.of(TimeWindow.of(now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(29))),
                Clock.fixed(now, ZoneOffset.UTC));

        assertEquals(NOW.minus(Duration.ofDays(30)), q.window().start());
    }

    @Test
    void of_whenStartNotBeforeEnd_rejects() {
        assertRejected(Rule.NONE, "start_time", "before end_time", () -> TimeWindow.of(NOW, NOW.minusSeconds(1)));
    }

    @Test
    void of_whenQueryTypeMissing_rejectsWithR23() {
        assertRejected(Rule.R23, "query_type", "required", () -> CdnLogQuery.of(TimeWindow.of(NOW.minusSeconds(60), NOW), null, CLOCK));
    }
}
