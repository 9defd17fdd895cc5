package io.minidrama.port.service;

import io.minidrama.domain.TimeWindow;
import io.minidrama.domain.cdn.CdnLogQuery;
import io.minidrama.domain.cdn.CdnQueryType;
import io.minidrama.domain.cdn.CdnUsageQuery;
import io.minidrama.domain.cdn.DataInterval;
import io.minidrama.domain.error.Rule;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static io.minidrama.port.service.PortAssertions.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class CdnServiceTest {
    private static final Instant NOW = Instant.parse("2025-03-01T08:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final RecordingPlatform platform = new RecordingPlatform();
    private final MiniDrama md = MiniDrama.create(platform, CLOCK);
    private final CdnService service = md.cdn();

    private static TimeWindow lastDays(long days) {
        return TimeWindow.of(NOW.minus(Duration.ofDays(days)), NOW);
    }

    @Test
    void usage_whenWindowOf90Days_sendsTheQueryR22() {
        service.usage(lastDays(90), DataInterval.HOUR);

        CdnUsageQuery sent = platform.args("getcdnusagedata", CdnUsageQuery.class).get(0);
        assertEquals(lastDays(90), sent.window());
        assertEquals(DataInterval.HOUR, sent.interval());
    }

    @Test
    void usage_whenWindowOf91Days_rejectsWithR22AndSendsNothing() {
        assertRejected(Rule.R22, "end_time", "at most 90 days", () -> service.usage(lastDays(91), DataInterval.DAY));

        assertEquals(List.of(), platform.calls);
    }

    @Test
    void usage_whenStartOlderThan365Days_rejectsWithR22AndSendsNothing() {
        TimeWindow old = TimeWindow.of(NOW.minus(Duration.ofDays(366)), NOW.minus(Duration.ofDays(300)));

        assertRejected(Rule.R22, "start_time", "kept for 365 days", () -> service.usage(old, DataInterval.DAY));

        assertEquals(List.of(), platform.calls);
    }

    @Test
    void usage_whenClockIsLater_theSameWindowIsJudgedAgainstTheNewNow() {
        TimeWindow w = TimeWindow.of(NOW.minus(Duration.ofDays(300)), NOW.minus(Duration.ofDays(299)));
        CdnService later = MiniDrama.create(platform, Clock.offset(CLOCK, Duration.ofDays(70))).cdn();

        service.usage(w, DataInterval.DAY);
        assertRejected(Rule.R22, "start_time", "365 days", () -> later.usage(w, DataInterval.DAY));

        assertEquals(List.of("getcdnusagedata"), platform.ops());
    }

    @Test
    void logs_whenWindowOf48Hours_sendsTheQueryWithItsTypeR23() {
        TimeWindow w = TimeWindow.of(NOW.minus(Duration.ofHours(48)), NOW);

        service.logs(w, CdnQueryType.GENERAL);

        CdnLogQuery sent = platform.args("getcdnlogs", CdnLogQuery.class).get(0);
        assertEquals(w, sent.window());
        assertEquals(CdnQueryType.GENERAL, sent.type());
    }

    @Test
    void logs_whenWindowLongerThan48Hours_rejectsWithR23AndSendsNothing() {
        assertRejected(Rule.R23, "end_time", "at most 48 hours", () -> service.logs(lastDays(3)));

        assertEquals(List.of(), platform.calls);
    }

    @Test
    void usage_whenQueryTypeGiven_sendsIt() {
        service.usage(lastDays(2), DataInterval.HOUR, CdnQueryType.PLAYER_DIRECTED);

        assertEquals(CdnQueryType.PLAYER_DIRECTED, platform.args("getcdnusagedata", CdnUsageQuery.class).get(0).type());
    }

    @Test
    void logs_whenWindowReaches31DaysBack_rejectsWithR23AndSendsNothing() {
        Instant start = NOW.minus(Duration.ofDays(31));
        assertRejected(Rule.R23, "start_time", "kept for 30 days", () -> service.logs(TimeWindow.of(start, start.plus(Duration.ofHours(1)))));

        assertEquals(List.of(), platform.calls);
    }

    @Test
    void logs_whenEndInTheFuture_rejectsWithR23AndSendsNothing() {
        TimeWindow future = TimeWindow.of(NOW.minusSeconds(60), NOW.plusSeconds(60));

        assertRejected(Rule.R23, "end_time", "must not be in the future", () -> service.logs(future));

        assertEquals(List.of(), platform.calls);
    }

    @Test
    void preparedQueries_areSentAsIs() {
        CdnUsageQuery usage = CdnUsageQuery.daily(lastDays(7), CLOCK);
        CdnLogQuery logs = CdnLogQuery.of(lastDays(2), CLOCK);

        service.usage(usage);
        service.logs(logs);

        assertSame(usage, platform.args("getcdnusagedata", CdnUsageQuery.class).get(0));
        assertSame(logs, platform.args("getcdnlogs", CdnLogQuery.class).get(0));
    }

    @Test
    void facade_exposesThePlatformAndTheClock() {
        assertSame(platform, md.platform());
        assertSame(CLOCK, md.clock());
        assertSame(CLOCK, md.media().clock());
    }
}
