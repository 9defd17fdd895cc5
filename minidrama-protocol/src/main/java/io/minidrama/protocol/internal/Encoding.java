package io.minidrama.protocol.internal;

import io.minidrama.domain.authz.AppGrant;
import io.minidrama.domain.authz.AuthorizationResult;
import io.minidrama.domain.authz.CopyrightGrant;
import io.minidrama.domain.authz.CopyrightGrants;
import io.minidrama.domain.authz.DramaGrant;
import io.minidrama.domain.authz.DramaGrants;
import io.minidrama.domain.authz.ReceivedAppGrant;
import io.minidrama.domain.cdn.CdnUsage;
import io.minidrama.domain.drama.Drama;
import io.minidrama.domain.drama.DramaAuditDetail;
import io.minidrama.domain.media.Media;
import io.minidrama.domain.media.MediaAuditDetail;
import io.minidrama.domain.media.PlayLink;
import io.minidrama.domain.media.Task;
import io.minidrama.protocol.internal.dto.Wire;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Domain values back into the platform's response DTOs: the reverse of {@link Mapping}'s
 * response side, so that a value prints under the platform's own field names and types
 * ({@code file_size} a string, {@code is_deleted} 0/1, a CDN-log {@code date} "YYYY-MM-DD").
 * Times are epoch seconds, {@code 0} for "none".
 */
public final class Encoding {
    private Encoding() {
    }

    public static Wire.MediaInfo media(Media m) {
        Wire.MediaInfo w = new Wire.MediaInfo();
        w.mediaId = m.id().value();
        w.createTime = seconds(m.createTime());
        w.expireTime = seconds(m.expireTime());
        w.dramaId = m.dramaId().map(d -> d.value()).orElse(0L);
        w.fileSize = m.fileSize();
        w.duration = m.duration().toSeconds();
        w.name = m.name();
        w.description = m.description();
        w.coverUrl = m.coverUrl();
        w.originalUrl = m.originalUrl();
        w.mp4Url = m.mp4Url();
        w.hlsUrl = m.hlsUrl();
        MediaAuditDetail a = m.auditDetail();
        w.auditDetail = new Wire.MediaAuditDetail();
        w.auditDetail.status = a.status().code();
        w.auditDetail.createTime = seconds(a.createTime());
        w.auditDetail.auditTime = seconds(a.auditTime());
        w.auditDetail.reason = a.reason();
        w.auditDetail.evidenceMaterialIdList = a.evidenceMaterialIds().stream().map(e -> e.value()).toList();
        return w;
    }

    public static Wire.DramaInfo drama(Drama d) {
        Wire.DramaInfo w = new Wire.DramaInfo();
        w.dramaId = d.id().value();
        w.createTime = seconds(d.createTime());
        w.name = d.name();
        w.playwright = d.playwright();
        w.producer = d.producer();
        w.productionLicense = d.productionLicense();
        w.coverUrl = d.coverUrl();
        w.mediaCount = d.mediaCount();
        w.description = d.description();
        w.mediaList = d.mediaIds().stream().map(id -> {
            Wire.DramaMedia m = new Wire.DramaMedia();
            m.mediaId = id.value();
            return m;
        }).toList();
        w.auditDetail = dramaAudit(d.auditDetail());
        w.expedited = d.expedited() ? 1 : 0;
        w.recommendations = d.recommendations();
        return w;
    }

    public static Wire.DramaAuditDetail dramaAudit(DramaAuditDetail a) {
        Wire.DramaAuditDetail w = new Wire.DramaAuditDetail();
        w.status = a.status().code();
        w.createTime = seconds(a.createTime());
        w.auditTime = seconds(a.auditTime());
        return w;
    }

    public static Wire.MediaLinkInfo link(PlayLink l) {
        Wire.MediaLinkInfo w = new Wire.MediaLinkInfo();
        w.mediaId = l.mediaId().value();
        w.duration = l.duration().toSeconds();
        w.name = l.name();
        w.description = l.description();
        w.coverUrl = l.coverUrl();
        w.mp4Url = l.mp4Url();
        w.hlsUrl = l.hlsUrl();
        return w;
    }

