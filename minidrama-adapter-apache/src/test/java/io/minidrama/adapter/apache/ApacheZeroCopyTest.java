package io.minidrama.adapter.apache;

import com.sun.net.httpserver.HttpServer;
import io.minidrama.domain.error.DeadlineExceededException;
import io.minidrama.domain.error.TransportException;
import io.minidrama.protocol.spi.RequestBody;
import io.minidrama.protocol.spi.TransportRequest;
import io.minidrama.protocol.spi.TransportResponse;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Plain HTTP on the transport's own client sends a body with {@link RequestBody#transferTo} to the
 * connection's socket channel (sendfile for a file), and every failure of that path fails the
 * exchange cleanly. The TLS side is in {@link ApacheHttpTransportTlsTest}.
 */
class ApacheZeroCopyTest {
    static {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** A bound for a path that must not hang; not a speed target. */
    private static final Duration NO_HANG = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    private HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.createContext("/", exchange -> {
            CRC32 crc = new CRC32();
            long n = 0;
            try (InputStream in = exchange.getRequestBody()) {
                byte[] buf = new byte[64 * 1024];
                for (int r; (r = in.read(buf)) >= 0; ) {
                    crc.update(buf, 0, r);
                    n += r;
                }
            }
            String answer = n + " " + crc.getValue();
            received.add(answer);
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI local() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/upload");
    }

    private Path file(int size) throws IOException {
        byte[] content = new byte[size];
        new Random(size).nextBytes(content);
        Path file = dir.resolve("video-" + size + ".mp4");
        Files.write(file, content);
        return file;
    }

    private static String lengthAndCrc(Path file) throws IOException {
        CRC32 crc = new CRC32();
        byte[] bytes = Files.readAllBytes(file);
        crc.update(bytes);
        return bytes.length + " " + crc.getValue();
    }

    private static String post(ApacheHttpTransport transport, URI uri, RequestBody body, Duration timeout) throws IOException {
        try (TransportResponse response = transport.execute(TransportRequest.post("upload", uri, body, timeout))) {
            assertEquals(200, response.status());
            return new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void plainHttp_sendsTheBodyWithTransferToOnTheSocketChannel_wholeOnEveryExecute() throws IOException {
        Path file = file(3_000_000);
        FileBody body = new FileBody(file, 3_000_000);
        try (ApacheHttpTransport transport = ApacheHttpTransport.create()) {
            String first = post(transport, local(), body, Duration.ofSeconds(30));
            String again = post(transport, local(), body, Duration.ofSeconds(30)); // a retry: a fresh pass from byte 0

            assertEquals(lengthAndCrc(file), first);
            assertEquals(lengthAndCrc(file), again);
        }
        assertTrue(body.wentToSocketChannels(2), "transferTo calls: " + body.targets);
    }

    @Test
    void plainHttp_smallBody_goesWithTheHeadThroughTheStream() throws IOException {
        Path file = file(1_000);
        FileBody body = new FileBody(file, 1_000);
        try (ApacheHttpTransport transport = ApacheHttpTransport.create()) {
            assertEquals(lengthAndCrc(file), post(transport, local(), body, Duration.ofSeconds(30)));
        }
        assertEquals(List.of(), body.targets);
    }

    @Test
    void clientPassedIn_keepsTheStreamPath() throws IOException {
        Path file = file(1_000_000);
        FileBody body = new FileBody(file, 1_000_000);
        try (var client = HttpClients.custom().disableAutomaticRetries().disableRedirectHandling().build();
             ApacheHttpTransport transport = ApacheHttpTransport.builder().client(client).build()) {
            assertEquals(lengthAndCrc(file), post(transport, local(), body, Duration.ofSeconds(30)));
        }
        assertEquals(List.of(), body.targets);
    }

    /** A raw HTTP/1.1 server: per request, reads the head and the body (noting how much of it came), answers "ok". */
    private static final class RawServer implements AutoCloseable {
        final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        final AtomicInteger connections = new AtomicInteger();
        final List<Long> bodyBytesSeen = new CopyOnWriteArrayList<>();
        final List<Long> contentLengths = new CopyOnWriteArrayList<>();
        private final List<Socket> accepted = new CopyOnWriteArrayList<>();
        private final Thread acceptor;

        /** {@code stall}: whether connection n (from 1) reads nothing of the body and never answers. */
        RawServer(java.util.function.IntPredicate stall) throws IOException {
            acceptor = new Thread(() -> {
                try {
                    while (true) {
                        Socket s = socket.accept();
                        accepted.add(s);
                        int n = connections.incrementAndGet();
                        Thread t = new Thread(() -> serve(s, stall.test(n)));
                        t.setDaemon(true);
                        t.start();
                    }
                } catch (IOException closed) {
                    // stopped
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/upload");
        }

        private void serve(Socket s, boolean stall) {
            try (s) {
                InputStream in = s.getInputStream();
                while (true) {
                    ByteArrayOutputStream head = new ByteArrayOutputStream();
                    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                        int b = in.read();
                        if (b < 0) {
                            return;
                        }
                        head.write(b);
                    }
                    long length = head.toString(StandardCharsets.ISO_8859_1).lines()
                            .filter(l -> l.toLowerCase(Locale.ROOT).startsWith("content-length:"))
                            .mapToLong(l -> Long.parseLong(l.substring(15).trim())).findFirst().orElse(0);
                    contentLengths.add(length);
                    if (stall) {
                        Thread.sleep(Long.MAX_VALUE);
                    }
                    long seen = 0;
                    byte[] buf = new byte[64 * 1024];
                    try {
                        for (int r; seen < length && (r = in.read(buf, 0, (int) Math.min(buf.length, length - seen))) >= 0; ) {
                            seen += r;
                        }
                    } catch (IOException reset) {
                        // the client closed the connection (an abortive close resets it): the body ends here
                    }
                    bodyBytesSeen.add(seen);
                    if (seen < length) {
                        return;
                    }
                    s.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.ISO_8859_1));
                    s.getOutputStream().flush();
                }
            } catch (IOException | InterruptedException e) {
                // the client went away, or the test is over
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    @Test
    void deadline_whenTheServerStopsReadingDuringTheTransfer_failsTheExchangeInsteadOfHanging() throws Exception {
        Path file = file(64 * 1024 * 1024); // far more than the socket buffers hold: the transfer blocks
        FileBody body = new FileBody(file, 64 * 1024 * 1024);
        try (RawServer stalled = new RawServer(n -> true);
             ApacheHttpTransport transport = ApacheHttpTransport.create()) {
            TransportException e = assertTimeoutPreemptively(NO_HANG, () -> assertThrows(TransportException.class,
                    () -> post(transport, stalled.uri(), body, Duration.ofSeconds(2))));

            assertInstanceOf(DeadlineExceededException.class, e, e.toString());
            assertTrue(e.ambiguous(), e.toString());
        }
        assertTrue(body.wentToSocketChannels(1), "transferTo calls: " + body.targets);
    }

    @Test
    void aBodyThatFailsMidway_failsTheExchange_andTheServerNeverGetsTheWholeLength() throws Exception {
        Path file = file(4_000_000);
        FileBody body = new FileBody(file, 4_000_000, 1_500_000);
        try (RawServer server = new RawServer(n -> false);
             ApacheHttpTransport transport = ApacheHttpTransport.create()) {
            TransportException e = assertThrows(TransportException.class,
                    () -> post(transport, server.uri(), body, Duration.ofSeconds(30)));

            assertTrue(e.ambiguous(), e.toString());
            assertTrue(String.valueOf(e.getCause()).contains("ended 2500000 bytes before"), String.valueOf(e.getCause()));
            assertTimeoutPreemptively(NO_HANG, () -> {
                while (server.bodyBytesSeen.isEmpty()) {
                    Thread.sleep(10);
                }
            });
            assertEquals(List.of(4_000_000L), server.contentLengths);
            assertTrue(server.bodyBytesSeen.get(0) < 4_000_000L, "the server got " + server.bodyBytesSeen);
        }
        assertTrue(body.wentToSocketChannels(1), "transferTo calls: " + body.targets);
    }

    @Test
    void interrupt_duringTheTransfer_failsThatExchange_andTheNextUsesANewConnection() throws Exception {
        Path file = file(64 * 1024 * 1024);
        FileBody body = new FileBody(file, 64 * 1024 * 1024);
        try (RawServer server = new RawServer(n -> n == 1);
             ApacheHttpTransport transport = ApacheHttpTransport.create()) {
            CompletableFuture<String> after = new CompletableFuture<>();
            Thread uploader = new Thread(() -> {
                try {
                    post(transport, server.uri(), body, Duration.ofSeconds(60));
                    after.completeExceptionally(new AssertionError("the interrupted exchange completed"));
                } catch (TransportException expected) {
                    Thread.interrupted(); // the caller handles the interrupt; then the thread goes on
                    try {
                        FileBody small = new FileBody(file, 200_000);
                        after.complete(post(transport, server.uri(), small, Duration.ofSeconds(30)));
                    } catch (Throwable t) {
                        after.completeExceptionally(t);
                    }
                } catch (Throwable t) {
                    after.completeExceptionally(t);
                }
            });
            uploader.start();
            assertTrue(body.transferring.await(30, TimeUnit.SECONDS));
            uploader.interrupt();

            assertEquals("ok", assertTimeoutPreemptively(NO_HANG, () -> {
                try {
                    return after.get();
                } catch (ExecutionException e) {
                    throw new AssertionError(e.getCause());
                }
            }));
            assertEquals(2, server.connections.get());
        }
        assertTrue(body.wentToSocketChannels(1), "transferTo calls: " + body.targets);
    }
}
