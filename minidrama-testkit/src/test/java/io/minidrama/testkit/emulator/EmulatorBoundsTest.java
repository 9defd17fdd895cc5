package io.minidrama.testkit.emulator;

import io.minidrama.adapter.fake.InMemoryMiniDramaPlatform;
import io.minidrama.adapter.fake.MutableClock;
import io.minidrama.adapter.jdkhttp.JdkHttpMiniDramaAdapter;
import io.minidrama.domain.Etag;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.UploadId;
import io.minidrama.domain.error.PlatformException;
import io.minidrama.domain.media.ApplyUpload;
import io.minidrama.domain.media.ByteSource;
import io.minidrama.domain.media.CommitUpload;
import io.minidrama.domain.media.MediaName;
import io.minidrama.domain.media.PartInfo;
import io.minidrama.domain.media.PartUpload;
import io.minidrama.domain.media.ResourceType;
import io.minidrama.domain.media.UploadLimits;
import io.minidrama.domain.media.VideoFormat;
import io.minidrama.emulator.MiniDramaEmulator;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The emulator's bounds: what it keeps, what it reads, how long it keeps an abandoned upload. */
class EmulatorBoundsTest {
    private static final int PART = (int) UploadLimits.PART_SIZE;
    private final HttpClient http = HttpClient.newHttpClient();

    private static JdkHttpMiniDramaAdapter client(MiniDramaEmulator emulator) {
        return JdkHttpMiniDramaAdapter.builder().baseUrl(emulator.baseUrl()).credentials("wx-any", "any").build();
    }

