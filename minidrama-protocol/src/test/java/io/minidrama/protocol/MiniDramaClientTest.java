package io.minidrama.protocol;

import io.minidrama.domain.MediaId;
import io.minidrama.domain.UploadId;
import io.minidrama.domain.error.DeadlineExceededException;
import io.minidrama.domain.error.MiniDramaException;
import io.minidrama.domain.error.PlatformException;
import io.minidrama.domain.error.TransportException;
import io.minidrama.domain.error.UnexpectedResponseException;
import io.minidrama.domain.media.ApplyUpload;
import io.minidrama.domain.media.ByteSource;
import io.minidrama.domain.media.MediaName;
import io.minidrama.domain.media.VideoFormat;
import io.minidrama.domain.media.Media;
import io.minidrama.domain.media.PartUpload;
import io.minidrama.domain.media.ResourceType;
import io.minidrama.port.AccessToken;
import io.minidrama.port.RetryPolicy;
import io.minidrama.protocol.RecordingTransport.Sent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.minidrama.protocol.RecordingTransport.json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one call pipeline over an in-memory transport: tokens, deadlines, replayed bodies, typed answers, no secrets. */
class MiniDramaClientTest {
    private static final String APPID = "wx0123456789abcdef";
    private static final String SECRET = "S3cr3t-0f-th3-app-0123456789abcd";
    private static final String TOKEN = "ACCESS-TOKEN-";
    private static final String STABLE = "/cgi-bin/stable_token";
    private static final String GET_MEDIA = "/wxa/sec/vod/getmedia";
    private static final String UPLOAD_PART = "/wxa/sec/vod/uploadpart";
    private static final String APPLY = "/wxa/sec/vod/applyupload";
    private static final String MEDIA_OK = "{\"errcode\":0,\"errmsg\":\"ok\",\"media_info\":{\"media_id\":7,\"file_size\":\"5\"}}";

    @TempDir
    Path dir;

    private final RecordingTransport transport = new RecordingTransport();
    private final AtomicInteger fetched = new AtomicInteger();

    /** stable_token hands out ACCESS-TOKEN-1, -2, ... */
    private RecordingTransport.Answer freshTokens() {
        return s -> RecordingTransport.response(200, "application/json",
                ("{\"access_token\":\"" + TOKEN + fetched.incrementAndGet() + "\",\"expires_in\":7200}").getBytes(StandardCharsets.UTF_8));
    }

    private MiniDramaClient.Builder client() {
        transport.always(STABLE, freshTokens());
        return MiniDramaClient.builder().transport(transport).baseUrl("https://api.example.test").credentials(APPID, SECRET)
                .retryPolicy(RetryPolicy.none()).sleeper(d -> { });
    }

    private static List<String> tokensUsed(List<Sent> sent) {
        return sent.stream().map(s -> s.query().replaceFirst("^access_token=", "")).toList();
    }

    @Test
    void aRejectedToken_isInvalidatedAndTheCallRepeatedOnceWithAFreshOne() {
        transport.then(GET_MEDIA, json("{\"errcode\":40001,\"errmsg\":\"invalid credential\"}")).always(GET_MEDIA, json(MEDIA_OK));
        MiniDramaClient client = client().build();

        Media media = client.getMedia(MediaId.of(7));

        assertEquals(7, media.id().value());
        assertEquals(List.of(TOKEN + 1, TOKEN + 2), tokensUsed(transport.to(GET_MEDIA)));
        assertEquals(2, transport.to(STABLE).size());
    }

    @Test
    void aTokenRejectedAgain_failsAfterTheOneRefresh() {
        transport.always(GET_MEDIA, json("{\"errcode\":42001,\"errmsg\":\"access_token expired\"}"));
        MiniDramaClient client = client().build();

        PlatformException e = assertThrows(PlatformException.class, () -> client.getMedia(MediaId.of(7)));

        assertEquals(42001, e.errorCode().code());
        assertEquals(2, transport.to(GET_MEDIA).size(), "one refresh per call, not a loop");
    }

