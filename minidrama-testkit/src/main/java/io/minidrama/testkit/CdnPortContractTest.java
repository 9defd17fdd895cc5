package io.minidrama.testkit;

import io.minidrama.domain.MediaId;
import io.minidrama.domain.TimeWindow;
import io.minidrama.domain.cdn.CdnLogQuery;
import io.minidrama.domain.cdn.CdnLogs;
import io.minidrama.domain.cdn.CdnQueryType;
import io.minidrama.domain.cdn.CdnUsage;
import io.minidrama.domain.cdn.CdnUsageQuery;
import io.minidrama.domain.cdn.DataInterval;
import io.minidrama.domain.drama.ExpediteQuota;
import io.minidrama.domain.media.PlayLink;
import io.minidrama.domain.media.PlayLinkRequest;
import io.minidrama.port.MiniDramaPlatform;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static io.minidrama.testkit.MiniDramaFixtures.aDrama;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract of {@link io.minidrama.port.CdnPort}: usage has one point per
 * interval (5, 60 or 1440 minutes, days counted in China time) over the window, zero without
 * traffic, and counts the bytes players fetched through play links in their interval (billed,
 * about 110 % of the log traffic); logs list one file per hour and serving domain with traffic
 * (so an hour may have several), once the hour is over, with date, name, a temporary URL and the
 * hour covered, all of the window at once with the total count. Both count only the traffic their
 * {@link CdnQueryType} names (general playback, the drama player's directed traffic, or both).
 *
 * <p>The subject is the whole platform: traffic comes from play links of an approved drama,
 * fetched through {@link PlatformControl#play}. Extend it and implement {@link #createSubject()}.
 */
public abstract class CdnPortContractTest extends PlatformContract<MiniDramaPlatform> {
    private PlayLink approvedLink() {
        MediaId ep = port.uploadSingle(MiniDramaFixtures.anEpisode(1).video(
                io.minidrama.domain.media.ByteSource.ofBytes(MiniDramaFixtures.bytes(100_000, 5), "ep1.mp4")).build());
        control.approveDrama(port.submit(aDrama(List.of(ep)).build()));
        return port.getPlayLink(PlayLinkRequest.builder(ep).expiresIn(Duration.ofHours(2)).build(control.clock()));
    }

    private Instant hourNow() {
        return control.now().truncatedTo(ChronoUnit.HOURS);
    }

    @Test
    void usage_withoutTraffic_hasAZeroPointForEveryInterval() {
        Instant end = hourNow();

        CdnUsage u = port.getCdnUsage(CdnUsageQuery.of(TimeWindow.of(end.minus(Duration.ofHours(24)), end), DataInterval.HOUR, control.clock()));

        assertEquals(DataInterval.HOUR, u.interval());
        assertEquals(24, u.points().size());
        assertEquals(0, u.total());
        for (int i = 1; i < u.points().size(); i++) {
            assertEquals(3600, u.points().get(i).time().getEpochSecond() - u.points().get(i - 1).time().getEpochSecond());
        }
    }

    @Test
    void usage_atEachInterval_hasOnePointPerInterval() {
        Instant end = hourNow();
        Instant midnight = control.now().atZone(ExpediteQuota.PLATFORM_ZONE).truncatedTo(ChronoUnit.DAYS).toInstant();

        assertEquals(12, port.getCdnUsage(CdnUsageQuery.of(TimeWindow.of(end.minus(Duration.ofHours(1)), end),
                DataInterval.FIVE_MINUTES, control.clock())).points().size());
        assertEquals(3, port.getCdnUsage(CdnUsageQuery.of(TimeWindow.of(end.minus(Duration.ofHours(3)), end),
                DataInterval.HOUR, control.clock())).points().size());
        assertEquals(3, port.getCdnUsage(CdnUsageQuery.of(TimeWindow.of(midnight.minus(Duration.ofDays(3)), midnight),
                DataInterval.DAY, control.clock())).points().size());
    }

    @Test
    void usage_afterPlayback_countsTheBytesInTheirInterval() {
        PlayLink link = approvedLink();
        Instant played = control.now();
        assertEquals(40_000, control.play(link.mp4Url(), "10.0.0.1", "", 40_000).bytesServed());
        control.advance(Duration.ofHours(1));
        Instant end = hourNow();

        CdnUsage u = port.getCdnUsage(CdnUsageQuery.of(TimeWindow.of(end.minus(Duration.ofHours(3)), end),
                DataInterval.FIVE_MINUTES, control.clock()));

        assertTrue(u.total() >= 40_000 && u.total() <= 44_000, "billed traffic is 100..110 % of the bytes served: " + u.total());
        List<CdnUsage.Point> busy = u.points().stream().filter(p -> p.value() > 0).toList();
        assertEquals(1, busy.size());
        Instant t = busy.get(0).time();
        assertTrue(!played.isBefore(t) && played.isBefore(t.plus(Duration.ofMinutes(5))), "counted in its 5-minute interval");
    }

    @Test
    void logs_listOneFilePerHourWithTrafficOnceTheHourIsOver() {
        PlayLink link = approvedLink();
        Instant firstHour = hourNow();
        control.play(link.mp4Url(), "10.0.0.1", "", 1000);
        control.play(link.mp4Url(), "10.0.0.2", "", 1000);
        control.advance(Duration.ofMinutes(61));
        Instant secondHour = hourNow();
        control.play(link.mp4Url(), "10.0.0.1", "", 1000);
        control.advance(Duration.ofSeconds(1));
        Instant from = firstHour.minus(Duration.ofHours(1));

        CdnLogs whileOpen = port.getCdnLogs(CdnLogQuery.of(TimeWindow.of(from, control.now()), control.clock()));
        control.advance(Duration.ofHours(2));
        CdnLogs later = port.getCdnLogs(CdnLogQuery.of(TimeWindow.of(from, control.now()), control.clock()));

        assertEquals(1, whileOpen.totalCount(), "the current hour's log is not out yet");
        assertEquals(2, later.totalCount());
        assertEquals(List.of(firstHour, secondHour), later.files().stream().map(CdnLogs.LogFile::startTime).toList());
        for (CdnLogs.LogFile f : later.files()) {
            assertEquals(f.startTime().plus(Duration.ofHours(1)), f.endTime());
            assertEquals(LocalDate.ofInstant(f.startTime(), ExpediteQuota.PLATFORM_ZONE), f.date());
            assertFalse(f.name().isEmpty());
            assertFalse(f.url().isEmpty());
        }
    }

    @Test
    void logs_whenTwoDomainsServedAnHour_listTwoFilesForThatHour() {
        PlayLink link = approvedLink();
        Instant hour = hourNow();
        control.play(link.mp4Url(), "10.0.0.1", "", 1000);
        control.play(link.hlsUrl(), "10.0.0.2", "", 1000);
        control.advance(Duration.ofHours(1));
        control.play(link.mp4Url(), "10.0.0.1", "", 1000);
        control.advance(Duration.ofHours(1));

        CdnLogs logs = port.getCdnLogs(CdnLogQuery.of(TimeWindow.of(hour, control.now()), control.clock()));

        assertEquals(3, logs.totalCount());
        assertEquals(List.of(hour, hour, hour.plus(Duration.ofHours(1))), logs.files().stream().map(CdnLogs.LogFile::startTime).toList());
        assertNotEquals(logs.files().get(0).name(), logs.files().get(1).name(), "one file per serving domain");
        assertNotEquals(logs.files().get(0).url(), logs.files().get(1).url());
    }

    @Test
    void logsAndUsage_countOnlyTheTrafficTheirQueryTypeNames() {
        PlayLink link = approvedLink();
        Instant hour = hourNow();
        control.play(link.mp4Url(), "10.0.0.1", "", 1000);
        control.play(link.mp4Url(), "10.0.0.2", "", 3000, true);
        control.advance(Duration.ofHours(1));
        TimeWindow window = TimeWindow.of(hour, control.now().truncatedTo(ChronoUnit.HOURS));

        long all = port.getCdnUsage(CdnUsageQuery.of(window, DataInterval.HOUR, CdnQueryType.ALL, control.clock())).total();
        long general = port.getCdnUsage(CdnUsageQuery.of(window, DataInterval.HOUR, CdnQueryType.GENERAL, control.clock())).total();
        long directed = port.getCdnUsage(CdnUsageQuery.of(window, DataInterval.HOUR, CdnQueryType.PLAYER_DIRECTED, control.clock())).total();

        assertEquals(all, general + directed);
        assertTrue(general >= 1000 && general <= 1100, "general: " + general);
        assertTrue(directed >= 3000 && directed <= 3300, "directed: " + directed);
        assertEquals(1, port.getCdnLogs(CdnLogQuery.of(window, CdnQueryType.PLAYER_DIRECTED, control.clock())).files().size());
        assertEquals(1, port.getCdnLogs(CdnLogQuery.of(window, CdnQueryType.GENERAL, control.clock())).files().size());
        assertEquals(0, port.getCdnLogs(CdnLogQuery.of(TimeWindow.of(hour.minus(Duration.ofHours(2)), hour), CdnQueryType.PLAYER_DIRECTED,
                control.clock())).files().size());
    }
}
