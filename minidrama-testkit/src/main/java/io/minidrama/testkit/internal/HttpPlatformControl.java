package io.minidrama.testkit.internal;

import io.minidrama.adapter.fake.Playback;
import io.minidrama.adapter.fake.StoredMedia;
import io.minidrama.domain.AppId;
import io.minidrama.domain.DramaId;
import io.minidrama.domain.MaterialId;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.authz.Expiry;
import io.minidrama.domain.error.PlatformException;
import io.minidrama.domain.error.TransportException;
import io.minidrama.domain.media.MediaName;
import io.minidrama.testkit.PlatformControl;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link PlatformControl} over the emulator's HTTP control prefix; what a test in another language would do. */
public final class HttpPlatformControl implements PlatformControl {
    /** The emulator's control prefix (its {@code ControlHandler.PREFIX}; the routes are in {@code MiniDramaEmulator}). */
    static final String CONTROL_PREFIX = "/__emulator/";

    private final URI base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public HttpPlatformControl(URI emulatorBaseUrl) {
        String s = emulatorBaseUrl.toString().replaceAll("/+$", "");
        this.base = URI.create(s + CONTROL_PREFIX);
    }

    @Override
    public Instant now() {
        return Instant.ofEpochMilli(reqLong(get("clock"), "now_millis"));
    }

    @Override
    public void advance(Duration by) {
        post("clock/advance", Json.createObjectBuilder().add("millis", by.toMillis()));
    }

    @Override
    public MediaId seedMedia(MediaName name, byte[] video) {
        HttpRequest r = HttpRequest.newBuilder(base.resolve("media?media_name=" + URLEncoder.encode(name.wire(), StandardCharsets.UTF_8)
                        + "&media_type=MP4"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(video)).build();
        return MediaId.of(reqLong(send(r), "media_id"));
    }

    @Override
    public void approveDrama(DramaId id) {
        post("dramas/" + id + "/approve", Json.createObjectBuilder());
    }

    @Override
    public void rejectDrama(DramaId id, String reason, List<MaterialId> evidence) {
        post("dramas/" + id + "/reject", Json.createObjectBuilder().add("reason", reason).add("evidence_material_id_list", ids(evidence)));
    }

    @Override
    public void rejectDramaForChanges(DramaId id, String reason, List<MaterialId> evidence) {
        post("dramas/" + id + "/reject", Json.createObjectBuilder().add("reason", reason).add("evidence_material_id_list", ids(evidence))
                .add("resubmit_with_changes", true));
    }

    @Override
    public void approveEpisode(MediaId id) {
        post("media/" + id + "/approve", Json.createObjectBuilder());
    }

    @Override
    public void rejectEpisode(MediaId id, String reason, List<MaterialId> evidence) {
        post("media/" + id + "/reject", Json.createObjectBuilder().add("reason", reason).add("evidence_material_id_list", ids(evidence)));
    }

    @Override
    public void failNext(String operation, int times, int errcode) {
        post("faults", Json.createObjectBuilder().add("operation", operation).add("times", times).add("errcode", errcode));
    }

    @Override
    public void failNextAfterProcessing(String operation, int times) {
        post("faults", Json.createObjectBuilder().add("operation", operation).add("times", times).add("transport", "after"));
    }

    @Override
    public int callsReceived(String operation) {
        return (int) get("calls").getJsonArray("calls").getValuesAs(jakarta.json.JsonObject.class).stream()
                .filter(c -> c.getString("operation").equals(operation)).count();
    }

    @Override
    public void failNextPullTasks(int times, int errcode, String errmsg) {
        post("pull-failures", Json.createObjectBuilder().add("times", times).add("errcode", errcode).add("errmsg", errmsg));
    }

    @Override
    public void setDuration(MediaId id, Duration duration) {
        post("media/" + id + "/duration", Json.createObjectBuilder().add("seconds", duration.toSeconds()));
    }

    @Override
    public Optional<StoredMedia> storedMedia(MediaId id) {
        HttpResponse<String> r = exchange(HttpRequest.newBuilder(base.resolve("media/" + id)).GET().build());
        if (r.statusCode() == 404) {
            return Optional.empty();
        }
        JsonObject o = check(r);
        return Optional.of(new StoredMedia(id, reqLong(o, "size"), reqString(o, "sha256"),
                Duration.ofSeconds(reqLong(o, "duration")), reqLong(o, "cover_size"),
                reqString(o, "cover_sha256"), o.getBoolean("content_kept")));
    }

    @Override
    public Playback play(String url, String clientIp, String referer, long bytes) {
        return play(url, clientIp, referer, bytes, false);
    }

    @Override
    public Playback play(String url, String clientIp, String referer, long bytes, boolean playerDirected) {
        JsonObject o = post("play", Json.createObjectBuilder().add("url", url).add("client_ip", clientIp).add("referer", referer)
                .add("bytes", bytes).add("player_directed", playerDirected));
        return new Playback(o.getBoolean("served"), reqLong(o, "bytes_served"), reqString(o, "refusal"));
    }

    @Override
    public AppId appId() {
        return AppId.of(reqString(get("appid"), "appid"));
    }

    @Override
    public void approveReplacement(DramaId id) {
        post("dramas/" + id + "/approve-replacement", Json.createObjectBuilder());
    }

    @Override
    public void rejectReplacement(DramaId id, String reason) {
        post("dramas/" + id + "/reject-replacement", Json.createObjectBuilder().add("reason", reason));
    }

    @Override
    public void approveInfoChange(DramaId id) {
        post("dramas/" + id + "/approve-info-change", Json.createObjectBuilder());
    }

    @Override
    public void rejectInfoChange(DramaId id) {
        post("dramas/" + id + "/reject-info-change", Json.createObjectBuilder());
    }

    @Override
    public String addPackage(long totalMb, Instant start, Instant end, boolean directed) {
        JsonObject o = post("packages", Json.createObjectBuilder().add("total_mb", totalMb).add("start_time", start.getEpochSecond())
                .add("end_time", end.getEpochSecond()).add("directed", directed));
        return reqString(o, "package_id");
    }

    @Override
    public void setPackageUsed(String packageId, long usedMb) {
        post("packages/" + packageId + "/used", Json.createObjectBuilder().add("used_mb", usedMb));
    }

    @Override
    public void lacksCategory(AppId appId) {
        post("appids/" + appId + "/lacks-category", Json.createObjectBuilder());
    }

    @Override
    public void receiveDramaGrant(AppId authorizer, DramaId drama, Expiry expiry) {
        post("received/dramas", grant(authorizer, drama, expiry));
    }

    @Override
    public void receiveAppGrant(AppId authorizer, Expiry expiry) {
        post("received/apps", Json.createObjectBuilder().add("authorizer_appid", authorizer.value()).add("expire_time", expiry.epochSecond()));
    }

    @Override
    public void receiveCopyrightGrant(AppId authorizer, DramaId drama, Expiry expiry) {
        post("received/copyrights", grant(authorizer, drama, expiry));
    }

    private static JsonObjectBuilder grant(AppId authorizer, DramaId drama, Expiry expiry) {
        return Json.createObjectBuilder().add("authorizer_appid", authorizer.value()).add("drama_id", drama.value())
                .add("expire_time", expiry.epochSecond());
    }

    private static JsonArrayBuilder ids(List<MaterialId> ids) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        ids.forEach(i -> a.add(i.value()));
        return a;
    }

