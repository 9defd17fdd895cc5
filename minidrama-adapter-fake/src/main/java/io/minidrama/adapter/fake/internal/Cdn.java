package io.minidrama.adapter.fake.internal;

import io.minidrama.adapter.fake.Playback;
import io.minidrama.adapter.fake.internal.Records.LinkRec;
import io.minidrama.adapter.fake.internal.Records.MediaRec;
import io.minidrama.adapter.fake.internal.Records.Traffic;
import io.minidrama.domain.cdn.CdnLogQuery;
import io.minidrama.domain.cdn.CdnLogs;
import io.minidrama.domain.cdn.CdnUsage;
import io.minidrama.domain.cdn.CdnUsageQuery;
import io.minidrama.domain.cdn.DataInterval;
import io.minidrama.domain.drama.ExpediteQuota;
import io.minidrama.port.CdnPort;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The CDN: serving a play link ({@link #play}, which keeps the link's R-11 limits and records the
 * traffic), usage ({@code getcdnusagedata}) and logs ({@code getcdnlogs}) derived from that
 * traffic.
 */
final class Cdn {
    /** The serving domains whose logs are separate files (R-23: one file per hour and domain). */
    static final String MP4_DOMAIN = "mp4.vod.fake";
    static final String HLS_DOMAIN = "hls.vod.fake";
    private static final DateTimeFormatter LOG_HOUR = DateTimeFormatter.ofPattern("yyyyMMddHH").withZone(ExpediteQuota.PLATFORM_ZONE);

    private final Core core;

    Cdn(Core core) {
        this.core = core;
    }

    /** A viewer at {@code clientIp} asks for {@code bytes} of {@code url}, a play link's URL. */
    Playback play(String url, String clientIp, String referer, long bytes, boolean playerDirected) {
        return core.locked(out -> {
            int at = url.indexOf("/play/");
            String token = at < 0 ? "" : url.substring(at + 6).replaceAll("[.?].*$", "");
            LinkRec l = core.links.get(token);
            if (l == null) {
                return Playback.refused("unknown-link");
            }
            MediaRec m = core.media.get(l.mediaId);
            if (m == null) {
                return Playback.refused("media-deleted");
            }
            Instant now = core.clock.instant();
            if (!now.isBefore(l.expiry)) {
                return Playback.refused("expired");
            }
            if (m.replacedAt != null && !m.stillPlayable(now)) {
                return Playback.refused("replaced");
            }
            String ref = referer.replaceFirst("^[A-Za-z][A-Za-z0-9+.-]*://", "");
            if (!l.whref.isEmpty() && l.whref.stream().noneMatch(d -> refererMatches(d, ref))) {
                return Playback.refused("whref");
            }
            if (l.bkref.stream().anyMatch(d -> refererMatches(d, ref))) {
                return Playback.refused("bkref");
            }
            if (l.rlimit > 0 && !l.ips.contains(clientIp) && l.ips.size() >= l.rlimit) {
                return Playback.refused("rlimit");
            }
            l.ips.add(clientIp);
            long served = Math.min(bytes, m.size);
            long seconds = m.duration().toSeconds();
            if (l.preview > 0 && seconds > 0 && l.preview < seconds) {
                served = Math.min(served, m.size * l.preview / seconds);
            }
            core.traffic.add(new Traffic(now, served, url.contains(".m3u8") ? HLS_DOMAIN : MP4_DOMAIN, playerDirected));
            return Playback.served(served);
        });
    }

    /** prefix match on the referer without scheme; {@code *.abc.com} matches any sub-domain. */
    private static boolean refererMatches(String domain, String refererWithoutScheme) {
        if (refererWithoutScheme.isEmpty()) {
            return false;
        }
        String lower = refererWithoutScheme.toLowerCase(Locale.ROOT);
        String d = domain.toLowerCase(Locale.ROOT);
        if (d.startsWith("*.")) {
            String host = lower.split("[/:]", 2)[0];
            return host.endsWith(d.substring(1));
        }
        return lower.startsWith(d);
    }

    CdnUsage getCdnUsage(CdnUsageQuery q) {
        return core.locked(out -> {
            DataInterval interval = q.interval();
            long step = interval.duration().toSeconds();
            Instant start = q.window().start();
            Instant first = interval == DataInterval.DAY
                    ? start.atZone(ExpediteQuota.PLATFORM_ZONE).truncatedTo(ChronoUnit.DAYS).toInstant()
                    : Instant.ofEpochSecond(start.getEpochSecond() - Math.floorMod(start.getEpochSecond(), step));
            List<CdnUsage.Point> points = new ArrayList<>();
            for (Instant t = first; t.isBefore(q.window().end()); t = t.plusSeconds(step)) {
                Instant from = t;
                Instant to = t.plusSeconds(step);
                long bytes = core.traffic.stream()
                        .filter(x -> x.counts(q.type()) && q.window().contains(x.at()) && !x.at().isBefore(from) && x.at().isBefore(to))
                        .mapToLong(Traffic::bytes).sum();
                points.add(new CdnUsage.Point(t, billed(bytes)));
            }
            return new CdnUsage(interval, points);
        });
    }

    /** Billed traffic is about 110 % of the traffic in the logs (API.md R-23); rounded half up. */
    static long billed(long logBytes) {
        return (logBytes * 11 + 5) / 10;
    }

    /**
     * One file per hour and serving domain with traffic of the asked type, once the hour is over
     * an hour may have several files, one per domain; mp4 and HLS are served from two).
     */
    /** The behaviour of {@link CdnPort#GET_CDN_LOGS}. */
    void register(Handlers handlers) {
        handlers.on(CdnPort.GET_CDN_LOGS, this::getCdnLogs);
    }

    CdnLogs getCdnLogs(CdnLogQuery q) {
        return core.locked(out -> {
            Instant now = core.clock.instant();
            TreeSet<Map.Entry<Instant, String>> files = new TreeSet<>(Map.Entry.<Instant, String>comparingByKey()
                    .thenComparing(Map.Entry.comparingByValue()));
            for (Traffic t : core.traffic) {
                Instant hour = t.at().truncatedTo(ChronoUnit.HOURS);
                if (t.counts(q.type()) && q.window().contains(hour) && !hour.plus(Duration.ofHours(1)).isAfter(now)) {
                    files.add(Map.entry(hour, t.domain()));
                }
            }
            List<CdnLogs.LogFile> list = files.stream()
                    .map(f -> {
                        Instant h = f.getKey();
                        String name = LOG_HOUR.format(h) + "-" + f.getValue() + ".log.gz";
                        return new CdnLogs.LogFile(LocalDate.ofInstant(h, ExpediteQuota.PLATFORM_ZONE), name,
                                core.settings.urlBase() + "/cdnlog/" + name + "?expires=" + now.plus(Duration.ofDays(1)).getEpochSecond(),
                                h, h.plus(Duration.ofHours(1)));
                    })
                    .toList();
            return new CdnLogs(list.size(), list);
        });
    }
}
