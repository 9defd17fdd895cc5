package io.minidrama.emulator.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.minidrama.adapter.fake.FakeControl;
import io.minidrama.adapter.fake.InMemoryMiniDramaPlatform;
import io.minidrama.adapter.fake.Playback;
import io.minidrama.adapter.fake.StoredMedia;
import io.minidrama.domain.AppId;
import io.minidrama.domain.DramaId;
import io.minidrama.domain.MaterialId;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.authz.Expiry;
import io.minidrama.domain.error.MiniDramaException;
import io.minidrama.domain.error.PlatformException;
import io.minidrama.domain.media.MediaName;
import io.minidrama.domain.media.SingleFileUpload;
import io.minidrama.domain.media.UploadLimits;
import io.minidrama.domain.media.VideoFormat;
import io.minidrama.events.PushEventSigner;
import io.minidrama.events.PushFormat;
import io.minidrama.events.PushMode;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The emulator's control surface over HTTP, under {@value #PREFIX}, so tests in any language can
 * decide audits, inject faults, move the clock and inspect state. Every answer is JSON; a misuse
 * is HTTP 400 {@code {"error": ..}}, an unknown drama or media HTTP 404 with the platform's errcode.
 * The routes are listed in {@link io.minidrama.emulator.MiniDramaEmulator}.
 */
public final class ControlHandler implements HttpHandler {
    /** The reserved path prefix. */
    public static final String PREFIX = "/__emulator/";

    private final InMemoryMiniDramaPlatform platform;
    private final FakeControl control;
    private final Tokens tokens;
    private final Pusher pusher;
    private final WireProblems problems;

