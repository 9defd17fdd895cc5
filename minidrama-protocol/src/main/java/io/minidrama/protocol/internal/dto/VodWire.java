package io.minidrama.protocol.internal.dto;

import io.minidrama.domain.AuditStatus;
import io.minidrama.domain.drama.DramaAuditDetail;
import io.minidrama.domain.drama.LatestAuditQuery;
import io.minidrama.domain.cdn.CdnLogQuery;
import io.minidrama.domain.cdn.CdnLogs;
import io.minidrama.domain.cdn.CdnQueryType;
import io.minidrama.domain.traffic.PackageQuery;
import io.minidrama.domain.traffic.TrafficPackage;
import io.minidrama.domain.traffic.TrafficPackages;
import io.minidrama.port.CdnPort;
import io.minidrama.port.DramaMaintenancePort;
import io.minidrama.port.TrafficPackagePort;
import io.minidrama.protocol.internal.Codecs;
import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import jakarta.json.bind.annotation.JsonbTypeSerializer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The codec of the typed {@code /wxa/sec/vod/*} operations (API.md §2 and §7), each in one place:
 * the request and response bodies field for field, the request encoded from the domain, the answer
 * decoded into it and encoded back (for {@code WireJson}). The vod operations not yet typed are
 * still {@link Wire}'s and {@code Mapping}'s.
 */
public final class VodWire {
    private VodWire() {
    }

    /** The codec entry of each typed {@code /wxa/sec/vod/*} operation: one line per operation. */
    public static void register(Codecs.Registry codecs) {
        codecs.add(TrafficPackagePort.LIST_PACKAGES, VodWire::listPackages, ListPackagesResponse.class,
                VodWire::packages, VodWire::packagesResponse)
                .add(DramaMaintenancePort.GET_DRAMA_LATEST_AUDIT_INFO, VodWire::latestAudit, LatestAuditResponse.class,
                        VodWire::latestAudit, VodWire::latestAuditResponse)
                .add(CdnPort.GET_CDN_LOGS, VodWire::cdnLogs, CdnLogsResponse.class, VodWire::cdnLogs, VodWire::cdnLogsResponse);
    }

    // ---------------------------------------------------------------- listpackages

    /** {@code listpackages}: {@code {status, offset, limit, query_type}}. */
    public static final class ListPackagesRequest {
        public Integer status;
        public Integer offset;
        public Integer limit;
        public Integer queryType;
    }

    /** The answer of {@code listpackages}: {@code total_count} and {@code package_list}. */
    public static final class ListPackagesResponse extends Wire.Envelope {
        @JsonbTypeDeserializer(FlexibleLong.class)
        public Long totalCount;
        public List<PackageInfo> packageList;
    }

    /** One traffic package; {@code order_id} is text (19 digits do not survive a double). */
    public static final class PackageInfo {
        @JsonbTypeDeserializer(FlexibleString.class)
        public String packageId;
        @JsonbTypeDeserializer(FlexibleString.class)
        public String orderId;
        @JsonbTypeDeserializer(FlexibleLong.class)
        public Long startTime;
        @JsonbTypeDeserializer(FlexibleLong.class)
        public Long endTime;
        @JsonbTypeDeserializer(FlexibleLong.class)
        public Long used;
        @JsonbTypeDeserializer(FlexibleLong.class)
        public Long all;
        @JsonbTypeDeserializer(FlexibleLong.class)
        public Long status;
        @JsonbTypeDeserializer(FlexibleFlag.class)
        @JsonbTypeSerializer(FlagAsNumber.class) // 0 / 1, as documented
        public Boolean isDeleted;
    }

    public static ListPackagesRequest listPackages(PackageQuery q) {
        ListPackagesRequest d = new ListPackagesRequest();
        d.status = q.status().code();
        d.offset = q.offset();
        d.limit = q.limit();
        d.queryType = q.queryType().code();
        return d;
    }

    /** A package without a time reads as the epoch; absent {@code total_count} is the list's size. */
    public static TrafficPackages packages(ListPackagesResponse r) {
        List<TrafficPackage> out = new ArrayList<>();
        if (r.packageList != null) {
            for (PackageInfo p : r.packageList) {
                if (p != null) {
                    out.add(new TrafficPackage(text(p.packageId), text(p.orderId), time(p.startTime), time(p.endTime),
                            p.used == null ? 0 : p.used, p.all == null ? 0 : p.all, p.status == null ? 0 : p.status.intValue(),
                            p.isDeleted != null && p.isDeleted));
                }
            }
        }
        return new TrafficPackages(r.totalCount == null ? out.size() : r.totalCount, out);
    }

    public static ListPackagesResponse packagesResponse(TrafficPackages p) {
        ListPackagesResponse w = new ListPackagesResponse();
        w.totalCount = p.totalCount();
        List<PackageInfo> list = new ArrayList<>();
        for (TrafficPackage t : p.packages()) {
            PackageInfo i = new PackageInfo();
            i.packageId = t.packageId();
            i.orderId = t.orderId();
            i.startTime = t.startTime().getEpochSecond();
            i.endTime = t.endTime().getEpochSecond();
            i.used = t.usedMb();
            i.all = t.totalMb();
            i.status = (long) t.status();
            i.isDeleted = t.deleted();
            list.add(i);
        }
        w.packageList = list;
        return w;
    }

    // ---------------------------------------------------------------- getdramalatestauditinfo

    /** {@code getdramalatestauditinfo}: {@code {drama_id, audit_type}}. */
    public static final class LatestAuditRequest {
        public Long dramaId;
        public Integer auditType;
    }

    /** Its answer: {@code audit_detail}, absent when the drama has no audit of that type. */
    public static final class LatestAuditResponse extends Wire.Envelope {
        public LatestAuditDetail auditDetail;
    }

    /** {@code {status, audit_type, create_time, audit_time}}. */
    public static final class LatestAuditDetail {
        @JsonbTypeDeserializer(FlexibleLong.class)
        public Long status;
        @JsonbTypeDeserializer(FlexibleLong.class)
        public Long auditType;
        @JsonbTypeDeserializer(FlexibleLong.class)
        public Long createTime;
        @JsonbTypeDeserializer(FlexibleLong.class)
        public Long auditTime;
    }

    public static LatestAuditRequest latestAudit(LatestAuditQuery q) {
        LatestAuditRequest d = new LatestAuditRequest();
        d.dramaId = q.dramaId().value();
        d.auditType = q.auditType().code();
        return d;
    }

    /**
     * An absent {@code audit_detail} (no audit of that type yet) reads as status 0 (invalid); an
     * undocumented status too, so that it does not make the whole answer unreadable.
     */
    public static DramaAuditDetail latestAudit(LatestAuditResponse r) {
        LatestAuditDetail a = r.auditDetail;
        if (a == null) {
            return new DramaAuditDetail(AuditStatus.INVALID, Instant.EPOCH, Instant.EPOCH);
        }
        AuditStatus status = a.status == null || a.status < 0 || a.status > 4 ? AuditStatus.INVALID : AuditStatus.of(a.status.intValue());
        return new DramaAuditDetail(status, time(a.createTime), time(a.auditTime));
    }

    /** {@code {audit_detail: {status, create_time, audit_time}}} (the result does not carry the audit type). */
    public static LatestAuditResponse latestAuditResponse(DramaAuditDetail d) {
        LatestAuditDetail w = new LatestAuditDetail();
        w.status = (long) d.status().code();
        w.createTime = d.createTime().getEpochSecond();
        w.auditTime = d.auditTime().getEpochSecond();
        LatestAuditResponse r = new LatestAuditResponse();
        r.auditDetail = w;
        return r;
    }

    // ---------------------------------------------------------------- getcdnlogs

    /** {@code getcdnlogs}: {@code {start_time, end_time, query_type}}; no limit/offset: retired on 2024-03-29 (API.md §9.3). */
    public static final class CdnLogsRequest {
        public Long startTime;
        public Long endTime;
        /** 0 (the platform's default) is not sent. */
        public Integer queryType;
    }

    /** Its answer: {@code total_count} and {@code domestic_cdn_logs}. */
    public static final class CdnLogsResponse extends Wire.Envelope {
        @JsonbTypeDeserializer(FlexibleLong.class)
        public Long totalCount;
        public List<CdnLogInfo> domesticCdnLogs;
    }

    /** One log file. */
    public static final class CdnLogInfo {
        /** {@code "2024-03-28"} in the official example, a number in the page's table: both read. */
        @JsonbTypeDeserializer(FlexibleDate.class)
        public LocalDate date;
        public String name;
        public String url;
        @JsonbTypeDeserializer(FlexibleLong.class)
        public Long startTime;
        @JsonbTypeDeserializer(FlexibleLong.class)
        public Long endTime;
    }

    public static CdnLogsRequest cdnLogs(CdnLogQuery q) {
        CdnLogsRequest d = new CdnLogsRequest();
        d.startTime = q.window().startEpochSecond();
        d.endTime = q.window().endEpochSecond();
        d.queryType = q.type() == CdnQueryType.ALL ? null : q.type().code();
        return d;
    }

    /** A file without a {@code date} is dated by its start in the platform's zone (Asia/Shanghai). */
    public static CdnLogs cdnLogs(CdnLogsResponse r) {
        List<CdnLogs.LogFile> files = new ArrayList<>();
        if (r.domesticCdnLogs != null) {
            for (CdnLogInfo l : r.domesticCdnLogs) {
                if (l == null) {
                    continue;
                }
                Instant start = time(l.startTime);
                LocalDate date = l.date != null ? l.date : LocalDate.ofInstant(start, PLATFORM_ZONE);
                files.add(new CdnLogs.LogFile(date, text(l.name), text(l.url), start, time(l.endTime)));
            }
        }
        return new CdnLogs(r.totalCount == null ? files.size() : r.totalCount, files);
    }

    public static CdnLogsResponse cdnLogsResponse(CdnLogs logs) {
        CdnLogsResponse w = new CdnLogsResponse();
        w.totalCount = logs.totalCount();
        w.domesticCdnLogs = logs.files().stream().map(f -> {
            CdnLogInfo i = new CdnLogInfo();
            i.date = f.date();
            i.name = f.name();
            i.url = f.url();
            i.startTime = f.startTime().getEpochSecond();
            i.endTime = f.endTime().getEpochSecond();
            return i;
        }).toList();
        return w;
    }

    // ---------------------------------------------------------------- helpers

    private static final ZoneId PLATFORM_ZONE = ZoneId.of("Asia/Shanghai");

    private static Instant time(Long epochSeconds) {
        return epochSeconds == null || epochSeconds <= 0 ? Instant.EPOCH : Instant.ofEpochSecond(epochSeconds);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