    @Test
    void aRejectedToken_invalidatesOnlyTheTokenUsed_notOneAnotherCallerFetchedSince() {
        CachingAccessTokens tokens = CachingAccessTokens.of(() -> new AccessToken(TOKEN + fetched.incrementAndGet(),
                Instant.now().plus(Duration.ofHours(2))));
        // While the call is on the wire, another caller has the stale token replaced (ACCESS-TOKEN-2).
        transport.then(GET_MEDIA, s -> {
            tokens.invalidate(tokens.token());
            tokens.token();
            return json("{\"errcode\":40001,\"errmsg\":\"invalid credential\"}").apply(s);
        }).always(GET_MEDIA, json(MEDIA_OK));
        MiniDramaClient client = MiniDramaClient.builder().transport(transport).accessTokens(tokens)
                .retryPolicy(RetryPolicy.none()).build();

        client.getMedia(MediaId.of(7));

        assertEquals(List.of(TOKEN + 1, TOKEN + 2), tokensUsed(transport.to(GET_MEDIA)));
        assertEquals(2, fetched.get(), "invalidating ACCESS-TOKEN-1 again must not throw away ACCESS-TOKEN-2");
    }

    @Test
    void theCallTimeout_isTheDeadlineOfEveryExchange_tokenFetchesCappedAt30s() {
        transport.always(GET_MEDIA, json(MEDIA_OK));
        client().callTimeout(Duration.ofSeconds(42)).build().getMedia(MediaId.of(7));

        assertEquals(Duration.ofSeconds(42), transport.to(GET_MEDIA).get(0).request().timeout());
        assertEquals(Duration.ofSeconds(30), transport.to(STABLE).get(0).request().timeout());
        assertEquals("getmedia", transport.to(GET_MEDIA).get(0).request().operation());
    }

    @Test
    void aRetriedUpload_resendsTheWholeBodyFromItsFirstByte() throws IOException {
        byte[] content = new byte[70_000];
        new java.util.Random(3).nextBytes(content);
        Path file = Files.write(dir.resolve("ep.mp4"), content);
        transport.then(UPLOAD_PART, RecordingTransport.fails(new TransportException("uploadpart", "connection reset", true, null)))
                .always(UPLOAD_PART, json("{\"errcode\":0,\"errmsg\":\"ok\",\"etag\":\"e-1\"}"));
        MiniDramaClient client = client().retryPolicy(RetryPolicy.defaults()).build();

        String etag = client.uploadPart(new PartUpload(UploadId.of("up-1"), 1, ResourceType.VIDEO,
                ByteSource.ofRegion(file, 1_000, 60_000))).value();

        assertEquals("e-1", etag);
        List<Sent> sent = transport.to(UPLOAD_PART);
        assertEquals(2, sent.size());
        assertArrayEquals(sent.get(0).body(), sent.get(1).body());
        String body = new String(sent.get(1).body(), StandardCharsets.ISO_8859_1);
        assertTrue(body.contains(new String(content, 1_000, 60_000, StandardCharsets.ISO_8859_1)), "the file region, whole");
        assertTrue(sent.get(1).request().body().orElseThrow().contentType().startsWith("multipart/form-data; boundary="));
    }

    private static ApplyUpload apply() {
        return ApplyUpload.of(MediaName.of("剧", 1), VideoFormat.MP4);
    }

    @Test
    void aTokenFetchThatFails_leavesNothingSent_soEvenACallNotSafeToRepeatIsRetried() {
        transport.then(STABLE, RecordingTransport.fails(new TransportException("stable_token", "connection reset", true, null)))
                .then(STABLE, s -> RecordingTransport.response(502, "text/html", "<html>bad gateway</html>".getBytes(StandardCharsets.UTF_8)));
        transport.always(APPLY, json("{\"errcode\":0,\"errmsg\":\"ok\",\"upload_id\":\"u-1\"}"));
        List<Duration> sleeps = new ArrayList<>();
        MiniDramaClient client = client().retryPolicy(RetryPolicy.defaults()).sleeper(sleeps::add).build();

        assertEquals("u-1", client.applyUpload(apply()).value());

        assertEquals(3, transport.to(STABLE).size(), "a lost and an unreadable token answer, then a token");
        assertEquals(1, transport.to(APPLY).size());
        assertEquals(2, sleeps.size(), "retried by the policy, with its waits");
    }

