package io.minidrama.domain.cdn;

import io.minidrama.domain.TimeWindow;
import io.minidrama.domain.error.Rule;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static io.minidrama.domain.RuleAssertions.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

@DisplayName("R-22: CDN usage window in the last 365 days, span <= 90 days, interval 5/60/1440")
class CdnUsageQueryTest {
    private static final Instant NOW = Instant.parse("2025-03-01T08:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static TimeWindow window(Duration startAgo, Duration endAgo) {
        return TimeWindow.of(NOW.minus(startAgo), NOW.minus(endAgo));
    }

    @Test
    void of_whenStartExactly365DaysAgo_acceptsR22() {
        TimeWindow w = window(Duration.ofDays(365), Duration.ofDays(300));

        assertEquals(w, CdnUsageQuery.of(w, DataInterval.DAY, CLOCK).window());
    }

    @Test
    void of_whenStart365DaysAndOneSecondAgo_rejectsWithR22() {
        assertRejected(Rule.R22, "start_time", "kept for 365 days",
                () -> CdnUsageQuery.of(window(Duration.ofDays(365).plusSeconds(1), Duration.ofDays(300)), DataInterval.DAY, CLOCK));
    }

    @Test
    void of_whenSpanExactly90Days_acceptsR22() {
        assertEquals(Duration.ofDays(90),
                CdnUsageQuery.of(window(Duration.ofDays(90), Duration.ZERO), DataInterval.HOUR, CLOCK).window().span());
    }

    @Test
    void of_whenSpan90DaysAndOneSecond_rejectsWithR22() {
        assertRejected(Rule.R22, "end_time", "at most 90 days long",
                () -> CdnUsageQuery.of(window(Duration.ofDays(90).plusSeconds(1), Duration.ZERO), DataInterval.DAY, CLOCK));
    }

    @Test
    void of_whenEndInTheFuture_rejectsWithR22() {
        assertRejected(Rule.R22, "end_time", "must not be in the future",
                () -> CdnUsageQuery.of(TimeWindow.of(NOW.minusSeconds(60), NOW.plusSeconds(1)), DataInterval.DAY, CLOCK));
    }

    @Test
    void of_whenStartIs365DaysBeforeASubSecondNow_acceptsR22() {
        Instant now = NOW.plusMillis(500);
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);

        CdnUsageQuery q = CdnUsageQuery.of(TimeWindow.of(now.minus(Duration.ofDays(365)), now.minus(Duration.ofDays(300))),
                DataInterval.DAY, clock);

        assertEquals(NOW.minus(Duration.ofDays(365)), q.window().start());
    }

    @Test
    void of_whenIntervalMissing_rejectsWithR22() {
        assertRejected(Rule.R22, "data_interval", "required", () -> CdnUsageQuery.of(window(Duration.ofDays(1), Duration.ZERO), null, CLOCK));
    }

    @Test
    void daily_usesThe1440MinuteInterval() {
        assertEquals(DataInterval.DAY, CdnUsageQuery.daily(window(Duration.ofDays(1), Duration.ZERO), CLOCK).interval());
    }

    @ParameterizedTest(name = "{0} min")
    @CsvSource({"5, FIVE_MINUTES", "60, HOUR", "1440, DAY"})
    void ofMinutes_when5Or60Or1440_mapsR22(int minutes, DataInterval expected) {
        assertEquals(expected, DataInterval.ofMinutes(minutes));
        assertEquals(Duration.ofMinutes(minutes), expected.duration());
    }

    @ParameterizedTest(name = "{0} min")
    @ValueSource(ints = {0, 1, 10, 15, 30, 59, 61, 120, 1439, 1441, -5})
    void ofMinutes_whenOtherInterval_rejectsWithR22(int minutes) {
        assertRejected(Rule.R22, "data_interval", "5, 60 or 1440", () -> DataInterval.ofMinutes(minutes));
    }

    @Test
    void of_withoutQueryType_countsAllTraffic() {
        assertEquals(CdnQueryType.ALL, CdnUsageQuery.of(window(Duration.ofDays(2), Duration.ofDays(1)), DataInterval.HOUR, CLOCK).type());
    }

    @Test
    void of_whenQueryTypeGiven_keepsItAndItTakesPartInEquality() {
        TimeWindow w = window(Duration.ofDays(2), Duration.ofDays(1));

        CdnUsageQuery directed = CdnUsageQuery.of(w, DataInterval.HOUR, CdnQueryType.PLAYER_DIRECTED, CLOCK);

        assertEquals(CdnQueryType.PLAYER_DIRECTED, directed.type());
        assertNotEquals(CdnUsageQuery.of(w, DataInterval.HOUR, CLOCK), directed);
    }

    @Test
    void of_whenQueryTypeMissing_rejectsWithR22() {
        assertRejected(Rule.R22, "query_type", "required",
                () -> CdnUsageQuery.of(window(Duration.ofDays(2), Duration.ofDays(1)), DataInterval.HOUR, null, CLOCK));
    }
}
