package io.minidrama.emulator.internal;

import io.minidrama.domain.cdn.CdnLogs;
import io.minidrama.domain.cdn.CdnUsage;
import io.minidrama.domain.drama.Drama;
import io.minidrama.domain.media.Media;
import io.minidrama.domain.media.MediaAuditDetail;
import io.minidrama.domain.media.PlayLink;
import io.minidrama.domain.media.Task;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads request JSON tolerantly and writes response JSON as the platform does (API.md §1-§2). */
final class JsonBodies {

    private JsonBodies() {
    }

    // ------------------------------------------------------------ reading

    static JsonObject parse(byte[] body) {
        if (body.length == 0 || new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            throw new WireError(44002, "empty post data");
        }
        try (JsonReader r = Json.createReader(new ByteArrayInputStream(body))) {
            JsonStructure s = r.read();
            if (!(s instanceof JsonObject o)) {
                throw WireError.bodyFormat("(the body must be a JSON object)");
            }
            return o;
        } catch (JsonException e) {
            throw WireError.bodyFormat("(" + e.getMessage() + ")");
        }
    }

    static boolean has(JsonObject o, String f) {
        return o.containsKey(f) && o.get(f).getValueType() != JsonValue.ValueType.NULL;
    }

    static long reqLong(JsonObject o, String f) {
        return optLong(o, f).orElseThrow(() -> WireError.badArgument(f + " is required"));
    }

    static Optional<Long> optLong(JsonObject o, String f) {
        if (!has(o, f)) {
            return Optional.empty();
        }
        JsonValue v = o.get(f);
        try {
            if (v instanceof JsonNumber n) {
                return Optional.of(n.longValueExact());
            }
            if (v instanceof JsonString s) {
                return Optional.of(Long.parseLong(s.getString().strip()));
            }
        } catch (ArithmeticException | NumberFormatException e) {
            // falls through to the error below
        }
        throw WireError.badArgument(f + " must be an integer");
    }

    static Optional<Integer> optInt(JsonObject o, String f) {
        return optLong(o, f).map(l -> {
            if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
                throw WireError.badArgument(f + " is out of range");
            }
            return l.intValue();
        });
    }

    static String reqString(JsonObject o, String f) {
        return optString(o, f).orElseThrow(() -> WireError.badArgument(f + " is required"));
    }

    static Optional<String> optString(JsonObject o, String f) {
        if (!has(o, f)) {
            return Optional.empty();
        }
        JsonValue v = o.get(f);
        if (v instanceof JsonString s) {
            return Optional.of(s.getString());
        }
        if (v instanceof JsonNumber n) {
            return Optional.of(n.toString());
        }
        throw WireError.badArgument(f + " must be a string");
    }

    static List<Long> longList(JsonObject o, String f) {
        if (!has(o, f)) {
            return List.of();
        }
        JsonArray a = array(o, f);
        List<Long> out = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            JsonObject wrapper = Json.createObjectBuilder().add("v", a.get(i)).build();
            out.add(reqLong(wrapper, "v"));
        }
        return out;
    }

    static List<String> stringList(JsonObject o, String f) {
        if (!has(o, f)) {
            return List.of();
        }
        JsonArray a = array(o, f);
        List<String> out = new ArrayList<>(a.size());
        for (JsonValue v : a) {
            if (!(v instanceof JsonString s)) {
                throw WireError.badArgument(f + " must be a list of strings");
            }
            out.add(s.getString());
        }
        return out;
    }

    static JsonArray array(JsonObject o, String f) {
        if (!(o.get(f) instanceof JsonArray a)) {
            throw WireError.badArgument(f + " must be a list");
        }
        return a;
    }

    static Optional<JsonObject> optObject(JsonObject o, String f) {
        if (!has(o, f)) {
            return Optional.empty();
        }
        if (!(o.get(f) instanceof JsonObject x)) {
            throw WireError.badArgument(f + " must be an object");
        }
        return Optional.of(x);
    }

    // ------------------------------------------------------------ writing

    static JsonObjectBuilder ok() {
        return Json.createObjectBuilder().add("errcode", 0).add("errmsg", "ok");
    }

    static JsonObject error(int errcode, String errmsg) {
        return Json.createObjectBuilder().add("errcode", errcode).add("errmsg", errmsg).build();
    }

    private static long secs(Instant t) {
        return t.getEpochSecond();
    }

    static JsonObject media(Media m) {
        MediaAuditDetail a = m.auditDetail();
        JsonArrayBuilder evidence = Json.createArrayBuilder();
        a.evidenceMaterialIds().forEach(e -> evidence.add(e.value()));
        JsonObjectBuilder b = Json.createObjectBuilder()
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
                        .add("evidence_material_id_list", evidence));
        return b.build();
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
                    .add("date", f.date().toString()) // "2024-03-28", as the official example
                    .add("name", f.name())
                    .add("url", f.url())
                    .add("start_time", secs(f.startTime()))
                    .add("end_time", secs(f.endTime())));
        }
        return ok().add("total_count", l.totalCount()).add("domestic_cdn_logs", files);
    }
}