    @Test
    void aTokenFetchThatFails_isAnUnambiguousTransportFailureOfTheCall_causedByTheTokenEndpoint() {
        TransportException lost = new TransportException("stable_token", "connection reset", true, null);
        transport.then(STABLE, RecordingTransport.fails(lost));
        MiniDramaClient client = client().build();

        TransportException e = assertThrows(TransportException.class, () -> client.applyUpload(apply()));

        assertEquals("applyupload", e.operation());
        assertFalse(e.ambiguous(), "nothing of applyupload was sent");
        assertEquals(lost, e.getCause());
        assertEquals(0, transport.to(APPLY).size());
    }

    @Test
    void aBusyPlatform_isRetriedAsThePortsPolicyDecides_theEarlierFailuresTravelAlong() {
        transport.always(GET_MEDIA, json("{\"errcode\":-1,\"errmsg\":\"system error\"}"));
        List<Duration> sleeps = new ArrayList<>();
        MiniDramaClient client = client().retryPolicy(RetryPolicy.defaults().withMaxAttempts(3)).sleeper(sleeps::add).build();

        PlatformException e = assertThrows(PlatformException.class, () -> client.getMedia(MediaId.of(7)));

        assertEquals(-1, e.rawErrcode());
        assertEquals(3, transport.to(GET_MEDIA).size());
        assertEquals(2, sleeps.size());
        assertEquals(2, e.getSuppressed().length, "RetryingMiniDramaPlatform attaches the earlier attempts' failures");
        assertEquals(RetryPolicy.defaults().withMaxAttempts(3), client.retryPolicy());
    }

    @Test
    void aRejectedToken_isRefreshedWithinTheAttempt_andNotCountedAsARetry() {
        transport.then(GET_MEDIA, json("{\"errcode\":40001,\"errmsg\":\"invalid credential\"}"))
                .then(GET_MEDIA, json("{\"errcode\":-1,\"errmsg\":\"system error\"}"))
                .always(GET_MEDIA, json(MEDIA_OK));
        List<Duration> sleeps = new ArrayList<>();
        MiniDramaClient client = client().retryPolicy(RetryPolicy.defaults().withMaxAttempts(2)).sleeper(sleeps::add).build();

        assertEquals(7, client.getMedia(MediaId.of(7)).id().value());

        assertEquals(List.of(TOKEN + 1, TOKEN + 2, TOKEN + 2), tokensUsed(transport.to(GET_MEDIA)));
        assertEquals(1, sleeps.size(), "one retry, after the -1; the refresh needs no wait");
    }

    @Test
    void aTokenRejectedAgainInALaterAttempt_isNotRefreshedTwice_theCallIsSentAtMostMaxAttemptsPlusOne() {
        transport.then(GET_MEDIA, json("{\"errcode\":40001,\"errmsg\":\"invalid credential\"}"))
                .then(GET_MEDIA, json("{\"errcode\":-1,\"errmsg\":\"system error\"}"))
                .always(GET_MEDIA, json("{\"errcode\":40001,\"errmsg\":\"invalid credential\"}"));
        MiniDramaClient client = client().retryPolicy(RetryPolicy.defaults()).build();

        PlatformException e = assertThrows(PlatformException.class, () -> client.getMedia(MediaId.of(7)));

        assertEquals(40001, e.rawErrcode());
        assertEquals(3, transport.to(GET_MEDIA).size(), "40001, refresh, -1, retry, 40001: no second refresh");
        assertEquals(2, transport.to(STABLE).size());
    }

    @Test
    void aNonJsonAnswer_isUnreadable_andCarriesNoToken() {
        transport.always(GET_MEDIA, s -> RecordingTransport.response(502, "text/html",
                ("<html>bad gateway for " + s.request().uri() + "</html>").getBytes(StandardCharsets.UTF_8)));
        MiniDramaClient client = client().build();

        UnexpectedResponseException e = assertThrows(UnexpectedResponseException.class, () -> client.getMedia(MediaId.of(7)));

        assertEquals(UnexpectedResponseException.Kind.UNREADABLE, e.kind());
        assertEquals(502, e.httpStatus());
        assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
    }

