package io.minidrama.testkit.emulator;

import com.sun.net.httpserver.HttpServer;
import io.minidrama.adapter.fake.MutableClock;
import io.minidrama.adapter.jdkhttp.JdkHttpMiniDramaAdapter;
import io.minidrama.domain.AuditStatus;
import io.minidrama.domain.DramaId;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.event.AuditEvent;
import io.minidrama.domain.event.PushEvent;
import io.minidrama.events.PushEventReceiver;
import io.minidrama.events.PushFormat;
import io.minidrama.events.PushMode;
import io.minidrama.port.MiniDramaPlatform;
import io.minidrama.emulator.MiniDramaEmulator;
import io.minidrama.testkit.MiniDramaFixtures;
import io.minidrama.testkit.MiniDramaTest;
import io.minidrama.testkit.PlatformControl;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MiniDramaTest(emulator = true, clockStart = "2025-03-01T00:00:00Z")
class EmulatorWireTest {
    private static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    MiniDramaEmulator emulator;
    MutableClock clock;
    private MiniDramaPlatform client;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void client() {
        client = JdkHttpMiniDramaAdapter.builder().baseUrl(emulator.baseUrl()).credentials("wx-any", "any").clock(clock).build();
    }

    private JsonObject post(String path, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(emulator.baseUrl().resolve(path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        try (var reader = Json.createReader(new StringReader(r.body()))) {
            return reader.readObject();
        }
    }

    @Test
    void stableToken_withoutForceRefresh_answersTheSameTokenUntilItExpires() throws Exception {
        String body = "{\"grant_type\":\"client_credential\",\"appid\":\"wx1\",\"secret\":\"s\",\"force_refresh\":false}";
        JsonObject first = post("/cgi-bin/stable_token", body);
        JsonObject again = post("/cgi-bin/stable_token", body);

        assertEquals(7200, first.getInt("expires_in"));
        assertEquals(first.getString("access_token"), again.getString("access_token"));
        clock.advance(Duration.ofSeconds(7200));
        String token = first.getString("access_token");
        assertEquals(42001, post("/wxa/sec/vod/getmedia?access_token=" + token, "{\"media_id\":1}").getInt("errcode"));
    }

    @Test
    void tokenEndpoints_whenCredentialsAreConfigured_refuseOthers() throws Exception {
        try (MiniDramaEmulator strict = MiniDramaEmulator.builder().credentials("wx-right", "right").start()) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(strict.baseUrl().resolve(
                    "/cgi-bin/token?grant_type=client_credential&appid=wx-wrong&secret=right")).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(r.body().contains("40013"), r.body());
        }
    }

    @Test
    void httpAdapter_afterTheTokensAreRevoked_refreshesAndSucceeds() {
        MediaId id = client.uploadSingle(MiniDramaFixtures.anEpisode(1).build());

        emulator.revokeTokens();

        assertEquals(id, client.getMedia(id).id());
        assertEquals(2, emulator.tokenFetches());
    }

    @Test
    void controlOverHttp_approvesADramaAndTheAuditEventIsPushedSignedAndEncrypted() throws Exception {
        List<PushEvent> received = new CopyOnWriteArrayList<>();
        PushEventReceiver receiver = PushEventReceiver.builder().token("push-token").encryption(AES_KEY, "wx-app").clock(clock).build();
        HttpServer webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/push", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(receiver.receive(PushEventReceiver.parseQuery(ex.getRequestURI().getRawQuery()), body));
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        webhook.start();
        try {
            emulator.pushTo(URI.create("http://127.0.0.1:" + webhook.getAddress().getPort() + "/push"), "push-token", AES_KEY, "wx-app",
                    PushMode.SAFE, PushFormat.JSON);
            MediaId ep = client.uploadSingle(MiniDramaFixtures.anEpisode(1).build());
            DramaId drama = client.submit(MiniDramaFixtures.aDrama(List.of(ep)).build());

            PlatformControl.overHttp(emulator.baseUrl()).approveDrama(drama);

            AuditEvent event = assertInstanceOf(AuditEvent.class, received.get(0));
            assertEquals(drama, event.dramaId());
            assertEquals(AuditStatus.APPROVED, event.status());
            assertEquals(AuditStatus.APPROVED, client.getDrama(drama).status());
        } finally {
            webhook.stop(0);
        }
    }

    @Test
    void injectedTransportFault_closesTheConnectionWithoutAnAnswer() throws Exception {
        emulator.control().failNextWithTransportFault("getmedia", 1);

        JsonObject unauthorised = post("/wxa/sec/vod/getmedia?access_token=x", "{}");
        assertEquals(40001, unauthorised.getInt("errcode"), "the token is checked before any fault");
        String token = post("/cgi-bin/stable_token", "{\"grant_type\":\"client_credential\",\"appid\":\"a\",\"secret\":\"b\"}")
                .getString("access_token");
        HttpRequest faulty = HttpRequest.newBuilder(emulator.baseUrl().resolve("/wxa/sec/vod/getmedia?access_token=" + token))
                .POST(HttpRequest.BodyPublishers.ofString("{\"media_id\":1}")).build();
        assertThrows(java.io.IOException.class, () -> http.send(faulty, HttpResponse.BodyHandlers.ofString()));
        assertEquals(10093030, post("/wxa/sec/vod/getmedia?access_token=" + token, "{\"media_id\":1}").getInt("errcode"),
                "the fault is used up");
    }
}