    public ControlHandler(InMemoryMiniDramaPlatform platform, Tokens tokens, Pusher pusher, WireProblems problems) {
        this.platform = platform;
        this.control = platform.control();
        this.tokens = tokens;
        this.pusher = pusher;
        this.problems = problems;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            try {
                route(ex);
            } catch (PlatformException e) {
                ResponseWriter.send(ex, 404, ResponseWriter.error(e.rawErrcode(), e.errmsg()));
            } catch (WireError e) {
                if (e.drain) {
                    Exchanges.drain(ex.getRequestBody());
                }
                ResponseWriter.send(ex, e.httpStatus == 413 ? 413 : 400, ResponseWriter.controlError(e.getMessage()));
            } catch (IllegalArgumentException | IllegalStateException | MiniDramaException e) {
                ResponseWriter.send(ex, 400, ResponseWriter.controlError(e.getMessage()));
            }
        }
    }

    private void route(HttpExchange ex) throws IOException {
        String[] path = ex.getRequestURI().getPath().substring(PREFIX.length()).split("/");
        String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
        String head = path[0];
        boolean post = method.equals("POST");
        if (post && path.length == 1 && head.equals("media")) {
            seed(ex);
            return;
        }
        JsonObject body = post ? bodyOrEmpty(ex) : JsonObject.EMPTY_JSON_OBJECT;
        JsonObjectBuilder ok = ResponseWriter.controlOk();
        switch (method + " " + head + (path.length > 2 ? "/" + path[2] : path.length > 1 ? "/" + path[1] : "")) {
            case "POST reset" -> control.reset();
            case "GET clock" -> ok.add("now", control.now().getEpochSecond()).add("now_millis", control.now().toEpochMilli());
            case "POST clock/advance" -> {
                Duration by = Duration.ofMillis(JsonBodies.optLong(body, "millis")
                        .orElseGet(() -> JsonBodies.reqLong(body, "seconds") * 1000));
                ok.add("now", control.advance(by).getEpochSecond());
            }
            case "POST dramas/approve" -> control.approveDrama(DramaId.of(id(path)));
            case "POST dramas/reject" -> {
                String reason = JsonBodies.optString(body, "reason").orElse("");
                List<MaterialId> evidence = JsonBodies.stringList(body, "evidence_material_id_list").stream().map(MaterialId::of).toList();
                if (JsonBodies.has(body, "resubmit_with_changes") && body.get("resubmit_with_changes").toString().equals("true")) {
                    control.rejectDramaForChanges(DramaId.of(id(path)), reason, evidence);
                } else {
                    control.rejectDrama(DramaId.of(id(path)), reason, evidence);
                }
            }
            case "POST dramas/approve-replacement" -> control.approveReplacement(DramaId.of(id(path)));
            case "POST dramas/reject-replacement" -> control.rejectReplacement(DramaId.of(id(path)),
                    JsonBodies.optString(body, "reason").orElse(""));
            case "POST dramas/approve-info-change" -> control.approveInfoChange(DramaId.of(id(path)));
            case "POST dramas/reject-info-change" -> control.rejectInfoChange(DramaId.of(id(path)));
            case "GET appid" -> ok.add("appid", platform.appId().value());
            case "POST packages" -> ok.add("package_id", control.addPackage(JsonBodies.reqLong(body, "total_mb"),
                    Instant.ofEpochSecond(JsonBodies.reqLong(body, "start_time")), Instant.ofEpochSecond(JsonBodies.reqLong(body, "end_time")),
                    JsonBodies.has(body, "directed") && body.get("directed").toString().equals("true")));
            case "POST packages/used" -> control.setPackageUsed(segment(path), JsonBodies.reqLong(body, "used_mb"));
            case "POST appids/lacks-category" -> control.lacksCategory(AppId.of(segment(path)));
            case "POST received/dramas" -> control.receiveDramaGrant(AppId.of(JsonBodies.reqString(body, "authorizer_appid")),
                    DramaId.of(JsonBodies.reqLong(body, "drama_id")), Expiry.ofEpochSecond(JsonBodies.optLong(body, "expire_time").orElse(0L)));
            case "POST received/apps" -> control.receiveAppGrant(AppId.of(JsonBodies.reqString(body, "authorizer_appid")),
                    Expiry.ofEpochSecond(JsonBodies.optLong(body, "expire_time").orElse(0L)));
            case "POST received/copyrights" -> control.receiveCopyrightGrant(AppId.of(JsonBodies.reqString(body, "authorizer_appid")),
                    DramaId.of(JsonBodies.reqLong(body, "drama_id")), Expiry.ofEpochSecond(JsonBodies.optLong(body, "expire_time").orElse(0L)));
            case "POST media/approve" -> control.approveEpisode(MediaId.of(id(path)));
            case "POST media/reject" -> control.rejectEpisode(MediaId.of(id(path)), JsonBodies.optString(body, "reason").orElse(""),
                    JsonBodies.stringList(body, "evidence_material_id_list").stream().map(MaterialId::of).toList());
            case "POST media/duration" -> control.setDuration(MediaId.of(id(path)), Duration.ofSeconds(JsonBodies.reqLong(body, "seconds")));
            case "GET media/content" -> {
                byte[] content = control.content(MediaId.of(id(path))).orElseThrow(() -> notFound("media content"));
                Exchanges.send(ex, 200, "application/octet-stream", content);
                return;
            }
            case "POST faults" -> faults(body);
            case "POST faults/clear" -> control.clearFaults();
            case "POST pull-failures" -> control.failNextPullTasks(JsonBodies.optInt(body, "times").orElse(1),
                    (int) JsonBodies.reqLong(body, "errcode"), JsonBodies.optString(body, "errmsg").orElse("pull failed"));
            case "POST latency" -> {
                Duration d = Duration.ofMillis(JsonBodies.reqLong(body, "millis"));
                Optional<String> op = JsonBodies.optString(body, "operation");
                if (op.isPresent()) {
                    control.latency(op.get(), d);
                } else {
                    control.latency(d);
                }
            }
            case "POST play" -> {
                Playback p = control.play(JsonBodies.reqString(body, "url"), JsonBodies.optString(body, "client_ip").orElse("127.0.0.1"),
                        JsonBodies.optString(body, "referer").orElse(""), JsonBodies.reqLong(body, "bytes"),
                        body.containsKey("player_directed") && body.getBoolean("player_directed"));
                ok.add("served", p.served()).add("bytes_served", p.bytesServed()).add("refusal", p.refusal());
            }
            case "GET calls" -> ok.add("calls", ResponseWriter.calls(control.recordedCalls()));
            case "GET wire-problems" -> ok.add("wire_problems", ResponseWriter.problems(problems.list()));
            case "POST wire-problems/clear" -> problems.clear();
            case "GET events" -> ok.add("events", ResponseWriter.events(control.pushedEvents()));
            case "POST tokens/revoke" -> tokens.revokeAll();
            case "GET tokens" -> ok.add("fetches", tokens.fetches()).add("issued", ResponseWriter.strings(tokens.issued()));
            case "POST push-target" -> pushTarget(body);
            case "GET pushes" -> ok.add("pushes", ResponseWriter.pushes(pusher.deliveries()));
            default -> {
                if (method.equals("GET") && head.equals("media") && path.length == 2) {
                    StoredMedia m = control.storedMedia(MediaId.of(id(path))).orElseThrow(() -> notFound("media"));
                    ResponseWriter.storedMedia(ok, m);
                } else {
                    ResponseWriter.send(ex, 404, ResponseWriter.controlError("no control route " + method + " "
                            + ex.getRequestURI().getPath()));
                    return;
                }
            }
        }
        ResponseWriter.send(ex, 200, ok.build());
    }

    private static PlatformException notFound(String what) {
        return new PlatformException("control", 10093030, what + " does not exist", PlatformException.NO_HTTP_STATUS);
    }

    /** Most a control route's JSON body may be; a larger one is HTTP 413, not read further. */
    static final int MAX_CONTROL_BODY = 1024 * 1024;

    private static JsonObject bodyOrEmpty(HttpExchange ex) throws IOException {
        byte[] b = Exchanges.readBody(ex, MAX_CONTROL_BODY,
                () -> WireError.tooLarge(-1, "a control body is at most " + MAX_CONTROL_BODY + " bytes", 413));
        return b.length == 0 ? JsonObject.EMPTY_JSON_OBJECT : JsonBodies.parse(b);
    }

    private static String segment(String[] path) {
        if (path.length < 2 || path[1].isEmpty()) {
            throw new IllegalArgumentException("the route needs an id");
        }
        return path[1];
    }

    private static long id(String[] path) {
        if (path.length < 2) {
            throw new IllegalArgumentException("the route needs an id");
        }
        try {
            return Long.parseLong(path[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an id: " + path[1]);
        }
    }

    /** {@code POST /__emulator/media?media_name=..&media_type=MP4} with the video as the raw body: a finished upload. */
    private void seed(HttpExchange ex) throws IOException {
        var q = Exchanges.query(ex);
        // A seeded media is a single-file upload: under 10 MB (larger media come by the upload operations).
        int max = (int) UploadLimits.SINGLE_UPLOAD_MAX_EXCLUSIVE - 1;
        byte[] video = Exchanges.readBody(ex, max,
                () -> WireError.tooLarge(-1, "a seeded video is at most " + max + " bytes; upload larger ones with applyupload", 413));
        SingleFileUpload r = SingleFileUpload.builder()
                .name(MediaName.parse(q.getOrDefault("media_name", "")))
                .format(VideoFormat.parse(q.getOrDefault("media_type", "MP4")))
                .video(new ArraySource(video, video.length, "seed.mp4"))
                .build();
        ResponseWriter.send(ex, 200, ResponseWriter.controlOk().add("media_id", platform.uploadSingle(r).value()).build());
    }

    private void faults(JsonObject body) {
        String op = JsonBodies.reqString(body, "operation");
        int times = JsonBodies.optInt(body, "times").orElse(1);
        Optional<String> transport = JsonBodies.optString(body, "transport");
        if (transport.isPresent()) {
            if (transport.get().equals("after")) {
                control.failNextAfterProcessing(op, times);
            } else {
                control.failNextWithTransportFault(op, times);
            }
        } else {
            control.failNext(op, times, (int) JsonBodies.reqLong(body, "errcode"),
                    JsonBodies.optString(body, "errmsg").orElse("injected by the test"));
        }
    }

    private void pushTarget(JsonObject body) {
        Optional<String> url = JsonBodies.optString(body, "url");
        if (url.isEmpty()) {
            pusher.target(null, null);
            return;
        }
        PushMode mode = PushMode.valueOf(JsonBodies.optString(body, "mode").orElse("plain").toUpperCase(Locale.ROOT));
        PushEventSigner.Builder b = PushEventSigner.builder()
                .token(JsonBodies.reqString(body, "token"))
                .mode(mode)
                .format(PushFormat.valueOf(JsonBodies.optString(body, "format").orElse("xml").toUpperCase(Locale.ROOT)))
                .clock(platform.clock());
        if (mode != PushMode.PLAIN) {
            b.encryption(JsonBodies.reqString(body, "encoding_aes_key"), JsonBodies.reqString(body, "appid"));
        }
        pusher.target(URI.create(url.get()), b.build());
    }
}
