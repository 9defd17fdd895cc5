package io.minidrama.emulator.internal;

import com.sun.net.httpserver.HttpExchange;
import io.minidrama.adapter.fake.RecordedCall;
import io.minidrama.adapter.fake.StoredMedia;
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
import io.minidrama.domain.event.AuditEvent;
import io.minidrama.domain.event.PushEvent;
import io.minidrama.domain.event.UploadEvent;
import io.minidrama.domain.media.Media;
import io.minidrama.domain.media.MediaAuditDetail;
import io.minidrama.domain.media.PlayLink;
import io.minidrama.domain.media.Task;
import io.minidrama.domain.traffic.TrafficPackage;
import io.minidrama.domain.traffic.TrafficPackages;
import io.minidrama.emulator.WireProblem;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * The one writer of the emulator's JSON answers: the platform's envelope ({@code errcode},
 * {@code errmsg} and the payload beside them, API.md §1), every payload under the field names and
 * JSON types of the official pages' response tables and examples, the token answer, and the
 * control prefix's answers. Nothing else in the emulator builds a response body.
 */
final class ResponseWriter {
    /**
     * The JSON provider, looked up once: {@code Json.createObjectBuilder()} runs a ServiceLoader
     * lookup on every call (a scan of the class path's service files, 0.07 s of CPU per 100 upload
     * parts answered).
     */
    private static final JsonProvider JSON = JsonProvider.provider();

    private ResponseWriter() {
    }

    /** Writes {@code body} as the UTF-8 JSON answer with {@code status}. */
    static void send(HttpExchange ex, int status, JsonObject body) throws IOException {
        Exchanges.send(ex, status, "application/json; charset=utf-8", body.toString().getBytes(StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------ envelopes

    /** {@code {"errcode":0,"errmsg":"ok"}}, to add a payload to. */
    static JsonObjectBuilder ok() {
        return JSON.createObjectBuilder().add("errcode", 0).add("errmsg", "ok");
    }

    /** {@code {"errcode":..,"errmsg":..}}. */
    static JsonObject error(int errcode, String errmsg) {
        return Json.createObjectBuilder().add("errcode", errcode).add("errmsg", errmsg).build();
    }

    /** The token endpoints' answer: {@code {"access_token":..,"expires_in":..}} (no errcode on success). */
    static JsonObject token(String accessToken, long expiresIn) {
        return Json.createObjectBuilder().add("access_token", accessToken).add("expires_in", expiresIn).build();
    }

    /** A control route's success: {@code {"ok":true}}, to add to. */
    static JsonObjectBuilder controlOk() {
        return Json.createObjectBuilder().add("ok", true);
    }

    /** A control route's refusal: {@code {"error":..}}. */
    static JsonObject controlError(String message) {
        return Json.createObjectBuilder().add("error", String.valueOf(message)).build();
    }

    /** The recorded wire problems, for {@code GET /__emulator/wire-problems}. */
    static JsonArrayBuilder problems(List<WireProblem> problems) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (WireProblem p : problems) {
            list.add(Json.createObjectBuilder().add("operation", p.operation()).add("field", p.field())
                    .add("kind", p.kind().name()).add("detail", p.detail()));
        }
        return list;
    }

    /** A JSON array of strings. */
    static JsonArrayBuilder strings(List<String> values) {
        return Json.createArrayBuilder(values);
    }

    /** {@code GET /__emulator/media/{id}}: what the fake stores of a media, added to the control answer {@code ok}. */
    static JsonObjectBuilder storedMedia(JsonObjectBuilder ok, StoredMedia m) {
        return ok.add("media_id", m.mediaId().value()).add("size", m.size()).add("sha256", m.sha256())
                .add("duration", m.duration().toSeconds()).add("cover_size", m.coverSize())
                .add("cover_sha256", m.coverSha256()).add("content_kept", m.contentKept());
    }

    /** {@code GET /__emulator/calls}: the fake's recorded calls (a transport fault as errcode -999). */
    static JsonArrayBuilder calls(List<RecordedCall> calls) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (RecordedCall c : calls) {
            list.add(Json.createObjectBuilder().add("operation", c.operation()).add("at", secs(c.at()))
                    .add("errcode", c.errcode() == RecordedCall.TRANSPORT_FAULT ? -999 : c.errcode())
                    .add("transport_fault", c.errcode() == RecordedCall.TRANSPORT_FAULT)
                    .add("injected", c.injected()).add("request", c.request()));
        }
        return list;
    }

    /** {@code GET /__emulator/events}: the push events so far, flattened. */
    static JsonArrayBuilder events(List<PushEvent> events) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (PushEvent e : events) {
            JsonObjectBuilder o = Json.createObjectBuilder().add("event", e.envelope().event())
                    .add("create_time", secs(e.envelope().createTime()));
            if (e instanceof UploadEvent u) {
                o.add("media_id", u.mediaIdValue()).add("source_context", u.sourceContext()).add("errcode", u.errcode())
                        .add("errmsg", u.errmsg());
            } else if (e instanceof AuditEvent a) {
                o.add("drama_id", a.dramaId().value()).add("status", a.status().code()).add("audit_type", a.auditType().code())
                        .add("audit_time", secs(a.auditTime()));
            }
            list.add(o);
        }
        return list;
    }

