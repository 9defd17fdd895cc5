package io.minidrama.adapter.apache;

import com.sun.net.httpserver.HttpServer;
import io.minidrama.domain.error.TransportException;
import io.minidrama.protocol.spi.TransportRequest;
import io.minidrama.protocol.spi.TransportResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The transport's own client makes the JDK's default TLS context on its first HTTPS connection, not when it is
 * built: run in a child JVM without the JDK's TLS provider (its security properties list only {@code SUN}, so that
 * context cannot be made), building the
 * transport and an HTTP exchange succeed, and an HTTPS request fails as an unambiguous {@link TransportException}
 * (nothing was sent) whose message holds no URI.
 */
class ApacheHttpTransportDefaultTlsTest {

    @Test
    void create_whenDefaultTlsContextCannotBeMade_servesHttpAndFailsHttpsUnambiguously(@TempDir Path dir) throws Exception {
        Path noTls = Files.writeString(dir.resolve("no-tls.security"), "security.provider.1=SUN\n");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.security.properties==" + noTls, "-Dsun.net.httpserver.nodelay=true",
                "-cp", System.getProperty("java.class.path"), Probe.class.getName())
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), output);
        assertEquals(0, child.exitValue(), output);
        assertTrue(output.contains("built\nhttp 200 ok\nhttps TransportException ambiguous=false\n"), output);
        assertTrue(output.contains("TLS handshake failed"), output);
        assertFalse(output.contains("SECRET-TOKEN"), output);
    }

    /** The child JVM's side: build, one HTTP exchange, one HTTPS request (to a plain TCP listener). */
    public static final class Probe {
        private Probe() {
        }

        public static void main(String[] args) throws Exception {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
            http.createContext("/", exchange -> {
                byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            http.start();
            try (ServerSocket tls = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
                 ApacheHttpTransport transport = ApacheHttpTransport.create()) {
                System.out.print("built\n");
                try (TransportResponse response = transport.execute(TransportRequest.get("plain",
                        URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/x"), Duration.ofSeconds(30)))) {
                    System.out.print("http " + response.status() + " " + new String(response.body().readAllBytes(), StandardCharsets.UTF_8) + "\n");
                }
                try {
                    transport.execute(TransportRequest.get("tls", URI.create("https://127.0.0.1:" + tls.getLocalPort()
                            + "/x?access_token=SECRET-TOKEN"), Duration.ofSeconds(30))).close();
                    System.out.print("https answered\n");
                } catch (TransportException e) {
                    System.out.print("https TransportException ambiguous=" + e.ambiguous() + "\n" + e.getMessage() + "\n");
                }
            } finally {
                http.stop(0);
            }
        }
    }
}
