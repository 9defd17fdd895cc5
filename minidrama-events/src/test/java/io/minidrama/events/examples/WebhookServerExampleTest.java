package io.minidrama.events.examples;

import com.sun.net.httpserver.HttpServer;
import io.minidrama.domain.AuditStatus;
import io.minidrama.domain.DramaId;
import io.minidrama.domain.event.AuditEvent;
import io.minidrama.domain.event.AuditType;
import io.minidrama.domain.event.PushEvent;
import io.minidrama.domain.event.PushEvent.Envelope;
import io.minidrama.domain.event.UnknownEvent;
import io.minidrama.domain.event.UploadEvent;
import io.minidrama.events.PushEventReceiver;
import io.minidrama.events.PushEventSigner;
import io.minidrama.events.PushFormat;
import io.minidrama.events.PushMode;
import io.minidrama.events.SignedPush;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** End to end, offline: signed pushes over real HTTP into the example endpoint. */
class WebhookServerExampleTest {
    private static final String TOKEN = "exampleToken";
    private static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private static final String APPID = "wx00000000000000aa";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-02T03:04:05Z"), ZoneOffset.UTC);

    private final List<PushEvent> received = new CopyOnWriteArrayList<>();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private HttpServer server;
    private URI endpoint;

    @BeforeEach
    void start() throws IOException {
        start(PushEventReceiver.builder().token(TOKEN).encryption(AES_KEY, APPID).clock(CLOCK).build());
    }

    private void start(PushEventReceiver receiver) throws IOException {
        server = WebhookServerExample.start(new InetSocketAddress("127.0.0.1", 0), "/wx/push", receiver, received::add);
        endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/wx/push");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private PushEventSigner signer(PushMode mode, PushFormat format) {
        PushEventSigner.Builder b = PushEventSigner.builder().token(TOKEN).clock(CLOCK).format(format);
        if (mode != PushMode.PLAIN) {
            b.encryption(AES_KEY, APPID);
        }
        return b.mode(mode).build();
    }

    private HttpResponse<String> post(SignedPush push) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint + "?" + push.queryString()))
                .header("Content-Type", push.contentType())
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(push.body()))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static AuditEvent audit() {
        return new AuditEvent(new Envelope("gh_abcdefg", "oABCD", CLOCK.instant(), "event", AuditEvent.TYPE),
                DramaId.of(20001), AuditStatus.APPROVED, AuditType.FIRST_SUBMISSION, CLOCK.instant().minusSeconds(60), CLOCK.instant());
    }

    @ParameterizedTest
    @EnumSource(PushMode.class)
    void post_whenSignedPushInEachModeAndFormat_answersSuccessAndDeliversTheEvent(PushMode mode) throws Exception {
        if (mode == PushMode.PLAIN) { // a receiver with a key accepts plain pushes only after the opt-in
            server.stop(0);
            start(PushEventReceiver.builder().token(TOKEN).encryption(AES_KEY, APPID).allowPlainMode(true).clock(CLOCK).build());
        }
        for (PushFormat format : PushFormat.values()) {
            HttpResponse<String> response = post(signer(mode, format).sign(audit()));

            assertEquals(200, response.statusCode(), response.body());
            assertEquals("success", response.body());
        }
        assertEquals(List.of(audit(), audit()), received);
    }

    @Test
    void post_whenPlainPushReachesAReceiverWithAKey_answers403AndDeliversNothing() throws Exception {
        HttpResponse<String> response = post(signer(PushMode.PLAIN, PushFormat.XML).sign(audit()));

        assertEquals(403, response.statusCode());
        assertEquals("UNENCRYPTED", response.body());
        assertTrue(received.isEmpty());
    }

    @Test
    void get_whenUrlVerification_echoesEchostr() throws Exception {
        SignedPush handshake = signer(PushMode.SAFE, PushFormat.XML).urlVerification("4375120948345356249");

        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(endpoint + "?" + handshake.queryString())).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode());
        assertEquals("4375120948345356249", response.body());
    }

    @Test
    void post_whenSignedWithOtherToken_answers403AndDeliversNothing() throws Exception {
        SignedPush forged = PushEventSigner.builder().token("guessedToken").encryption(AES_KEY, APPID).clock(CLOCK).build().sign(audit());

        HttpResponse<String> response = post(forged);

        assertEquals(403, response.statusCode());
        assertEquals("BAD_SIGNATURE", response.body());
        assertTrue(received.isEmpty());
    }

    @Test
    void post_whenUnknownEvent_answersSuccessAndDeliversItRaw() throws Exception {
        String raw = "<xml><ToUserName><![CDATA[gh_abcdefg]]></ToUserName><MsgType>event</MsgType><Event>wxa_trade_controlled</Event></xml>";

        assertEquals(200, post(signer(PushMode.SAFE, PushFormat.XML).signMessage(raw)).statusCode());

        assertEquals(raw, ((UnknownEvent) received.get(0)).rawBody());
    }

    @Test
    void post_whenReplayedAnHourLater_answers403() throws Exception {
        SignedPush old = PushEventSigner.builder().token(TOKEN).encryption(AES_KEY, APPID)
                .clock(Clock.offset(CLOCK, Duration.ofHours(-1))).build()
                .sign(new UploadEvent(new Envelope("gh", "o", CLOCK.instant(), "event", UploadEvent.TYPE), 1, "", 0, ""));

        HttpResponse<String> response = post(old);

        assertEquals(403, response.statusCode());
        assertEquals("STALE", response.body());
    }
}
