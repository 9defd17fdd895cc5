package io.minidrama.cli;

import io.minidrama.domain.authz.AppGrant;
import io.minidrama.domain.authz.AuthorizationResult;
import io.minidrama.domain.authz.CopyrightGrant;
import io.minidrama.domain.authz.CopyrightGrants;
import io.minidrama.domain.authz.DramaGrant;
import io.minidrama.domain.authz.DramaGrants;
import io.minidrama.domain.authz.ReceivedAppGrant;
import io.minidrama.domain.cdn.CdnLogs;
import io.minidrama.domain.cdn.CdnUsage;
import io.minidrama.domain.drama.Drama;
import io.minidrama.domain.drama.DramaAuditDetail;
import io.minidrama.domain.media.Media;
import io.minidrama.domain.media.PlayLink;
import io.minidrama.domain.media.Task;
import io.minidrama.domain.traffic.TrafficPackage;
import io.minidrama.domain.traffic.TrafficPackages;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.List;

/** Domain values as JSON objects with the platform's field names. */
final class JsonViews {
    private JsonViews() {
    }

    static JsonObject media(Media m) {
        JsonObjectBuilder b = jakarta.json.Json.createObjectBuilder()
                .add("media_id", m.id().value())
                .add("create_time", m.createTime().getEpochSecond())
                .add("expire_time", m.expireTime().getEpochSecond())
                .add("drama_id", m.dramaId().map(d -> d.value()).orElse(0L))
                .add("file_size", Long.toString(m.fileSize()))
                .add("duration", m.duration().toSeconds())
                .add("name", m.name())
                .add("description", m.description())
                .add("cover_url", m.coverUrl())
                .add("original_url", m.originalUrl())
                .add("mp4_url", m.mp4Url())
                .add("hls_url", m.hlsUrl());
        JsonArrayBuilder evidence = jakarta.json.Json.createArrayBuilder();
        m.auditDetail().evidenceMaterialIds().forEach(e -> evidence.add(e.value()));
        b.add("audit_detail", jakarta.json.Json.createObjectBuilder()
                .add("status", m.auditDetail().status().code())
                .add("create_time", m.auditDetail().createTime().getEpochSecond())
                .add("audit_time", m.auditDetail().auditTime().getEpochSecond())
                .add("reason", m.auditDetail().reason())
                .add("evidence_material_id_list", evidence));
        return b.build();
    }

    static JsonObject drama(Drama d) {
        JsonArrayBuilder list = jakarta.json.Json.createArrayBuilder();
        d.mediaIds().forEach(id -> list.add(jakarta.json.Json.createObjectBuilder().add("media_id", id.value())));
        return jakarta.json.Json.createObjectBuilder()
                .add("drama_id", d.id().value())
                .add("create_time", d.createTime().getEpochSecond())
                .add("name", d.name())
                .add("playwright", d.playwright())
                .add("producer", d.producer())
                .add("production_license", d.productionLicense())
                .add("cover_url", d.coverUrl())
                .add("media_count", d.mediaCount())
                .add("description", d.description())
                .add("media_list", list)
                .add("audit_detail", jakarta.json.Json.createObjectBuilder()
                        .add("status", d.status().code())
                        .add("create_time", d.auditDetail().createTime().getEpochSecond())
                        .add("audit_time", d.auditDetail().auditTime().getEpochSecond()))
                .add("expedited", d.expedited() ? 1 : 0)
                .build();
    }

    static JsonObject link(PlayLink l) {
        return jakarta.json.Json.createObjectBuilder()
                .add("media_id", l.mediaId().value())
                .add("duration", l.duration().toSeconds())
                .add("name", l.name())
                .add("description", l.description())
                .add("cover_url", l.coverUrl())
                .add("mp4_url", l.mp4Url())
                .add("hls_url", l.hlsUrl())
                .build();
    }

    static JsonObject task(Task t) {
        return jakarta.json.Json.createObjectBuilder()
                .add("id", t.id().value())
                .add("task_type", t.taskType())
                .add("status", t.status().code())
                .add("errcode", t.errcode())
                .add("errmsg", t.errmsg())
                .add("create_time", t.createTime().getEpochSecond())
                .add("finish_time", t.finishTime().getEpochSecond())
                .add("media_id", t.mediaIdValue())
                .build();
    }

    static JsonObject usage(CdnUsage u) {
        JsonArrayBuilder items = jakarta.json.Json.createArrayBuilder();
        u.points().forEach(p -> items.add(jakarta.json.Json.createObjectBuilder().add("time", p.time().getEpochSecond()).add("value", p.value())));
        return jakarta.json.Json.createObjectBuilder().add("data_interval", u.interval().minutes()).add("item_list", items).build();
    }

