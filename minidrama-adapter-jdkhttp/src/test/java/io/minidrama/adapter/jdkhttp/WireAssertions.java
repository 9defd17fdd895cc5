package io.minidrama.adapter.jdkhttp;

import io.minidrama.port.Sleeper;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Shared fixtures: the adapter aimed at a {@link RecordingServer}, JSON comparison. */
final class WireAssertions {
    static final Instant NOW = Instant.parse("2024-06-01T00:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String APPID = "wx0123456789abcdef";
    static final String SECRET = "S3CR3T_app_secret_value_42";

    private WireAssertions() {
    }

    /** Records the delays the adapter asked for instead of sleeping. */
    static final class RecordingSleeper implements Sleeper {
        final List<Duration> sleeps = new CopyOnWriteArrayList<>();

        @Override
        public void sleep(Duration duration) {
            sleeps.add(duration);
        }
    }

    static JdkHttpMiniDramaAdapter.Builder adapterFor(RecordingServer server, Sleeper sleeper) {
        return JdkHttpMiniDramaAdapter.builder()
                .baseUrl(server.baseUrl())
                .credentials(APPID, SECRET)
                .clock(CLOCK)
                .sleeper(sleeper)
                .connectTimeout(Duration.ofSeconds(2))
                .requestTimeout(Duration.ofSeconds(10))
                .callTimeout(Duration.ofSeconds(20));
    }

    static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    /** Asserts a recorded vod call: POST, path, token query, JSON content type and body. */
    static void assertJsonCall(RecordingServer.Recorded r, String op, String expectedJson) {
        assertEquals("POST", r.method());
        assertEquals("/wxa/sec/vod/" + op, r.path());
        assertEquals("access_token=" + RecordingServer.TOKEN, r.rawQuery());
        assertEquals("application/json; charset=utf-8", r.header("Content-Type"));
        assertEquals(parse(expectedJson), parse(r.bodyText()), "JSON body of " + op);
    }
}
