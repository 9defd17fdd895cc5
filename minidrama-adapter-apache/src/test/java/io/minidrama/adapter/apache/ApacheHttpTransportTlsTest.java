package io.minidrama.adapter.apache;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.minidrama.domain.error.DeadlineExceededException;
import io.minidrama.domain.error.TransportException;
import io.minidrama.protocol.spi.TransportRequest;
import io.minidrama.protocol.spi.TransportResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TLS: a server with a certificate of its own (made by the JDK's keytool for this test) is reached
 * with {@code sslContext(...)} trusting it, and refused, unambiguously, without.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApacheHttpTransportTlsTest {
    static {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final char[] PASSWORD = "changeit".toCharArray();
    private HttpsServer server;
    private KeyStore keyStore;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "san=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", new String(PASSWORD))
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, keytool.waitFor(), "keytool: " + output);
        keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, PASSWORD);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore, PASSWORD);
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(keys.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
        server.createContext("/", exchange -> {
            byte[] body = "secure".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/upload", exchange -> {
            long n;
            try (InputStream in = exchange.getRequestBody()) {
                n = in.transferTo(OutputStream.nullOutputStream());
            }
            byte[] body = Long.toString(n).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterAll
    void stop() {
        server.stop(0);
    }

    private URI uri() {
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/tls?access_token=SECRET-TOKEN");
    }

    @Test
    void execute_whenSslContextTrustsTheServer_completesOverTls() throws Exception {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(keyStore);
        SSLContext clientContext = SSLContext.getInstance("TLS");
        clientContext.init(null, trust.getTrustManagers(), null);
        try (ApacheHttpTransport transport = ApacheHttpTransport.builder().sslContext(clientContext).build();
             TransportResponse response = transport.execute(TransportRequest.get("tls", uri(), Duration.ofSeconds(30)))) {
            assertEquals(200, response.status());
            assertEquals("secure", new String(response.body().readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void execute_whenLargeBodyOverTls_sendsItThroughTheStream_notTransferTo(@TempDir Path dir) throws Exception {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(keyStore);
        SSLContext clientContext = SSLContext.getInstance("TLS");
        clientContext.init(null, trust.getTrustManagers(), null);
        Path file = dir.resolve("video.mp4");
        Files.write(file, new byte[2_000_000]);
        FileBody body = new FileBody(file, 2_000_000);
        URI upload = URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/upload");
        try (ApacheHttpTransport transport = ApacheHttpTransport.builder().sslContext(clientContext).build();
             TransportResponse response = transport.execute(TransportRequest.post("tls", upload, body, Duration.ofSeconds(30)))) {
            assertEquals(200, response.status());
            assertEquals("2000000", new String(response.body().readAllBytes(), StandardCharsets.UTF_8));
        }
        assertEquals(java.util.List.of(), body.targets, "a TLS socket has no channel: the bytes must go through TLS");
    }

    @Test
    void execute_whenServerCertificateIsNotTrusted_throwsUnambiguousTransportException() {
        try (ApacheHttpTransport transport = ApacheHttpTransport.create()) {
            TransportException e = assertThrows(TransportException.class,
                    () -> transport.execute(TransportRequest.get("tls", uri(), Duration.ofSeconds(30))).close());
            assertFalse(e instanceof DeadlineExceededException, e.toString());
            assertFalse(e.ambiguous(), "the handshake failed before any request was sent: " + e);
            assertTrue(e.getMessage().contains("TLS handshake"), e.getMessage());
            assertFalse(e.getMessage().contains("SECRET-TOKEN"), e.getMessage());
        }
    }
}
