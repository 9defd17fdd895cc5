package io.minidrama.adapter.jdkhttp;

import io.minidrama.port.PlatformOperation;
import io.minidrama.port.RetryPolicy;
import io.minidrama.domain.error.UnexpectedResponseException;
import io.minidrama.port.Sleeper;

import io.minidrama.domain.MediaId;
import io.minidrama.domain.UploadId;
import io.minidrama.domain.error.ErrorCode;
import io.minidrama.domain.error.FileTooLargeException;
import io.minidrama.domain.error.PlatformException;
import io.minidrama.domain.error.DeadlineExceededException;
import io.minidrama.domain.error.TransportException;
import io.minidrama.domain.media.ApplyUpload;
import io.minidrama.domain.media.ByteSource;
import io.minidrama.domain.media.MediaName;
import io.minidrama.domain.media.PartUpload;
import io.minidrama.domain.media.ResourceType;
import io.minidrama.domain.media.VideoFormat;
import io.minidrama.port.AccessToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static io.minidrama.adapter.jdkhttp.RecordingServer.Reply;
import static io.minidrama.adapter.jdkhttp.WireAssertions.NOW;
import static io.minidrama.adapter.jdkhttp.WireAssertions.adapterFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ErrorAndRetryTest {
    private static final String OK_MEDIA = "{\"errcode\":0,\"errmsg\":\"ok\",\"media_info\":{\"media_id\":1,\"file_size\":\"5\"}}";
    private static final String GET_MEDIA = "/wxa/sec/vod/getmedia";
    private static final String APPLY = "/wxa/sec/vod/applyupload";

    private final RecordingServer server = new RecordingServer();
    private final WireAssertions.RecordingSleeper sleeper = new WireAssertions.RecordingSleeper();

    @AfterEach
    void stop() {
        server.close();
    }

    private JdkHttpMiniDramaAdapter noRetries() {
        return adapterFor(server, sleeper).retryPolicy(RetryPolicy.none()).build();
    }

    private static ApplyUpload apply() {
        return ApplyUpload.of(MediaName.of("剧", 1), VideoFormat.MP4);
    }

    @Test
    void htmlBody_isAnUnexpectedResponseWithStatusAndSnippet() {
        server.script(GET_MEDIA, Reply.of(200, "text/html", "<html><body><h1>Bad Gateway</h1></body></html>"));

        UnexpectedResponseException e = assertThrows(UnexpectedResponseException.class, () -> noRetries().getMedia(MediaId.of(1)));

        assertEquals(200, e.httpStatus());
        assertTrue(e.getMessage().contains("HTML"), e.getMessage());
        assertTrue(e.getMessage().contains("<html><body><h1>Bad Gateway"), e.getMessage());
        assertEquals("getmedia", e.operation());
    }

    @Test
    void truncatedJson_isAnUnexpectedResponseNotANullPointer() {
        server.script(GET_MEDIA, Reply.json("{\"errcode\":0,\"errmsg\":\"ok\",\"media_info\":{\"media_id\":1,\"file_si"));

        UnexpectedResponseException e = assertThrows(UnexpectedResponseException.class, () -> noRetries().getMedia(MediaId.of(1)));

        assertTrue(e.getMessage().contains("malformed or truncated JSON"), e.getMessage());
    }

    @Test
    void emptyBodyAndMissingPayload_areUnexpectedResponses() {
        server.script(GET_MEDIA, Reply.of(200, "application/json", ""), Reply.json("{\"errcode\":0,\"errmsg\":\"ok\"}"));
        JdkHttpMiniDramaAdapter adapter = noRetries();

        assertTrue(assertThrows(UnexpectedResponseException.class, () -> adapter.getMedia(MediaId.of(1)))
                .getMessage().contains("empty"));
        assertTrue(assertThrows(UnexpectedResponseException.class, () -> adapter.getMedia(MediaId.of(1)))
                .getMessage().contains("lacks media_info"));
    }

    @Test
    void truncatedJson_isRetriedByTheDefaultPolicy_aSecondAnswerMayBeWhole() {
        server.script(GET_MEDIA, Reply.json("{\"errcode\":0,\"errmsg\":\"ok\",\"media_info\":{\"media_id\":1,\"file_si"), Reply.json(OK_MEDIA));

        assertEquals(1L, adapterFor(server, sleeper).build().getMedia(MediaId.of(1)).id().value());

        assertEquals(2, server.requests(GET_MEDIA).size());
    }

    @Test
    void completeJsonWithoutTheRequiredPayload_isUnmappableAndNotRetriedByTheDefaultPolicy() {
        server.script(GET_MEDIA, Reply.json("{\"errcode\":0,\"errmsg\":\"ok\"}"), Reply.json(OK_MEDIA));

        UnexpectedResponseException e = assertThrows(UnexpectedResponseException.class,
                () -> adapterFor(server, sleeper).build().getMedia(MediaId.of(1)));

        assertEquals(UnexpectedResponseException.Kind.UNMAPPABLE, e.kind());
        assertFalse(RetryPolicy.defaults().delayBeforeRetry(PlatformOperation.GET_MEDIA, e, 1, Duration.ZERO, 0.5).isPresent());
        assertEquals(1, server.requests(GET_MEDIA).size());
        assertEquals(0, sleeper.sleeps.size());
    }

    @Test
    void uploadPart_http502_isFileTooLargeAndNotRetried() {
        server.script("/wxa/sec/vod/uploadpart", Reply.of(502, "text/html", "<html>502 Bad Gateway</html>"));
        JdkHttpMiniDramaAdapter adapter = adapterFor(server, sleeper).build();

        FileTooLargeException e = assertThrows(FileTooLargeException.class, () -> adapter.uploadPart(
                new PartUpload(UploadId.of("u"), 1, ResourceType.VIDEO, ByteSource.ofBytes(new byte[10], "a.mp4"))));

        assertEquals(502, e.httpStatus());
        assertEquals("uploadpart", e.operation());
        assertEquals(1, server.requests("/wxa/sec/vod/uploadpart").size());
    }

    @Test
    void uploadPart_retriedAfterHttp500_resendsTheWholeRegionIdentically(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        byte[] content = new byte[1_500_000];
        new java.util.Random(15).nextBytes(content);
        java.nio.file.Path file = dir.resolve("video.mp4");
        java.nio.file.Files.write(file, content);
        server.script("/wxa/sec/vod/uploadpart", Reply.of(500, "text/html", "<html>oops</html>"),
                Reply.json("{\"errcode\":0,\"errmsg\":\"ok\",\"etag\":\"e1\"}"));

        // a region of several file buffers, not aligned to them: the retry must start over from its first byte
        adapterFor(server, sleeper).build().uploadPart(new PartUpload(UploadId.of("u1"), 1, ResourceType.VIDEO,
                ByteSource.ofRegion(file, 12_345, 1_234_567)));

        java.util.List<RecordingServer.Recorded> sent = server.requests("/wxa/sec/vod/uploadpart");
        assertEquals(2, sent.size());
        org.junit.jupiter.api.Assertions.assertArrayEquals(sent.get(0).body(), sent.get(1).body());
        for (RecordingServer.Recorded r : sent) {
            assertEquals(Integer.toString(r.body().length), r.header("Content-Length"), "a sized body, not chunked");
            MultipartParser.Part data = MultipartParser.parse(r.header("Content-Type"), r.body()).get(3);
            org.junit.jupiter.api.Assertions.assertArrayEquals(java.util.Arrays.copyOfRange(content, 12_345, 12_345 + 1_234_567), data.bytes());
        }
    }

    @Test
    void getMedia_http502_isNotFileTooLarge() {
        server.script(GET_MEDIA, Reply.of(502, "text/html", "<html>502</html>"));

        UnexpectedResponseException e = assertThrows(UnexpectedResponseException.class, () -> noRetries().getMedia(MediaId.of(1)));
        assertEquals(502, e.httpStatus());
    }

    @Test
    void http500_isRetriedWithJitteredBackoffThenSucceeds() {
        server.script(GET_MEDIA, Reply.of(500, "text/html", "<html>oops</html>"), Reply.of(503, "text/plain", "busy"), Reply.json(OK_MEDIA));

        assertEquals(1L, adapterFor(server, sleeper).build().getMedia(MediaId.of(1)).id().value());

        assertEquals(3, server.requests(GET_MEDIA).size());
        assertEquals(2, sleeper.sleeps.size());
        assertTrue(sleeper.sleeps.get(0).compareTo(Duration.ofMillis(200)) <= 0, sleeper.sleeps.toString());
        assertTrue(sleeper.sleeps.get(1).compareTo(Duration.ofMillis(400)) <= 0, sleeper.sleeps.toString());
    }

    @Test
    void http500_givesUpAfterMaxAttempts() {
        server.script(GET_MEDIA, Reply.of(500, "text/html", "<html>oops</html>"));

        assertThrows(UnexpectedResponseException.class, () -> adapterFor(server, sleeper).build().getMedia(MediaId.of(1)));

        assertEquals(RetryPolicy.defaults().maxAttempts(), server.requests(GET_MEDIA).size());
    }

    @Test
    void systemBusy_isRetriedEvenForACreatingCall() {
        server.script(APPLY, Reply.json("{\"errcode\":-1,\"errmsg\":\"system error\"}"),
                Reply.json("{\"errcode\":10093023,\"errmsg\":\"too frequent\"}"),
                Reply.json("{\"errcode\":0,\"errmsg\":\"ok\",\"upload_id\":\"u1\"}"));

        assertEquals("u1", adapterFor(server, sleeper).build().applyUpload(apply()).value());

        assertEquals(3, server.requests(APPLY).size());
    }

    @Test
    void applyUpload_afterAmbiguousFailure_isNotRetried() {
        server.script(APPLY, Reply.of(500, "text/html", "<html>oops</html>"), Reply.json("{\"errcode\":0,\"errmsg\":\"ok\",\"upload_id\":\"u1\"}"));

        UnexpectedResponseException e = assertThrows(UnexpectedResponseException.class,
                () -> adapterFor(server, sleeper).build().applyUpload(apply()));

        assertTrue(e.ambiguous());
        assertEquals(1, server.requests(APPLY).size());
    }

    @Test
    @SuppressWarnings("deprecation")
    void applyUpload_afterAmbiguousFailure_isRetriedWhenTheCallerOptsIn() {
        server.script(APPLY, Reply.of(500, "text/html", "<html>oops</html>"), Reply.json("{\"errcode\":0,\"errmsg\":\"ok\",\"upload_id\":\"u1\"}"));

        assertEquals("u1", adapterFor(server, sleeper).retryAmbiguousCreates(true).build().applyUpload(apply()).value());
        assertEquals(2, server.requests(APPLY).size());
    }

    @Test
    void applyUpload_afterAmbiguousFailure_isRetriedWhenThePolicyRetriesAmbiguousFailures() {
        server.script(APPLY, Reply.of(500, "text/html", "<html>oops</html>"), Reply.json("{\"errcode\":0,\"errmsg\":\"ok\",\"upload_id\":\"u1\"}"));

        assertEquals("u1", adapterFor(server, sleeper).retryPolicy(RetryPolicy.defaults().withRetryAmbiguous(true)).build()
                .applyUpload(apply()).value());
        assertEquals(2, server.requests(APPLY).size());
    }

    @Test
    void errcodeMinus2_isRetriedOnTheLongSchedule() {
        server.script(GET_MEDIA, Reply.json("{\"errcode\":-2,\"errmsg\":\"initialising\"}"), Reply.json(OK_MEDIA));

        adapterFor(server, sleeper).build().getMedia(MediaId.of(1));

        assertEquals(1, sleeper.sleeps.size());
        assertTrue(sleeper.sleeps.get(0).compareTo(Duration.ofSeconds(30)) <= 0);
        assertEquals(Duration.ofSeconds(30), RetryPolicy.defaults().initializingBaseDelay());
    }

    @Test
    void unknownErrcode_keepsRawCodeMessageOperationAndStatus() {
        server.script(GET_MEDIA, Reply.json("{\"errcode\":10099999,\"errmsg\":\"something new\"}"));

        PlatformException e = assertThrows(PlatformException.class, () -> adapterFor(server, sleeper).build().getMedia(MediaId.of(1)));

        assertEquals(ErrorCode.UNKNOWN, e.errorCode());
        assertEquals(10099999, e.rawErrcode());
        assertEquals("something new", e.errmsg());
        assertEquals("getmedia", e.operation());
        assertEquals(200, e.httpStatus());
        assertEquals(1, server.requests(GET_MEDIA).size());
    }

    @Test
    void documentedErrcode_isMapped() {
        server.script(GET_MEDIA, Reply.json("{\"errcode\":10093030,\"errmsg\":\"resource not exist\"}"));

        PlatformException e = assertThrows(PlatformException.class, () -> adapterFor(server, sleeper).build().getMedia(MediaId.of(1)));
        assertEquals(ErrorCode.RESOURCE_NOT_FOUND, e.errorCode());
    }

    @Test
    void slowResponse_beyondTheCallDeadline_isATimeout() {
        server.script(GET_MEDIA, Reply.json(OK_MEDIA).delayed(3_000));
        JdkHttpMiniDramaAdapter adapter = adapterFor(server, sleeper).retryPolicy(RetryPolicy.none())
                .callTimeout(Duration.ofMillis(300)).build();

        long start = System.nanoTime();
        DeadlineExceededException e = assertThrows(DeadlineExceededException.class, () -> adapter.getMedia(MediaId.of(1)));

        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(2)) < 0);
        assertTrue(e.ambiguous());
        assertEquals(Duration.ofMillis(300), e.deadline());
    }

    @Test
    void aResponseBodyStallingBeyondTheCallDeadline_isATimeout() {
        server.script(GET_MEDIA, Reply.json(OK_MEDIA).stalledMidBody(3_000));
        JdkHttpMiniDramaAdapter adapter = adapterFor(server, sleeper).retryPolicy(RetryPolicy.none())
                .callTimeout(Duration.ofMillis(500)).build();

        DeadlineExceededException e = assertThrows(DeadlineExceededException.class, () -> adapter.getMedia(MediaId.of(1)));

        assertEquals(Duration.ofMillis(500), e.deadline());
    }

    @Test
    void connectionRefused_isRetriedForEveryOperationAsNothingWasSent() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        JdkHttpMiniDramaAdapter adapter = JdkHttpMiniDramaAdapter.builder().baseUrl(URI.create("http://127.0.0.1:" + port))
                .tokenSource(() -> new AccessToken("T", NOW.plusSeconds(7200))).sleeper(sleeper).build();

        TransportException e = assertThrows(TransportException.class, () -> adapter.applyUpload(apply()));

        assertFalse(e.ambiguous());
        assertEquals(RetryPolicy.defaults().maxAttempts() - 1, sleeper.sleeps.size());
    }

    /** Accepts connections, reads the request head, and closes without answering. */
    private static ServerSocket closingServer(AtomicInteger accepted) throws Exception {
        ServerSocket ss = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!ss.isClosed()) {
                try (Socket s = ss.accept()) {
                    accepted.incrementAndGet();
                    InputStream in = s.getInputStream();
                    byte[] buf = new byte[8192];
                    in.read(buf);
                } catch (Exception ignored) {
                    // closed
                }
            }
        });
        t.setDaemon(true);
        t.start();
        return ss;
    }

    @Test
    void connectionClosedWithoutResponse_isAmbiguous_retriedForReadsOnly() throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        try (ServerSocket ss = closingServer(accepted)) {
            JdkHttpMiniDramaAdapter adapter = JdkHttpMiniDramaAdapter.builder()
                    .baseUrl(URI.create("http://127.0.0.1:" + ss.getLocalPort()))
                    .tokenSource(() -> new AccessToken("T", NOW.plusSeconds(7200))).sleeper(sleeper).build();

            TransportException read = assertThrows(TransportException.class, () -> adapter.getMedia(MediaId.of(1)));
            assertTrue(read.ambiguous());
            assertEquals(RetryPolicy.defaults().maxAttempts() - 1, sleeper.sleeps.size());

            sleeper.sleeps.clear();
            TransportException create = assertThrows(TransportException.class, () -> adapter.applyUpload(apply()));
            assertTrue(create.ambiguous());
            assertEquals(0, sleeper.sleeps.size());
        }
    }
}