    static JsonObject logs(CdnLogs logs) {
        JsonArrayBuilder items = jakarta.json.Json.createArrayBuilder();
        logs.files().forEach(f -> items.add(jakarta.json.Json.createObjectBuilder()
                .add("date", f.date().toString()) // "2024-03-28", as the official example
                .add("name", f.name()).add("url", f.url())
                .add("start_time", f.startTime().getEpochSecond()).add("end_time", f.endTime().getEpochSecond())));
        return jakarta.json.Json.createObjectBuilder().add("total_count", logs.totalCount()).add("domestic_cdn_logs", items).build();
    }

    static JsonObject auditDetail(DramaAuditDetail d) {
        return jakarta.json.Json.createObjectBuilder()
                .add("status", d.status().code())
                .add("create_time", d.createTime().getEpochSecond())
                .add("audit_time", d.auditTime().getEpochSecond())
                .build();
    }

    static JsonObject packages(TrafficPackages p) {
        JsonArrayBuilder items = jakarta.json.Json.createArrayBuilder();
        for (TrafficPackage t : p.packages()) {
            items.add(jakarta.json.Json.createObjectBuilder()
                    .add("package_id", t.packageId()).add("order_id", t.orderId())
                    .add("start_time", t.startTime().getEpochSecond()).add("end_time", t.endTime().getEpochSecond())
                    .add("used", t.usedMb()).add("all", t.totalMb()).add("status", t.status()).add("is_deleted", t.deleted() ? 1 : 0));
        }
        return jakarta.json.Json.createObjectBuilder().add("total_count", p.totalCount()).add("package_list", items).build();
    }

    static JsonObject results(List<AuthorizationResult> results) {
        JsonArrayBuilder items = jakarta.json.Json.createArrayBuilder();
        results.forEach(r -> items.add(jakarta.json.Json.createObjectBuilder()
                .add("drama_id", r.dramaId().value()).add("errcode", r.errcode()).add("errmsg", r.errmsg())));
        return jakarta.json.Json.createObjectBuilder().add("result", items).build();
    }

    /** {@code otherField}: {@code authorized_appid} in the grantor's view, {@code authorizer_appid} in the grantee's. */
    static JsonObject dramaGrants(DramaGrants grants, String otherField) {
        JsonArrayBuilder items = jakarta.json.Json.createArrayBuilder();
        for (DramaGrant g : grants.grants()) {
            items.add(jakarta.json.Json.createObjectBuilder()
                    .add("drama_id", g.dramaId().value()).add(otherField, g.otherAppId())
                    .add("authorized_time", g.authorizedTime().getEpochSecond()).add("authz_expire_time", g.expiry().epochSecond()));
        }
        return jakarta.json.Json.createObjectBuilder().add("total_count", grants.totalCount()).add("objects", items).build();
    }

    static JsonObject appGrants(List<AppGrant> grants) {
        JsonArrayBuilder items = jakarta.json.Json.createArrayBuilder();
        grants.forEach(g -> items.add(jakarta.json.Json.createObjectBuilder()
                .add("authorized_appid", g.authorizedAppId())
                .add("authorized_time", g.authorizedTime().getEpochSecond()).add("authz_expire_time", g.expiry().epochSecond())));
        return jakarta.json.Json.createObjectBuilder().add("objects", items).build();
    }

    /** {@code getauthorizedapps}'s body: {@code objects[{authorizer_appid, authorized_time, authz_expire_time}]}. */
    static JsonObject receivedAppGrants(List<ReceivedAppGrant> grants) {
        JsonArrayBuilder items = jakarta.json.Json.createArrayBuilder();
        grants.forEach(g -> items.add(jakarta.json.Json.createObjectBuilder()
                .add("authorizer_appid", g.authorizerAppId())
                .add("authorized_time", g.authorizedTime().getEpochSecond()).add("authz_expire_time", g.expiry().epochSecond())));
        return jakarta.json.Json.createObjectBuilder().add("objects", items).build();
    }

    static JsonObject copyrightGrants(CopyrightGrants grants) {
        JsonArrayBuilder items = jakarta.json.Json.createArrayBuilder();
        for (CopyrightGrant g : grants.grants()) {
            items.add(jakarta.json.Json.createObjectBuilder()
                    .add("authorizer_appid", g.authorizerAppId()).add("authorization_type", g.authorizationType())
                    .add("authorized_appid", g.authorizedAppId()).add("authorized_subject_cert_no", g.authorizedSubjectCertNo())
                    .add("drama_id", g.dramaIdValue())
                    .add("authorized_time", g.authorizedTime().getEpochSecond()).add("expire_time", g.expiry().epochSecond()));
        }
        return jakarta.json.Json.createObjectBuilder().add("total_count", grants.totalCount()).add("list", items).build();
    }
}