    private static String token(MiniDramaEmulator emulator) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(emulator.baseUrl()
                .resolve("/cgi-bin/token?grant_type=client_credential&appid=wx-any&secret=any")).build(), HttpResponse.BodyHandlers.ofString());
        return json(r.body()).getString("access_token");
    }

    private static JsonObject json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    /** Sends {@code head} (and nothing more) on a raw connection and returns the status line of the answer. */
    private static String statusLineOf(URI base, String head) throws Exception {
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
                line.write(b);
            }
            return line.toString(StandardCharsets.ISO_8859_1).strip();
        }
    }

    @Test
    void upload_declaringABodyOverTheEndpointsLimit_isAnswered502AtOnceWithoutReadingIt() throws Exception {
        try (MiniDramaEmulator emulator = MiniDramaEmulator.start()) {
            String token = token(emulator);
            String body = "--b\r\nContent-Disposition: form-data; name=\"media_data\"; filename=\"a.mp4\"\r\n\r\nabc";
            for (String op : List.of("singlefileupload", "uploadpart")) {
                String status = statusLineOf(emulator.baseUrl(), "POST /wxa/sec/vod/" + op + "?access_token=" + token + " HTTP/1.1\r\n"
                        + "Host: x\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 1000000000000\r\n\r\n" + body);
                assertEquals("HTTP/1.1 502 Bad Gateway", status, op);
            }
            // Just over the limit, sent in full: the gateway's 502 too, and the emulator still answers.
            long limit = 10L * UploadLimits.MB - 1 + UploadLimits.COVER_MAX + 256 * 1024;
            String status = statusLineOf(emulator.baseUrl(), "POST /wxa/sec/vod/singlefileupload?access_token=" + token + " HTTP/1.1\r\n"
                    + "Host: x\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: " + (limit + 1) + "\r\n\r\n");
            assertEquals("HTTP/1.1 502 Bad Gateway", status);
            assertEquals(200, http.send(HttpRequest.newBuilder(emulator.baseUrl().resolve("/__emulator/clock")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
        }
    }

    @Test
    void control_bodiesOverTheirLimit_areAnswered413WithoutReadingThem() throws Exception {
        try (MiniDramaEmulator emulator = MiniDramaEmulator.start()) {
            String seed = statusLineOf(emulator.baseUrl(), "POST /__emulator/media?media_name=x HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Length: 1000000000000\r\n\r\nabc");
            assertEquals("HTTP/1.1 413 Request Entity Too Large", seed);
            String control = statusLineOf(emulator.baseUrl(), "POST /__emulator/clock/advance HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 1000000000000\r\n\r\n{\"seconds\":");
            assertEquals("HTTP/1.1 413 Request Entity Too Large", control);
        }
    }

    @Test
    void commit_ofAMediaOverTheDefaultContentCap_keepsSizeAndDigestButNoBytes() throws Exception {
        Random random = new Random(7);
        try (MiniDramaEmulator emulator = MiniDramaEmulator.start()) {
            JdkHttpMiniDramaAdapter client = client(emulator);
            UploadId id = client.applyUpload(ApplyUpload.of(MediaName.of("剧", 1), VideoFormat.MP4));
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            List<PartInfo> infos = new ArrayList<>();
            byte[] part = new byte[PART];
            int parts = 13; // 65 MB: over the emulator's default 64 MB
            for (int i = 1; i <= parts; i++) {
                random.nextBytes(part);
                sha.update(part);
                Etag etag = client.uploadPart(new PartUpload(id, i, ResourceType.VIDEO, ByteSource.ofBytes(part.clone(), "ep.mp4")));
                infos.add(new PartInfo(i, etag));
            }
            assertEquals(0, emulator.control().partBytesInMemory(), "parts sent in order above the cap are not held");
            MediaId media = client.commitUpload(new CommitUpload(id, infos, List.of()));

            JsonObject stored = json(http.send(HttpRequest.newBuilder(emulator.baseUrl().resolve("/__emulator/media/" + media.value())).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertEquals((long) parts * PART, stored.getJsonNumber("size").longValue());
            assertEquals(HexFormat.of().formatHex(sha.digest()), stored.getString("sha256"));
            assertFalse(stored.getBoolean("content_kept"));
            HttpResponse<String> content = http.send(HttpRequest.newBuilder(emulator.baseUrl()
                    .resolve("/__emulator/media/" + media.value() + "/content")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, content.statusCode());
            assertEquals(10093030, json(content.body()).getInt("errcode"));
        }
    }

    @Test
    void uploadPart_afterTheUploadWasAbandonedLongerThanTheTtl_isAnswered10093030() {
        AtomicLong nanos = new AtomicLong();
        InMemoryMiniDramaPlatform fake = InMemoryMiniDramaPlatform.builder().clock(MutableClock.create())
                .abandonedUploadsExpireAfter(Duration.ofHours(1)).wallTicker(nanos::get).retryPolicy(io.minidrama.port.RetryPolicy.none()).build();
        try (MiniDramaEmulator emulator = MiniDramaEmulator.builder().platform(fake).start()) {
            JdkHttpMiniDramaAdapter client = client(emulator);
            UploadId id = client.applyUpload(ApplyUpload.of(MediaName.of("剧", 1), VideoFormat.MP4));
            Etag etag = client.uploadPart(new PartUpload(id, 1, ResourceType.VIDEO, ByteSource.ofBytes(new byte[100], "ep.mp4")));

            nanos.addAndGet(Duration.ofMinutes(61).toNanos());

            PlatformException part = assertThrows(PlatformException.class,
                    () -> client.uploadPart(new PartUpload(id, 2, ResourceType.VIDEO, ByteSource.ofBytes(new byte[100], "ep.mp4"))));
            assertEquals(10093030, part.rawErrcode());
            PlatformException commit = assertThrows(PlatformException.class,
                    () -> client.commitUpload(new CommitUpload(id, List.of(new PartInfo(1, etag)), List.of())));
            assertEquals(10093030, commit.rawErrcode());
            assertEquals(0, emulator.control().partBytesInMemory());
        }
    }

    @Test
    void start_setsTheJdkServersTimeLimitsUnlessTheUserDid() {
        try (MiniDramaEmulator ignored = MiniDramaEmulator.start()) {
            assertEquals("true", System.getProperty("sun.net.httpserver.nodelay"));
            assertTrue(Long.parseLong(System.getProperty("sun.net.httpserver.maxReqTime")) > 0, "a request time limit");
            assertTrue(Long.parseLong(System.getProperty("sun.net.httpserver.maxRspTime")) > 0, "a response time limit");
        }
    }
}