    @Test
    void jsonThatDoesNotFitTheOperation_isUnmappable_andNotRepeated() {
        transport.always(GET_MEDIA, json("{\"errcode\":0,\"media_info\":{\"media_id\":{\"x\":1}}}"));
        MiniDramaClient client = client().retryPolicy(RetryPolicy.defaults()).build();

        UnexpectedResponseException e = assertThrows(UnexpectedResponseException.class, () -> client.getMedia(MediaId.of(7)));

        assertEquals(UnexpectedResponseException.Kind.UNMAPPABLE, e.kind());
        assertEquals(1, transport.to(GET_MEDIA).size());
    }

    private static RecordingTransport.Answer bodyFailsToRead() {
        return s -> RecordingTransport.response(200, "application/json", new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset while reading " + s.request().uri());
            }
        });
    }

    @Test
    void aBodyThatFailsToRead_isAnAmbiguousTransportFailure() {
        transport.always(GET_MEDIA, bodyFailsToRead());
        MiniDramaClient client = client().build();

        TransportException e = assertThrows(TransportException.class, () -> client.getMedia(MediaId.of(7)));

        assertFalse(e instanceof DeadlineExceededException, e.toString());
        assertTrue(e.ambiguous());
        assertFalse(stackTrace(e).contains(TOKEN), stackTrace(e));
    }

    @Test
    void aBodyThatFailsToReadPastTheDeadline_isADeadlineExceeded() {
        transport.always(GET_MEDIA, bodyFailsToRead());
        MiniDramaClient client = client().callTimeout(Duration.ofNanos(1)).build();

        DeadlineExceededException e = assertThrows(DeadlineExceededException.class, () -> client.getMedia(MediaId.of(7)));

        assertEquals(Duration.ofNanos(1), e.deadline());
    }

    @Test
    void aTransportsOwnBug_isATypedFailureWithoutItsMessage() {
        transport.always(GET_MEDIA, s -> {
            throw new IllegalStateException("broken at " + s.request().uri());
        });
        MiniDramaClient client = client().build();

        TransportException e = assertThrows(TransportException.class, () -> client.getMedia(MediaId.of(7)));

        assertTrue(e.ambiguous());
        assertFalse(stackTrace(e).contains(TOKEN), stackTrace(e));
    }

    @Test
    void neitherSecretNorToken_appearInAnyMessageOrToString() {
        transport.then(STABLE, json("{\"errcode\":40013,\"errmsg\":\"invalid appid, secret=" + SECRET + "\"}"));
        transport.always(GET_MEDIA, s -> RecordingTransport.response(200, "text/plain",
                ("echo " + s.request().uri()).getBytes(StandardCharsets.UTF_8)));
        MiniDramaClient.Builder builder = client();
        MiniDramaClient client = builder.build();
        List<String> texts = new ArrayList<>();

        PlatformException refused = assertThrows(PlatformException.class, () -> client.getMedia(MediaId.of(7)));
        UnexpectedResponseException echoed = assertThrows(UnexpectedResponseException.class, () -> client.getMedia(MediaId.of(7)));
        texts.add(stackTrace(refused));
        texts.add(stackTrace(echoed));
        texts.add(client.toString());
        texts.add(builder.toString());
        transport.sent.forEach(s -> texts.add(s.request().toString()));

        assertEquals(40013, refused.errorCode().code());
        for (String text : texts) {
            assertFalse(text.contains(SECRET), "leaks the secret: " + text);
            assertFalse(text.contains(TOKEN), "leaks a token: " + text);
        }
        assertFalse(transport.to(STABLE).get(0).request().uri().toString().contains(SECRET), "stable_token sends the secret in the body");
    }

    @Test
    void aClientWithoutTransport_isRefusedAtBuild() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> MiniDramaClient.builder().credentials(APPID, SECRET).build());

        assertTrue(e.getMessage().contains("transport"), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET));
    }

    private static String stackTrace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
