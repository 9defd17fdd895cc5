package io.minidrama.cli;

import io.lettuce.core.RedisClient;
import io.minidrama.adapter.jdkhttp.JdkHttpTransport;
import io.minidrama.adapter.redis.RedisComponentStore;
import io.minidrama.emulator.MiniDramaEmulator;
import io.minidrama.protocol.component.ComponentTokens;
import io.minidrama.protocol.component.HttpComponentPort;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operator's set-up: the tool pointed at the service's own Redis component store
 * ({@code --component-store redis://...}) uses what the service keeps there (the ticket, the
 * component token, the authorizer's token) instead of fetching its own. A real {@code redis-server}.
 */
class ComponentRedisStoreTest {
    private static final String COMPONENT = "wxcomponentredis1";
    private static final String SECRET = "component-secret-redis-do-not-print";

    private Process redisServer;
    private int port;
    private MiniDramaEmulator emulator;
    private RedisClient client;
    private JdkHttpTransport http;

    @BeforeEach
    void start() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        redisServer = new ProcessBuilder(List.of(redisServer().toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no")).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                break;
            } catch (java.io.IOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("redis-server did not start on " + port);
                }
                Thread.sleep(20);
            }
        }
        emulator = MiniDramaEmulator.builder().component(COMPONENT, SECRET).start();
        client = RedisClient.create("redis://127.0.0.1:" + port);
        http = JdkHttpTransport.create();
    }

    @AfterEach
    void stop() {
        http.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        emulator.close();
        redisServer.destroyForcibly();
    }

    private static Path redisServer() throws Exception {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(d.isBlank() ? "." : d, "redis-server");
            if (!d.isBlank() && Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return redis.embedded.core.ExecutableProvider.newJarResourceProvider().get().toPath();
    }

    @Test
    void theTool_usesTheServicesTicketAndTokens_fromItsRedisStore() {
        // the service: receives the ticket, exchanges the merchant's authorization code, keeps all in Redis
        try (RedisComponentStore store = RedisComponentStore.builder(client).build()) {
            ComponentTokens service = ComponentTokens.builder(COMPONENT, SECRET)
                    .port(HttpComponentPort.builder().transport(http).baseUrl(emulator.baseUrl()).build())
                    .store(store).build();   // the system clock, as the tool's
            service.acceptTicket(emulator.component().issueTicket(), java.time.Instant.now());
            service.authorize(emulator.component().authorize("wxauthorizer01", Set.of(153, 157)));
        }
        int componentTokens = emulator.component().calls().get("api_component_token");

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = MiniDramaCli.run(new PrintWriter(out, true), new PrintWriter(err, true), "media", "list", "--appid", "wxauthorizer01",
                "--json", "--base-url", emulator.baseUrl().toString(), "--component-appid", COMPONENT, "--component-secret", SECRET,
                "--component-store", "redis://127.0.0.1:" + port);

        assertEquals(0, exit, err.toString());
        assertEquals(componentTokens, emulator.component().calls().get("api_component_token"), "no component token of its own");
        assertEquals(0, emulator.component().renewals("wxauthorizer01"), "the service's authorizer token was used");
        assertTrue(emulator.component().operationCallsByAuthorizer().get("wxauthorizer01") >= 1);
        for (String secret : emulator.component().issuedSecrets()) {
            assertFalse(out.toString().contains(secret) || err.toString().contains(secret));
        }
    }
}