    public static Wire.TaskInfo task(Task t) {
        Wire.TaskInfo w = new Wire.TaskInfo();
        w.id = t.id().value();
        w.taskType = t.taskType();
        w.status = t.status().code();
        w.errcode = t.errcode();
        w.errmsg = t.errmsg();
        w.createTime = seconds(t.createTime());
        w.finishTime = seconds(t.finishTime());
        w.mediaId = t.mediaIdValue();
        return w;
    }

    public static Wire.CdnUsageResponse usage(CdnUsage u) {
        Wire.CdnUsageResponse w = new Wire.CdnUsageResponse();
        w.dataInterval = (long) u.interval().minutes();
        w.itemList = u.points().stream().map(p -> {
            Wire.CdnUsageItem i = new Wire.CdnUsageItem();
            i.time = seconds(p.time());
            i.value = p.value();
            return i;
        }).toList();
        return w;
    }

    public static Wire.AuthorizationResultResponse results(List<AuthorizationResult> results) {
        Wire.AuthorizationResultResponse w = new Wire.AuthorizationResultResponse();
        w.result = results.stream().map(r -> {
            Wire.AuthorizationResultItem i = new Wire.AuthorizationResultItem();
            i.dramaId = r.dramaId().value();
            i.errcode = (long) r.errcode();
            i.errmsg = r.errmsg();
            return i;
        }).toList();
        return w;
    }

    /** {@code grantorView}: the other app is the grantee ({@code authorized_appid}), else the grantor. */
    public static Wire.AuthorizeObjectsResponse dramaGrants(DramaGrants grants, boolean grantorView) {
        Wire.AuthorizeObjectsResponse w = new Wire.AuthorizeObjectsResponse();
        w.totalCount = grants.totalCount();
        List<Wire.AuthorizeObject> list = new ArrayList<>();
        for (DramaGrant g : grants.grants()) {
            Wire.AuthorizeObject o = grantObject(g.authorizedTime(), g.expiry().epochSecond());
            o.dramaId = g.dramaId().value();
            if (grantorView) {
                o.authorizedAppid = g.otherAppId();
            } else {
                o.authorizerAppid = g.otherAppId();
            }
            list.add(o);
        }
        w.objects = list;
        return w;
    }

    public static Wire.AuthorizeObjectsResponse appGrants(List<AppGrant> grants) {
        Wire.AuthorizeObjectsResponse w = new Wire.AuthorizeObjectsResponse();
        w.objects = grants.stream().map(g -> {
            Wire.AuthorizeObject o = grantObject(g.authorizedTime(), g.expiry().epochSecond());
            o.authorizedAppid = g.authorizedAppId();
            return o;
        }).toList();
        return w;
    }

    public static Wire.AuthorizeObjectsResponse receivedAppGrants(List<ReceivedAppGrant> grants) {
        Wire.AuthorizeObjectsResponse w = new Wire.AuthorizeObjectsResponse();
        w.objects = grants.stream().map(g -> {
            Wire.AuthorizeObject o = grantObject(g.authorizedTime(), g.expiry().epochSecond());
            o.authorizerAppid = g.authorizerAppId();
            return o;
        }).toList();
        return w;
    }

    public static Wire.CopyrightListResponse copyrightGrants(CopyrightGrants grants) {
        Wire.CopyrightListResponse w = new Wire.CopyrightListResponse();
        w.totalCount = grants.totalCount();
        List<Wire.CopyrightItem> list = new ArrayList<>();
        for (CopyrightGrant g : grants.grants()) {
            Wire.CopyrightItem i = new Wire.CopyrightItem();
            i.authorizerAppid = g.authorizerAppId();
            i.authorizationType = (long) g.authorizationType();
            i.authorizedAppid = g.authorizedAppId();
            i.authorizedSubjectCertNo = g.authorizedSubjectCertNo();
            i.dramaId = g.dramaIdValue();
            i.authorizedTime = seconds(g.authorizedTime());
            i.expireTime = g.expiry().epochSecond();
            list.add(i);
        }
        w.list = list;
        return w;
    }

    private static Wire.AuthorizeObject grantObject(Instant authorizedTime, long expiry) {
        Wire.AuthorizeObject o = new Wire.AuthorizeObject();
        o.authorizedTime = seconds(authorizedTime);
        o.authzExpireTime = expiry;
        return o;
    }

    private static long seconds(Instant t) {
        return t.getEpochSecond();
    }
}
