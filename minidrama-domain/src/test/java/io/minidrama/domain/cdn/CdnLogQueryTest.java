package io.minidrama.domain.cdn;

import io.minidrama.domain.PageRequest;
import io.minidrama.domain.TimeWindow;
import io.minidrama.domain.error.Rule;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static io.minidrama.domain.RuleAssertions.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("R-23: CDN log window within the last 30 days, start < end")
class CdnLogQueryTest {
    private static final Instant NOW = Instant.parse("2025-03-01T08:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void of_whenStartExactly30DaysAgo_acceptsR23() {
        TimeWindow w = TimeWindow.of(NOW.minus(Duration.ofDays(30)), NOW);

        CdnLogQuery q = CdnLogQuery.of(w, CLOCK);

        assertEquals(w, q.window());
        assertEquals(PageRequest.first(), q.page());
    }

    @Test
    void of_whenStart30DaysAndOneSecondAgo_rejectsWithR23() {
        assertRejected(Rule.R23, "start_time", "kept for 30 days",
                () -> CdnLogQuery.of(TimeWindow.of(NOW.minus(Duration.ofDays(30)).minusSeconds(1), NOW), CLOCK));
    }

    @Test
    void of_whenEndInTheFuture_rejectsWithR23() {
        assertRejected(Rule.R23, "end_time", "must not be in the future",
                () -> CdnLogQuery.of(TimeWindow.of(NOW.minusSeconds(3600), NOW.plusSeconds(1)), CLOCK));
    }

    @Test
    void of_whenTheLast30DaysAtSubSecondNow_acceptsR23() {
        Instant now = NOW.plusMillis(750);

        CdnLogQuery q = CdnLogQuery.of(TimeWindow.of(now.minus(Duration.ofDays(30)), now), Clock.fixed(now, ZoneOffset.UTC));

        assertEquals(NOW.minus(Duration.ofDays(30)), q.window().start());
    }

    @Test
    void of_whenStartNotBeforeEnd_rejects() {
        assertRejected(Rule.NONE, "start_time", "before end_time", () -> TimeWindow.of(NOW, NOW.minusSeconds(1)));
    }

    @Test
    void of_whenPageGiven_keepsItAndWithPageChangesOnlyThePage() {
        TimeWindow w = TimeWindow.of(NOW.minus(Duration.ofDays(1)), NOW);

        CdnLogQuery q = CdnLogQuery.of(w, PageRequest.of(0, 50), CLOCK);
        CdnLogQuery next = q.withPage(q.page().next());

        assertEquals(PageRequest.of(50, 50), next.page());
        assertEquals(w, next.window());
    }

    @Test
    void of_whenPageMissing_rejectsWithR20() {
        assertRejected(Rule.R20, "limit", "required", () -> CdnLogQuery.of(TimeWindow.of(NOW.minusSeconds(60), NOW), null, CLOCK));
    }
}