    /** {@code GET /__emulator/pushes}: how each push went. */
    static JsonArrayBuilder pushes(List<Pusher.Delivery> deliveries) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        deliveries.forEach(d -> list.add(Json.createObjectBuilder().add("event", d.event().envelope().event())
                .add("status", d.status()).add("body", d.body()).add("failure", d.failure())));
        return list;
    }

    private static long secs(Instant t) {
        return t.getEpochSecond();
    }

    // ------------------------------------------------------------ media and tasks (API.md §2)

    static JsonObject media(Media m) {
        MediaAuditDetail a = m.auditDetail();
        JsonArrayBuilder evidence = Json.createArrayBuilder();
        a.evidenceMaterialIds().forEach(e -> evidence.add(e.value()));
        return Json.createObjectBuilder()
                .add("media_id", m.id().value())
                .add("create_time", secs(m.createTime()))
                .add("expire_time", secs(m.expireTime()))
                .add("drama_id", m.dramaId().map(d -> d.value()).orElse(0L))
                // The official example sends file_size as a string.
                .add("file_size", Long.toString(m.fileSize()))
                .add("duration", m.duration().toSeconds())
                .add("name", m.name())
                .add("description", m.description())
                .add("cover_url", m.coverUrl())
                .add("original_url", m.originalUrl())
                .add("mp4_url", m.mp4Url())
                .add("hls_url", m.hlsUrl())
                .add("audit_detail", Json.createObjectBuilder()
                        .add("status", a.status().code())
                        .add("create_time", secs(a.createTime()))
                        .add("audit_time", secs(a.auditTime()))
                        .add("reason", a.reason())
                        .add("evidence_material_id_list", evidence))
                .build();
    }

    static JsonArrayBuilder mediaList(List<Media> media) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        media.forEach(m -> list.add(media(m)));
        return list;
    }

    static JsonObject link(PlayLink l) {
        return Json.createObjectBuilder()
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
        return Json.createObjectBuilder()
                .add("id", t.id().value())
                .add("task_type", t.taskType())
                .add("status", t.status().code())
                .add("errcode", t.errcode())
                .add("errmsg", t.errmsg())
                .add("create_time", secs(t.createTime()))
                .add("finish_time", secs(t.finishTime()))
                .add("media_id", t.mediaIdValue())
                .build();
    }

    // ------------------------------------------------------------ dramas (API.md §2, §7)

    static JsonObject drama(Drama d) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        d.mediaIds().forEach(id -> list.add(Json.createObjectBuilder().add("media_id", id.value())));
        return Json.createObjectBuilder()
                .add("drama_id", d.id().value())
                .add("create_time", secs(d.createTime()))
                .add("name", d.name())
                .add("playwright", d.playwright())
                .add("producer", d.producer())
                .add("production_license", d.productionLicense())
                .add("cover_url", d.coverUrl())
                .add("media_count", d.mediaCount())
                .add("description", d.description())
                .add("media_list", list)
                .add("audit_detail", Json.createObjectBuilder()
                        .add("status", d.status().code())
                        .add("create_time", secs(d.auditDetail().createTime()))
                        .add("audit_time", secs(d.auditDetail().auditTime())))
                .add("expedited", d.expedited() ? 1 : 0)
                .add("recommendations", d.recommendations())
                .build();
    }

    static JsonArrayBuilder dramaList(List<Drama> dramas) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        dramas.forEach(d -> list.add(drama(d)));
        return list;
    }

    /** {@code getdramalatestauditinfo}'s answer. */
    static JsonObjectBuilder auditDetail(DramaAuditDetail d) {
        return ok().add("audit_detail", Json.createObjectBuilder()
                .add("status", d.status().code())
                .add("create_time", secs(d.createTime()))
                .add("audit_time", secs(d.auditTime())));
    }

    // ------------------------------------------------------------ CDN (API.md §2, §9.3, §9.4)

    static JsonObjectBuilder usage(CdnUsage u) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (CdnUsage.Point p : u.points()) {
            items.add(Json.createObjectBuilder().add("time", secs(p.time())).add("value", p.value()));
        }
        return ok().add("data_interval", u.interval().minutes()).add("item_list", items);
    }

    static JsonObjectBuilder logs(CdnLogs l) {
        JsonArrayBuilder files = Json.createArrayBuilder();
        for (CdnLogs.LogFile f : l.files()) {
            files.add(Json.createObjectBuilder()
                    .add("date", f.date().toString()) // "2024-03-28": a string, as the official example
                    .add("name", f.name())
                    .add("url", f.url())
                    .add("start_time", secs(f.startTime()))
                    .add("end_time", secs(f.endTime())));
        }
        return ok().add("total_count", l.totalCount()).add("domestic_cdn_logs", files);
    }

    // ------------------------------------------------------------ traffic packages (API.md §7, §9.6)

    static JsonObjectBuilder packages(TrafficPackages p) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (TrafficPackage t : p.packages()) {
            list.add(Json.createObjectBuilder()
                    .add("package_id", Long.parseLong(t.packageId()))
                    .add("order_id", t.orderId()) // typed string in the page's table (§9.6)
                    .add("start_time", secs(t.startTime()))
                    .add("end_time", secs(t.endTime()))
                    .add("used", t.usedMb())
                    .add("all", t.totalMb())
                    .add("status", t.status())
                    .add("is_deleted", t.deleted() ? 1 : 0));
        }
        return ok().add("total_count", p.totalCount()).add("package_list", list);
    }

    // ------------------------------------------------------------ authorizations (API.md §7, §9.8)

    static JsonObjectBuilder results(List<AuthorizationResult> results) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (AuthorizationResult r : results) {
            list.add(Json.createObjectBuilder().add("drama_id", r.dramaId().value()).add("errcode", r.errcode()).add("errmsg", r.errmsg()));
        }
        return ok().add("result", list);
    }

    /** The drama grants, with the other party under {@code otherField} ({@code authorized_appid} or {@code authorizer_appid}). */
    static JsonObjectBuilder dramaGrants(DramaGrants grants, String otherField) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (DramaGrant g : grants.grants()) {
            list.add(Json.createObjectBuilder()
                    .add("drama_id", g.dramaId().value())
                    .add(otherField, g.otherAppId())
                    .add("authorized_time", secs(g.authorizedTime()))
                    .add("authz_expire_time", g.expiry().epochSecond()));
        }
        return ok().add("total_count", grants.totalCount()).add("objects", list);
    }

    static JsonObjectBuilder appGrants(List<AppGrant> grants) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (AppGrant g : grants) {
            list.add(Json.createObjectBuilder()
                    .add("authorized_appid", g.authorizedAppId())
                    .add("authorized_time", secs(g.authorizedTime()))
                    .add("authz_expire_time", g.expiry().epochSecond()));
        }
        return ok().add("objects", list);
    }

    static JsonObjectBuilder receivedAppGrants(List<ReceivedAppGrant> grants) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (ReceivedAppGrant g : grants) {
            list.add(Json.createObjectBuilder()
                    .add("authorizer_appid", g.authorizerAppId())
                    .add("authorized_time", secs(g.authorizedTime()))
                    .add("authz_expire_time", g.expiry().epochSecond()));
        }
        return ok().add("objects", list);
    }

    static JsonObjectBuilder copyrightGrants(CopyrightGrants grants) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (CopyrightGrant g : grants.grants()) {
            list.add(Json.createObjectBuilder()
                    .add("authorizer_appid", g.authorizerAppId())
                    .add("authorization_type", g.authorizationType())
                    .add("authorized_appid", g.authorizedAppId())
                    .add("authorized_subject_cert_no", g.authorizedSubjectCertNo())
                    .add("drama_id", g.dramaIdValue())
                    .add("authorized_time", secs(g.authorizedTime()))
                    .add("expire_time", g.expiry().epochSecond()));
        }
        return ok().add("total_count", grants.totalCount()).add("list", list);
    }
}
