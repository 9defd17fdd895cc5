package io.minidrama.adapter.fake.internal;

import io.minidrama.domain.media.UploadLimits;
import io.minidrama.domain.traffic.PackageQuery;
import io.minidrama.domain.traffic.TrafficPackage;
import io.minidrama.domain.traffic.TrafficPackages;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CDN traffic packages a test seeded. Usage is derived from the CDN traffic the fake served
 * (billed bytes, oldest traffic first, into the oldest general package whose validity covers it
 * and that has room; what fits nowhere is pay-as-you-go), unless a test set it. Not thread-safe:
 * the engine calls it under its lock.
 */
final class PackageBook {
    private final Map<String, Pkg> packages = new LinkedHashMap<>();

    private static final class Pkg {
        final String id;
        final String orderId;
        final Instant start;
        final Instant end;
        final long totalMb;
        final boolean directed;
        Long usedOverride;

        Pkg(String id, String orderId, Instant start, Instant end, long totalMb, boolean directed) {
            this.id = id;
            this.orderId = orderId;
            this.start = start;
            this.end = end;
            this.totalMb = totalMb;
            this.directed = directed;
        }
    }

    String add(long id, long totalMb, Instant start, Instant end, boolean directed) {
        String pid = Long.toString(id);
        packages.put(pid, new Pkg(pid, "order-" + id, start, end, totalMb, directed));
        return pid;
    }

    void setUsed(String id, long usedMb) {
        Pkg p = packages.get(id);
        if (p == null) {
            throw new IllegalArgumentException("no traffic package " + id + "; known: " + packages.keySet());
        }
        p.usedOverride = usedMb;
    }

    void clear() {
        packages.clear();
    }

    TrafficPackages list(PackageQuery q, Instant now, List<Records.Traffic> traffic) {
        Map<String, Long> used = derivedUsage(traffic);
        List<TrafficPackage> matching = new ArrayList<>();
        for (Pkg p : packages.values()) {
            if (p.directed != (q.queryType() == PackageQuery.QueryType.DIRECTED)) {
                continue;
            }
            long usedMb = p.usedOverride != null ? p.usedOverride : used.getOrDefault(p.id, 0L);
            int status = !now.isBefore(p.end) ? PackageQuery.Status.EXPIRED.code()
                    : usedMb >= p.totalMb ? PackageQuery.Status.INVALID.code() : PackageQuery.Status.VALID.code();
            if (q.status() != PackageQuery.Status.ALL && q.status().code() != status) {
                continue;
            }
            matching.add(new TrafficPackage(p.id, p.orderId, p.start, p.end, usedMb, p.totalMb, status, false));
        }
        List<TrafficPackage> page = matching.stream().skip(q.offset()).limit(q.limit()).toList();
        return new TrafficPackages(matching.size(), page);
    }

    /** Billed traffic allocated to general packages, in MB rounded up. */
    private Map<String, Long> derivedUsage(List<Records.Traffic> traffic) {
        List<Pkg> general = packages.values().stream().filter(p -> !p.directed)
                .sorted(Comparator.comparing((Pkg p) -> p.start).thenComparing(p -> Long.parseLong(p.id))).toList();
        Map<String, Long> bytes = new HashMap<>();
        List<Records.Traffic> ordered = traffic.stream().sorted(Comparator.comparing(Records.Traffic::at)).toList();
        for (Records.Traffic t : ordered) {
            long left = Cdn.billed(t.bytes());
            for (Pkg p : general) {
                if (left == 0) {
                    break;
                }
                if (t.at().isBefore(p.start) || !t.at().isBefore(p.end)) {
                    continue;
                }
                long room = p.totalMb * UploadLimits.MB - bytes.getOrDefault(p.id, 0L);
                long take = Math.min(room, left);
                if (take > 0) {
                    bytes.merge(p.id, take, Long::sum);
                    left -= take;
                }
            }
        }
        Map<String, Long> mb = new HashMap<>();
        bytes.forEach((id, b) -> mb.put(id, (b + UploadLimits.MB - 1) / UploadLimits.MB));
        return mb;
    }
}
