package io.minidrama.adapter.apache;

import com.sun.net.httpserver.HttpServer;
import io.minidrama.domain.error.TransportException;
import io.minidrama.protocol.spi.TransportRequest;
import io.minidrama.protocol.spi.TransportResponse;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the contract does not cover: the builder, a client passed in, the proxy, a closed transport. */
class ApacheHttpTransportTest {
    static {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private HttpServer server;
    private final List<String> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.createContext("/", exchange -> {
            seen.add(exchange.getRequestURI() + " host=" + exchange.getRequestHeaders().getFirst("Host"));
            byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
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

    private URI local(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static String get(ApacheHttpTransport transport, URI uri) throws IOException {
        try (TransportResponse response = transport.execute(TransportRequest.get("probe", uri, Duration.ofSeconds(30)))) {
            assertEquals(200, response.status());
            return new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void close_whenClientWasPassedIn_leavesItOpen() throws IOException {
        try (CloseableHttpClient client = HttpClients.custom().disableAutomaticRetries().disableRedirectHandling().build()) {
            ApacheHttpTransport transport = ApacheHttpTransport.builder().client(client).build();
            assertEquals("ok", get(transport, local("/through-yours")));
            transport.close();
            String direct = client.execute(new HttpGet(local("/after-close")), response -> EntityUtils.toString(response.getEntity()));
            assertEquals("ok", direct, "the user's client still works after the transport closed");
        }
    }

    @Test
    void close_whenOwnClient_closesIt_andLaterExecuteFailsUnambiguously() throws IOException {
        ApacheHttpTransport transport = ApacheHttpTransport.create();
        assertEquals("ok", get(transport, local("/before")));
        transport.close();
        TransportException e = assertThrows(TransportException.class, () -> get(transport, local("/after")));
        assertFalse(e.ambiguous(), "nothing was sent");
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        assertEquals(1, seen.size(), "only the request before close reached the server: " + seen);
    }

    @Test
    void execute_whenProxyConfigured_sendsTheRequestThroughIt() throws IOException {
        // The local server plays the proxy: it receives the absolute URI of a host that does not exist.
        try (ApacheHttpTransport transport = ApacheHttpTransport.builder()
                .proxy(URI.create("http://127.0.0.1:" + server.getAddress().getPort())).build()) {
            assertEquals("ok", get(transport, URI.create("http://api.weixin.invalid/wxa/sec/vod/listmedia")));
        }
        assertEquals(List.of("http://api.weixin.invalid/wxa/sec/vod/listmedia host=api.weixin.invalid"), seen);
    }

    @Test
    void build_whenClientAndOwnSettingsBothGiven_throwsIllegalState() {
        try (CloseableHttpClient client = HttpClients.createMinimal()) {
            ApacheHttpTransport.Builder builder = ApacheHttpTransport.builder().client(client).maxConnections(4);
            IllegalStateException e = assertThrows(IllegalStateException.class, builder::build);
            assertTrue(e.getMessage().contains("client passed to client(...)"), e.getMessage());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void builder_whenValuesOutOfRange_failsFast() {
        ApacheHttpTransport.Builder b = ApacheHttpTransport.builder();
        assertThrows(IllegalArgumentException.class, () -> b.maxConnections(0));
        assertThrows(IllegalArgumentException.class, () -> b.connectTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> b.responseTimeout(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> b.proxy(URI.create("socks://proxy:1080")));
        assertThrows(IllegalArgumentException.class, () -> b.proxy(URI.create("http://proxy")));
        IllegalArgumentException credentials = assertThrows(IllegalArgumentException.class,
                () -> b.proxy(URI.create("http://user:hunter2@proxy:3128")));
        assertFalse(credentials.getMessage().contains("hunter2"), credentials.getMessage());
        assertThrows(NullPointerException.class, () -> b.connectTimeout(null));
        assertThrows(NullPointerException.class, () -> b.client(null));
        assertThrows(NullPointerException.class, () -> b.sslContext(null));
    }

    @Test
    void toString_namesTheSettings() {
        try (ApacheHttpTransport transport = ApacheHttpTransport.builder().maxConnections(7)
                .proxy(URI.create("http://proxy.example:3128")).build()) {
            assertEquals("ApacheHttpTransport[own client, maxConnections=7, connectTimeout=PT10S, responseTimeout=PT1M, "
                    + "proxy=proxy.example:3128]", transport.toString());
        }
    }
}