    private JsonObject get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET().build());
    }

    private JsonObject post(String path, JsonObjectBuilder body) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.build().toString())).build());
    }

    private JsonObject send(HttpRequest r) {
        return check(exchange(r));
    }

    private HttpResponse<String> exchange(HttpRequest r) {
        try {
            return client.send(r, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TransportException("control", "the control call " + r.uri().getPath() + " failed ("
                    + e.getClass().getSimpleName() + ")", true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during control call " + r.uri(), e);
        }
    }

    private static JsonObject check(HttpResponse<String> r) {
        JsonObject o = parse(r.body().getBytes(StandardCharsets.UTF_8));
        if (r.statusCode() == 404 && o.containsKey("errcode")) {
            throw new PlatformException("control", o.getInt("errcode"), o.getString("errmsg", ""), 404);
        }
        if (r.statusCode() != 200) {
            throw new IllegalStateException("control call " + r.uri() + " answered " + r.statusCode() + ": " + o.getString("error", r.body()));
        }
        return o;
    }

    /** The control answer as a JSON object; anything else is the emulator's bug, not the test's. */
    private static JsonObject parse(byte[] body) {
        try (JsonReader r = Json.createReader(new ByteArrayInputStream(body))) {
            JsonValue v = r.readValue();
            if (v instanceof JsonObject o) {
                return o;
            }
            throw new IllegalStateException("the emulator's control answer is not a JSON object: " + v.getValueType());
        } catch (JsonException e) {
            throw new IllegalStateException("the emulator's control answer is not JSON: " + e.getMessage(), e);
        }
    }

    /** A number the control answer must carry (as a JSON number or a numeric string). */
    private static long reqLong(JsonObject o, String f) {
        JsonValue v = o.get(f);
        if (v instanceof JsonNumber n) {
            return n.longValueExact();
        }
        if (v instanceof JsonString s) {
            return Long.parseLong(s.getString().strip());
        }
        throw new IllegalStateException("the emulator's control answer has no number " + f);
    }

    /** A string the control answer must carry (a number is read as its text). */
    private static String reqString(JsonObject o, String f) {
        JsonValue v = o.get(f);
        if (v instanceof JsonString s) {
            return s.getString();
        }
        if (v instanceof JsonNumber n) {
            return n.toString();
        }
        throw new IllegalStateException("the emulator's control answer has no string " + f);
    }
}
