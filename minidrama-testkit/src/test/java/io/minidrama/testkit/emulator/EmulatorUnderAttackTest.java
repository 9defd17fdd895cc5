package io.minidrama.testkit.emulator;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An emulator in a child JVM with a small heap, attacked the way a hostile or broken client in a
 * shared CI could: bodies declaring a terabyte, connections that stop half-way. It keeps answering,
 * within its heap, on its fixed threads, and closes what stalls.
 */
class EmulatorUnderAttackTest {
    private final List<Socket> sockets = new ArrayList<>();
    private Child child;

    @AfterEach
    void cleanUp() throws Exception {
        for (Socket s : sockets) {
            s.close();
        }
        if (child != null) {
            child.stop();
        }
    }

    @Test
    void uploads_declaringATerabyteFrom60Connections_leaveA64MbEmulatorAnswering() throws Exception {
        child = Child.start(16, "-Xmx64m", "-XX:+ExitOnOutOfMemoryError", "-Dsun.net.httpserver.maxReqTime=3");
        String token = token(child.url);
        String part = "--b\r\nContent-Disposition: form-data; name=\"media_data\"; filename=\"a.mp4\"\r\n\r\nabc";
        for (int i = 0; i < 60; i++) {
            String head = "POST /wxa/sec/vod/singlefileupload?access_token=" + token + " HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Type: multipart/form-data; boundary=b\r\n";
            // Half declare a terabyte; half stream chunks without a length, never finishing.
            String request = i % 2 == 0
                    ? head + "Content-Length: 1000000000000\r\n\r\n" + part
                    : head + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(part.length()) + "\r\n" + part + "\r\n";
            sockets.add(open(child.url, request));
        }

        HttpResponse<String> clock;
        try {
            clock = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                    .send(HttpRequest.newBuilder(child.url.resolve("/__emulator/clock")).timeout(Duration.ofSeconds(90)).build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("the emulator stopped answering (" + e + "; alive: " + child.process.isAlive() + "): "
                    + String.join("\n", child.output), e);
        }

        assertEquals(200, clock.statusCode());
        assertTrue(child.process.isAlive(), "the emulator died: " + child.output);
        assertFalse(child.output.stream().anyMatch(l -> l.contains("OutOfMemoryError")), String.join("\n", child.output));
    }

    @Test
    void halfOpenConnections_areClosedAfterTheRequestTimeLimitAndHoldNoMoreThanThePoolsThreads() throws Exception {
        child = Child.start(4, "-Xmx128m", "-Dsun.net.httpserver.maxReqTime=2", "-Dsun.net.httpserver.idleInterval=2",
                "-Dsun.net.httpserver.clockTick=500");
        for (int i = 0; i < 40; i++) {
            sockets.add(open(child.url, i % 2 == 0
                    ? "POST /__emulator/clock/advance HTTP/1.1\r\nHost: x\r\n" // headers never end
                    : "POST /__emulator/clock/advance HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{\"sec")); // body never ends
        }
        for (int i = 0; i < 20; i++) {
            sockets.add(open(child.url, "")); // connected, never a byte
        }
        Thread.sleep(1000);
        int busy = child.threads();

        long t0 = System.nanoTime();
        long deadline = t0 + TimeUnit.SECONDS.toNanos(90);
        int open = sockets.size();
        for (Socket s : sockets) {
            if (closedByPeer(s, deadline)) {
                open--;
            }
        }
        System.out.printf("[reliability] half-open: %d request threads busy while 60 connections stalled; %d of 60 closed by the"
                + " emulator, the last %.1f s after the check%n", busy, sockets.size() - open, (System.nanoTime() - t0) / 1e9);

        assertTrue(busy <= 4, "request threads while 60 connections stall: " + busy);
        assertEquals(0, open, "connections the emulator never closed");
        assertEquals(200, HttpClient.newHttpClient().send(HttpRequest.newBuilder(child.url.resolve("/__emulator/clock"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        assertTrue(child.threads() <= 4, "request threads afterwards");
    }

    // ------------------------------------------------------------ plumbing

    private static Socket open(URI url, String send) throws IOException {
        Socket s = new Socket(url.getHost(), url.getPort());
        OutputStream out = s.getOutputStream();
        out.write(send.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return s;
    }

    /** Whether the peer closed {@code s} (end of stream or reset) before {@code deadline}; any answer bytes are skipped. */
    private static boolean closedByPeer(Socket s, long deadline) throws IOException {
        InputStream in = s.getInputStream();
        while (System.nanoTime() < deadline) {
            s.setSoTimeout((int) Math.max(1, Math.min(1000, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()))));
            try {
                if (in.read() < 0) {
                    return true;
                }
            } catch (SocketTimeoutException e) {
                // still open; keep waiting
            } catch (IOException e) {
                return true; // reset
            }
        }
        return false;
    }

    private static String token(URI base) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base
                .resolve("/cgi-bin/token?grant_type=client_credential&appid=wx-any&secret=any")).build(), HttpResponse.BodyHandlers.ofString());
        try (var reader = Json.createReader(new StringReader(r.body()))) {
            JsonObject o = reader.readObject();
            return o.getString("access_token");
        }
    }

    private static final class Child {
        final Process process;
        final URI url;
        final List<String> output = new CopyOnWriteArrayList<>();
        private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();

        private Child(Process process) throws Exception {
            this.process = process;
            BlockingQueue<String> urls = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        output.add(line);
                        if (line.startsWith("URL ")) {
                            urls.add(line.substring(4));
                        } else if (line.startsWith("THREADS ")) {
                            replies.add(line.substring(8));
                        }
                    }
                } catch (IOException e) {
                    output.add("(output closed: " + e + ")");
                }
            }, "attack-test-child-output");
            reader.setDaemon(true);
            reader.start();
            String u = urls.poll(60, TimeUnit.SECONDS);
            assertNotNull(u, "the child emulator did not start: " + output);
            this.url = URI.create(u);
        }

        static Child start(int threads, String... jvmOptions) throws Exception {
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(List.of(jvmOptions));
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), EmulatorChildMain.class.getName(), String.valueOf(threads)));
            return new Child(new ProcessBuilder(cmd).redirectErrorStream(true).start());
        }

        int threads() throws Exception {
            OutputStream in = process.getOutputStream();
            in.write("threads\n".getBytes(StandardCharsets.UTF_8));
            in.flush();
            String n = replies.poll(30, TimeUnit.SECONDS);
            assertNotNull(n, "the child did not answer: " + output);
            return Integer.parseInt(n);
        }

        void stop() throws Exception {
            process.getOutputStream().close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
