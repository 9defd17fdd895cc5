package io.minidrama.testkit.transport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.minidrama.domain.error.DeadlineExceededException;
import io.minidrama.domain.error.TransportException;
import io.minidrama.protocol.spi.HttpTransport;
import io.minidrama.protocol.spi.RequestBody;
import io.minidrama.protocol.spi.TransportRequest;
import io.minidrama.protocol.spi.TransportResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32C;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The contract every {@link HttpTransport} passes: extend it, return the transport under test from
 * {@link #newTransport(Duration)}, and run it with JUnit 5. It checks the SPI's Javadoc case by
 * case against servers of its own on the loopback interface (a JDK {@code HttpServer} for
 * well-behaved exchanges, raw sockets for misbehaving ones):
 * <ul>
 *   <li>non-2xx statuses come back as responses, with headers and bodies;</li>
 *   <li>UTF-8 JSON and binary bodies travel byte-exact both ways, with {@code Content-Type} and
 *       {@code Content-Length} from the {@link RequestBody};</li>
 *   <li>a 500 MB request body that never exists whole is streamed byte-exact while the client's
 *       heap (and direct memory) stays bounded, measured after a full GC in the middle of the
 *       upload, not by a clock;</li>
 *   <li>chunked responses; a response closed unread frees its connection;</li>
 *   <li>the deadline of {@link TransportRequest#timeout()} holds for slow headers
 *       ({@link DeadlineExceededException}) and for a slow body (an {@link IOException} from
 *       {@code read});</li>
 *   <li>a connection dropped after the request was read is an ambiguous
 *       {@link TransportException}; a port nobody listens on is an unambiguous one;</li>
 *   <li>the same body executed twice is sent whole twice; a keep-alive connection the server
 *       closed between two exchanges does not fail the second one wrongly;</li>
 *   <li>no exception (message, {@code toString()}, causes, suppressed) shows the URI's query or a
 *       header value.</li>
 * </ul>
 * No case asserts a duration: deadlines are short, but only the outcome is checked;
 * {@link Timeout} only guards against a hang (30 s on the two deadline cases, so a transport must
 * not rely on a read timeout of its own to end them, and on the unread-close case, where a leaked
 * connection would wait for a free one until a 2-minute deadline).
 *
 * <p>The suite sets {@code sun.net.httpserver.nodelay=true} before its server starts (without it
 * the JDK server's small writes wait for delayed ACKs).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public abstract class HttpTransportContract {

    /** The query every request of the suite carries: it must never appear in an exception. */
    protected static final String SECRET_QUERY = "access_token=SECRET-TOKEN";
    private static final String SECRET_HEADER = "SECRET-HEADER-VALUE";
    private static final long BIG_BODY = 500L * 1024 * 1024;
    private static final long HEAP_BOUND = 200L * 1024 * 1024;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration ROOMY = Duration.ofMinutes(2);

    static {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private HttpServer server;
    private ExecutorService serverThreads;
    private final CountDownLatch releaseSlowHandlers = new CountDownLatch(1);
    private final Map<String, Received> received = new ConcurrentHashMap<>();
    private HttpTransport transport;

    /**
     * The transport under test, new for every test and closed after it.
     *
     * @param connectTimeout how long it may take to establish a connection
     */
    protected abstract HttpTransport newTransport(Duration connectTimeout);

    /** What the server received for one request, keyed by the request's {@code x-probe} header. */
    private record Received(String method, String contentType, String contentLength, String transferEncoding,
                            long bytes, long crc, String probeHeader) {
    }

    @BeforeAll
    void startServer() throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        serverThreads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "transport-contract-server");
            t.setDaemon(true);
            return t;
        });
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(serverThreads);
        server.createContext("/status/", this::status);
        server.createContext("/echo", this::echo);
        server.createContext("/digest", this::digest);
        server.createContext("/chunked", this::chunked);
        server.createContext("/large", this::large);
        server.createContext("/slow-headers", exchange -> {
            drain(exchange);
            awaitRelease();
            exchange.close();
        });
        server.createContext("/slow-body", exchange -> {
            drain(exchange);
            exchange.sendResponseHeaders(200, 1000);
            OutputStream out = exchange.getResponseBody();
            out.write(new byte[10]);
            out.flush();
            awaitRelease();
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    void stopServer() {
        releaseSlowHandlers.countDown();
        server.stop(0);
        serverThreads.shutdownNow();
    }

    @BeforeEach
    void openTransport() {
        transport = newTransport(CONNECT_TIMEOUT);
    }

    @AfterEach
    void closeTransport() {
        transport.close();
    }

    // ---------------------------------------------------------------- statuses and headers

    @Test
    void execute_whenServerAnswers200_400_500_502_returnsEachAsResponseWithHeadersAndBody() throws IOException {
        for (int status : new int[]{200, 400, 500, 502}) {
            try (TransportResponse response = transport.execute(TransportRequest.get("status", uri("/status/" + status), ROOMY))) {
                assertEquals(status, response.status());
                assertEquals(Optional.of("status-" + status), response.header("X-Contract"), "header by any case");
                assertEquals(List.of("status-" + status), response.headers().get("x-contract"), "header names are lower-case");
                assertEquals("{\"errcode\":" + status + ",\"errmsg\":\"状态\"}",
                        new String(response.body().readAllBytes(), StandardCharsets.UTF_8), "status " + status);
            }
        }
    }

    @Test
    void execute_whenGet_sendsNoBodyAndTheGivenHeaders() throws IOException {
        TransportRequest get = new TransportRequest("get", "GET", uri("/echo"), Map.of("X-Probe", "get-1"), Optional.empty(), ROOMY);
        try (TransportResponse response = transport.execute(get)) {
            assertEquals(200, response.status());
            assertEquals(0, response.body().readAllBytes().length);
        }
        Received r = received.get("get-1");
        assertEquals("GET", r.method());
        assertEquals(0, r.bytes());
    }

    // ---------------------------------------------------------------- bodies both ways

    @Test
    void execute_whenUtf8JsonBody_sendsAndReceivesItByteExact() throws IOException {
        byte[] json = "{\"name\":\"我的短剧 🎬\",\"description\":\"一个好故事\\n\",\"n\":12345678901234567890}"
                .getBytes(StandardCharsets.UTF_8);
        byte[] back = exchange("json-1", RequestBody.of("application/json; charset=utf-8", json));
        assertArrayEquals(json, back);
        Received r = received.get("json-1");
        assertEquals("POST", r.method());
        assertEquals("application/json; charset=utf-8", r.contentType());
        assertEquals(String.valueOf(json.length), r.contentLength(), "Content-Length from the body");
    }

    @Test
    void execute_whenBinaryBody_sendsAndReceivesEveryByteValueExact() throws IOException {
        byte[] binary = new byte[300_000];
        new Random(42).nextBytes(binary);
        for (int i = 0; i < 256; i++) {
            binary[i] = (byte) i;
        }
        byte[] back = exchange("binary-1", RequestBody.of("application/octet-stream", binary));
        assertArrayEquals(binary, back);
        assertEquals("application/octet-stream", received.get("binary-1").contentType());
        assertEquals(String.valueOf(binary.length), received.get("binary-1").contentLength());
    }

    @Test
    void execute_whenEmptyBody_sendsContentLengthZero() throws IOException {
        byte[] back = exchange("empty-1", RequestBody.of("application/json", new byte[0]));
        assertEquals(0, back.length);
        assertEquals("0", received.get("empty-1").contentLength());
    }

    @Test
    void execute_when500MegabyteBody_streamsItByteExactInBoundedMemory() throws IOException {
        GeneratedBody body = new GeneratedBody(BIG_BODY, BIG_BODY * 9 / 10);
        try (TransportResponse response = transport.execute(post("big-1", body, ROOMY))) {
            assertEquals(200, response.status());
            response.body().readAllBytes();
        }
        Received r = received.get("big-1");
        assertEquals(BIG_BODY, r.bytes(), "bytes received");
        assertEquals(GeneratedBody.expectedCrc(BIG_BODY), r.crc(), "the body arrived byte-exact");
        assertEquals(String.valueOf(BIG_BODY), r.contentLength(), "sent with Content-Length, not chunked");
        assertNull(r.transferEncoding(), "no Transfer-Encoding");
        assertTrue(body.measured.get(), "the heap was measured while the body was being read");
        long grownHeap = body.heapAtProbe.get() - body.heapAtOpen.get();
        long grownDirect = body.directAtProbe.get() - body.directAtOpen.get();
        assertTrue(grownHeap < HEAP_BOUND, "after 450 MB of the body were read, the heap in use after a full GC grew by "
                + grownHeap / (1024 * 1024) + " MB: the transport holds the body instead of streaming it");
        assertTrue(grownDirect < HEAP_BOUND, "direct buffers grew by " + grownDirect / (1024 * 1024) + " MB while streaming");
    }

    @Test
    void execute_whenSameBodyExecutedTwice_sendsItWholeBothTimes() throws IOException {
        GeneratedBody body = new GeneratedBody(3 * 1024 * 1024 + 17, -1);
        long expected = GeneratedBody.expectedCrc(body.contentLength());
        for (String probe : List.of("twice-1", "twice-2")) {
            try (TransportResponse response = transport.execute(post(probe, body, ROOMY))) {
                assertEquals(200, response.status());
                response.body().readAllBytes();
            }
            assertEquals(body.contentLength(), received.get(probe).bytes(), probe);
            assertEquals(expected, received.get(probe).crc(), probe);
        }
        assertTrue(body.opens.get() >= 2, "the body was opened afresh for the second execute");
    }

    @Test
    void execute_whenTheBodyEndsBeforeItsContentLength_failsAndTheServerNeverGetsItWhole() throws Exception {
        long declared = 2L * 1024 * 1024;
        GeneratedBody shorter = new GeneratedBody(1024 * 1024, -1);
        RequestBody ending = new RequestBody() { // a file cut during the upload: it yields half its length
            @Override
            public String contentType() {
                return shorter.contentType();
            }

            @Override
            public long contentLength() {
                return declared;
            }

            @Override
            public ReadableByteChannel open() {
                return shorter.open();
            }
        };
        AtomicLong seen = new AtomicLong(-1);
        try (RawServer raw = new RawServer(1, (socket, n) -> {
            InputStream in = socket.getInputStream();
            long length = -1;
            StringBuilder line = new StringBuilder();
            for (int b; (b = in.read()) >= 0; ) { // the head, line by line, up to its empty line
                if (b != '\n') {
                    line.append((char) b);
                    continue;
                }
                String l = line.toString().trim();
                line.setLength(0);
                if (l.isEmpty()) {
                    break;
                }
                if (l.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                    length = Long.parseLong(l.substring(15).trim());
                }
            }
            long got = 0;
            try {
                byte[] buf = new byte[64 * 1024];
                for (int r; got < length && (r = in.read(buf, 0, (int) Math.min(buf.length, length - got))) >= 0; ) {
                    got += r;
                }
            } catch (IOException reset) {
                // the client closed the connection: the body ends here
            }
            seen.set(got);
            if (got == length) {
                socket.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
            }
        })) {
            TransportException e = assertThrows(TransportException.class,
                    () -> transport.execute(post("short", ending, ROOMY, raw.uri("/short"))).close());
            assertFalse(e instanceof DeadlineExceededException, "the transport noticed the short body itself: " + e);
            for (Throwable c = e; c != null; c = c.getCause()) { // not by waiting for an answer the server cannot give
                assertFalse(c.getClass().getSimpleName().endsWith("TimeoutException"), "the transport waited instead: " + c);
            }
            assertTrue(e.ambiguous(), "part of the request reached the server: " + e);
            assertNoSecret(e);
        }
        assertTrue(seen.get() >= 0 && seen.get() < declared, "the server got " + seen.get() + " of " + declared + " bytes");
    }

    @Test
    void execute_whenChunkedResponse_readsEveryChunk() throws IOException {
        try (TransportResponse response = transport.execute(TransportRequest.get("chunked", uri("/chunked"), ROOMY))) {
            assertEquals(200, response.status());
            assertArrayEquals(chunkedPayload(), response.body().readAllBytes());
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a leak waits for ROOMY
    void close_whenBodyNotRead_releasesTheConnectionForLaterExchanges() throws IOException {
        // More exchanges than any sane pool holds: a connection leaked by close() would block one
        // until its deadline (ROOMY, longer than this test's hang guard).
        for (int i = 0; i < 80; i++) {
            TransportResponse response = transport.execute(TransportRequest.get("large", uri("/large"), ROOMY));
            assertEquals(200, response.status());
            response.close();
        }
        try (TransportResponse response = transport.execute(TransportRequest.get("large", uri("/large"), ROOMY))) {
            assertEquals(1024 * 1024, response.body().readAllBytes().length);
        }
    }

    @Test
    void execute_whenManyExchangesRunAtOnce_keepsEachBodyWithItsResponse() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> results = new ArrayList<>();
            List<byte[]> sent = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                byte[] bytes = new byte[20_000 + i * 1000];
                new Random(i).nextBytes(bytes);
                sent.add(bytes);
                String probe = "parallel-" + i;
                results.add(callers.submit(() -> exchange(probe, RequestBody.of("application/octet-stream", bytes))));
            }
            for (int i = 0; i < 16; i++) {
                assertArrayEquals(sent.get(i), results.get(i).get(), "exchange " + i);
            }
        } finally {
            callers.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- deadlines

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // shorter than a transport's read timeout: only the deadline can end it
    void execute_whenHeadersArriveAfterTheDeadline_throwsDeadlineExceeded() {
        Duration deadline = Duration.ofMillis(300);
        DeadlineExceededException e = assertThrows(DeadlineExceededException.class,
                () -> transport.execute(withSecretHeader(TransportRequest.get("slowheaders", uri("/slow-headers"), deadline))).close());
        assertTrue(e.ambiguous());
        assertEquals("slowheaders", e.operation());
        assertNoSecret(e);
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // shorter than a transport's read timeout: only the deadline can end it
    void execute_whenBodyIsSlowerThanTheDeadline_failsTheReadWithIoException() {
        // Headers come at once; the deadline is roomy enough for them even on a busy machine.
        TransportResponse response = transport.execute(TransportRequest.get("slowbody", uri("/slow-body"), Duration.ofSeconds(3)));
        try {
            assertEquals(200, response.status());
            IOException e = assertThrows(IOException.class, () -> response.body().readAllBytes());
            assertNoSecret(e);
        } finally {
            response.close();
        }
    }

    // ---------------------------------------------------------------- dropped and refused connections

    @Test
    void execute_whenServerClosesAfterReadingTheRequest_throwsAmbiguousTransportException() throws Exception {
        try (RawServer raw = new RawServer(1, (socket, n) -> {
            readRequest(socket.getInputStream());
            socket.close();
        })) {
            TransportException e = assertThrows(TransportException.class, () -> transport.execute(
                    withSecretHeader(post("dropped", RequestBody.of("application/json", "{\"a\":1}".getBytes(StandardCharsets.UTF_8)), ROOMY,
                            raw.uri("/dropped")))).close());
            assertFalse(e instanceof DeadlineExceededException, "not a deadline: " + e);
            assertTrue(e.ambiguous(), "the request reached the server: " + e);
            assertEquals("dropped", e.operation());
            assertNoSecret(e);
        }
    }

    @Test
    void execute_whenNobodyListens_throwsUnambiguousTransportException() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        URI closed = URI.create("http://127.0.0.1:" + port + "/refused?" + SECRET_QUERY);
        TransportException e = assertThrows(TransportException.class, () -> transport.execute(
                withSecretHeader(post("refused", RequestBody.of("application/json", new byte[]{'{', '}'}), ROOMY, closed))).close());
        assertFalse(e instanceof DeadlineExceededException, "not a deadline: " + e);
        assertFalse(e.ambiguous(), "nothing can have reached a port nobody listens on: " + e);
        assertEquals("refused", e.operation());
        assertNoSecret(e);
    }

    @Test
    void execute_whenServerClosedKeepAliveConnectionBetweenExchanges_secondExchangeSucceedsOrIsAmbiguous() throws Exception {
        CountDownLatch firstClosed = new CountDownLatch(1);
        AtomicInteger secondBodies = new AtomicInteger();
        try (RawServer raw = new RawServer(2, (socket, n) -> {
            byte[] body = readRequest(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + (body.length + 3) + "\r\n\r\nok:")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            if (n == 0) {
                socket.close(); // idle keep-alive connection closed without "Connection: close", as servers do
                firstClosed.countDown();
            } else {
                secondBodies.incrementAndGet();
                socket.close();
            }
        })) {
            RequestBody body = RequestBody.of("text/plain", "hello".getBytes(StandardCharsets.UTF_8));
            try (TransportResponse first = transport.execute(post("keepalive", body, ROOMY, raw.uri("/ka")))) {
                assertEquals("ok:hello", new String(first.body().readAllBytes(), StandardCharsets.UTF_8));
            }
            assertTrue(firstClosed.await(30, TimeUnit.SECONDS));
            try (TransportResponse second = transport.execute(post("keepalive", body, ROOMY, raw.uri("/ka")))) {
                assertEquals(200, second.status());
                assertEquals("ok:hello", new String(second.body().readAllBytes(), StandardCharsets.UTF_8),
                        "the second exchange carried its whole body");
            } catch (DeadlineExceededException e) {
                fail("a stale pooled connection must not look like a deadline", e);
            } catch (TransportException e) {
                assertTrue(e.ambiguous(), "a failed write on a reused connection may have reached the server: " + e);
                assertNoSecret(e);
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private byte[] exchange(String probe, RequestBody body) throws IOException {
        try (TransportResponse response = transport.execute(post(probe, body, ROOMY))) {
            assertEquals(200, response.status());
            assertEquals(Optional.of(probe), response.header("x-probe-echo"));
            return response.body().readAllBytes();
        }
    }

    private TransportRequest post(String probe, RequestBody body, Duration timeout) {
        String path = body instanceof GeneratedBody ? "/digest" : "/echo";
        return post(probe, body, timeout, uri(path));
    }

    private static TransportRequest post(String probe, RequestBody body, Duration timeout, URI uri) {
        return new TransportRequest(probe.replaceAll("-\\d+$", ""), "POST", uri, Map.of("x-probe", probe), Optional.of(body), timeout);
    }

    private static TransportRequest withSecretHeader(TransportRequest request) {
        Map<String, String> headers = new HashMap<>(request.headers());
        headers.put("x-secret", SECRET_HEADER);
        return new TransportRequest(request.operation(), request.method(), request.uri(), headers, request.body(), request.timeout());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path + "?" + SECRET_QUERY);
    }

    /** The exception, its causes and suppressed exceptions show neither the query nor a header value. */
    protected static void assertNoSecret(Throwable thrown) {
        List<Throwable> seen = new ArrayList<>();
        List<Throwable> todo = new ArrayList<>(List.of(thrown));
        while (!todo.isEmpty()) {
            Throwable t = todo.remove(todo.size() - 1);
            if (seen.stream().anyMatch(s -> s == t)) {
                continue;
            }
            seen.add(t);
            for (String text : Arrays.asList(t.getMessage(), t.toString(), t.getLocalizedMessage())) {
                if (text != null && (text.contains("SECRET-TOKEN") || text.contains("access_token") || text.contains(SECRET_HEADER))) {
                    fail("an exception shows a secret: " + t.getClass().getName() + ": " + text.replace("SECRET", "S*CRET"));
                }
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            todo.addAll(Arrays.asList(t.getSuppressed()));
        }
    }

    private void awaitRelease() {
        try {
            releaseSlowHandlers.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void drain(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            in.transferTo(OutputStream.nullOutputStream());
        }
    }

    private void status(HttpExchange exchange) throws IOException {
        drain(exchange);
        int status = Integer.parseInt(exchange.getRequestURI().getPath().substring("/status/".length()));
        byte[] body = ("{\"errcode\":" + status + ",\"errmsg\":\"状态\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("X-Contract", "status-" + status);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private void echo(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        record(exchange, body.length, crc(body));
        String probe = exchange.getRequestHeaders().getFirst("x-probe");
        if (probe != null) {
            exchange.getResponseHeaders().add("x-probe-echo", probe);
        }
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        exchange.getResponseHeaders().add("Content-Type", type == null ? "application/octet-stream" : type);
        exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private void digest(HttpExchange exchange) throws IOException {
        CRC32C crc = new CRC32C();
        long count = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = exchange.getRequestBody()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                crc.update(buffer, 0, n);
                count += n;
            }
        }
        record(exchange, count, crc.getValue());
        byte[] answer = ("{\"bytes\":" + count + "}").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    private void record(HttpExchange exchange, long bytes, long crc) {
        String probe = exchange.getRequestHeaders().getFirst("x-probe");
        if (probe != null) {
            received.put(probe, new Received(exchange.getRequestMethod(), exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Content-Length"), exchange.getRequestHeaders().getFirst("Transfer-Encoding"),
                    bytes, crc, probe));
        }
    }

    private static byte[] chunkedPayload() {
        byte[] payload = new byte[40 * 3001];
        new Random(7).nextBytes(payload);
        return payload;
    }

    private void chunked(HttpExchange exchange) throws IOException {
        drain(exchange);
        byte[] payload = chunkedPayload();
        exchange.sendResponseHeaders(200, 0); // 0: chunked
        try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < 40; i++) {
                out.write(payload, i * 3001, 3001);
                out.flush();
            }
        }
    }

    private void large(HttpExchange exchange) throws IOException {
        drain(exchange);
        byte[] block = new byte[64 * 1024];
        exchange.sendResponseHeaders(200, 16L * block.length);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < 16; i++) {
                out.write(block);
            }
        } catch (IOException clientWentAway) {
            // the client closed the response unread: expected
        }
    }

    private static long crc(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return crc.getValue();
    }

    /** Reads one HTTP/1.1 request with a Content-Length body (or none) and returns the body. */
    private static byte[] readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("request ended inside its head");
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        long length = 0;
        for (String line : head.toString(StandardCharsets.US_ASCII).split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("content-length")) {
                length = Long.parseLong(line.substring(colon + 1).trim());
            }
        }
        return in.readNBytes((int) length);
    }

    /** What a raw server does with its n-th accepted connection. */
    @FunctionalInterface
    private interface ConnectionHandler {
        void handle(Socket socket, int n) throws IOException;
    }

    /** A server on a raw socket that misbehaves as told, for {@code connections} connections. */
    private static final class RawServer implements AutoCloseable {
        private final ServerSocket socket;
        private final Thread thread;

        RawServer(int connections, ConnectionHandler handler) throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            thread = new Thread(() -> {
                for (int n = 0; n < connections; n++) {
                    try (Socket accepted = socket.accept()) {
                        accepted.setTcpNoDelay(true);
                        handler.handle(accepted, n);
                    } catch (IOException e) {
                        if (socket.isClosed()) {
                            return;
                        }
                    }
                }
            }, "transport-contract-raw-server");
            thread.setDaemon(true);
            thread.start();
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path + "?" + SECRET_QUERY);
        }

        @Override
        public void close() throws Exception {
            socket.close();
            thread.join(TimeUnit.SECONDS.toMillis(30));
        }
    }

    /**
     * A body generated on the fly, never held whole: byte {@code i} is {@code PATTERN[i % PATTERN.length]}
     * (a prime length, so a chunk sent twice or out of order changes the digest). Optionally takes
     * one memory probe, after a full GC, when the reader has passed {@code probeAt} bytes.
     */
    private static final class GeneratedBody implements RequestBody {
        private static final byte[] PATTERN = pattern();
        private final long length;
        private final long probeAt;
        final AtomicInteger opens = new AtomicInteger();
        final java.util.concurrent.atomic.AtomicBoolean measured = new java.util.concurrent.atomic.AtomicBoolean();
        final AtomicLong heapAtOpen = new AtomicLong();
        final AtomicLong directAtOpen = new AtomicLong();
        final AtomicLong heapAtProbe = new AtomicLong();
        final AtomicLong directAtProbe = new AtomicLong();

        GeneratedBody(long length, long probeAt) {
            this.length = length;
            this.probeAt = probeAt;
        }

        private static byte[] pattern() {
            byte[] p = new byte[1_000_003];
            new Random(2026).nextBytes(p);
            return p;
        }

        static long expectedCrc(long length) {
            CRC32C crc = new CRC32C();
            for (long done = 0; done < length; ) {
                int offset = (int) (done % PATTERN.length);
                int n = (int) Math.min(PATTERN.length - offset, length - done);
                crc.update(PATTERN, offset, n);
                done += n;
            }
            return crc.getValue();
        }

        @Override
        public String contentType() {
            return "application/octet-stream";
        }

        @Override
        public long contentLength() {
            return length;
        }

        @Override
        public ReadableByteChannel open() {
            opens.incrementAndGet();
            if (probeAt >= 0) {
                heapAtOpen.set(heapAfterGc());
                directAtOpen.set(direct());
            }
            return new ReadableByteChannel() {
                private long position;
                private boolean open = true;

                @Override
                public int read(ByteBuffer dst) {
                    if (position >= length) {
                        return -1;
                    }
                    if (probeAt >= 0 && position >= probeAt && measured.compareAndSet(false, true)) {
                        heapAtProbe.set(heapAfterGc());
                        directAtProbe.set(direct());
                    }
                    int start = dst.position();
                    while (dst.hasRemaining() && position < length) {
                        int offset = (int) (position % PATTERN.length);
                        int n = (int) Math.min(Math.min(dst.remaining(), PATTERN.length - offset), length - position);
                        dst.put(PATTERN, offset, n);
                        position += n;
                    }
                    return dst.position() - start;
                }

                @Override
                public boolean isOpen() {
                    return open;
                }

                @Override
                public void close() {
                    open = false;
                }
            };
        }

        private static long heapAfterGc() {
            System.gc();
            return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }

        private static long direct() {
            return ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                    .filter(p -> p.getName().equals("direct")).mapToLong(BufferPoolMXBean::getMemoryUsed).sum();
        }
    }
}
