package io.minidrama.adapter.redis;

import io.lettuce.core.RedisClient;
import io.minidrama.port.AccessToken;
import io.minidrama.port.component.AuthorizerGrant;
import io.minidrama.port.component.VerifyTicket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Keys, expiry and durability of {@link RedisComponentStore} against a real Redis. */
class RedisComponentStoreTest {
    @RegisterExtension
    static final LocalRedis redis = new LocalRedis();

    @Test
    void keys_areNamespacedByComponentAndApp_andGrantsHaveNoTtl_whileTokensExpire() {
        redis.flush();
        Instant now = Instant.now();
        try (RedisComponentStore store = RedisComponentStore.builder(redis.client()).build()) {
            store.putGrant("wxc1", "wxa", AuthorizerGrant.of("refresh-secret-1", Set.of(153)));
            store.putAuthorizerToken("wxc1", "wxa", new AccessToken("token-secret-1", now.plusSeconds(7200)));
            store.putTicket("wxc1", new VerifyTicket("ticket-secret-1", now, now));
            store.locked("wxc1", "wxa", () -> {
                assertTrue(redis.raw().exists("minidrama:component:{wxc1}:lock:wxa") == 1, "the lock key is namespaced");
                return null;
            });

            List<String> keys = redis.raw().keys("*").stream().sorted().toList();
            assertEquals(List.of("minidrama:component:{wxc1}:grant:wxa", "minidrama:component:{wxc1}:grants",
                    "minidrama:component:{wxc1}:ticket", "minidrama:component:{wxc1}:token:wxa"), keys);
            assertEquals(-1, redis.raw().ttl("minidrama:component:{wxc1}:grant:wxa"), "a refresh token must never expire");
            assertEquals(-1, redis.raw().ttl("minidrama:component:{wxc1}:grants"));
            long tokenTtl = redis.raw().ttl("minidrama:component:{wxc1}:token:wxa");
            assertTrue(tokenTtl > 7000 && tokenTtl <= 7200, "token TTL " + tokenTtl);
            assertFalse(store.toString().contains("secret"));
        }
    }

    @Test
    void exportGrants_givesEveryGrantForABackup() {
        redis.flush();
        try (RedisComponentStore store = RedisComponentStore.builder(redis.client()).build()) {
            store.putGrant("wxc1", "wxa", AuthorizerGrant.of("r-a", Set.of(153, 157)));
            store.putGrant("wxc1", "wxb", AuthorizerGrant.of("r-b", Set.of()).revokedAt(Instant.ofEpochSecond(1_700_000_000)));
            store.putGrant("wxc2", "wxz", AuthorizerGrant.of("r-z", Set.of()));

            Map<String, AuthorizerGrant> backup = store.exportGrants("wxc1");

            assertEquals(Set.of("wxa", "wxb"), backup.keySet());
            redis.flush();
            backup.forEach((app, g) -> store.putGrant("wxc1", app, g));
            assertEquals(backup, store.exportGrants("wxc1"));
        }
    }

    @Test
    void refreshTokens_surviveARedisKilledAndRestarted_withAppendOnlyPersistence() throws Exception {
        Path dir = Files.createTempDirectory("redis-aof-");
        int port = freePort();
        Process first = startPersistent(dir, port);
        try {
            RedisClient client = RedisClient.create("redis://127.0.0.1:" + port);
            try (RedisComponentStore store = RedisComponentStore.builder(client).build()) {
                for (int i = 0; i < 50; i++) {
                    store.putGrant("wxc1", "wxapp" + i, AuthorizerGrant.of("refresh-" + i, Set.of(153)));
                }
                store.putTicket("wxc1", new VerifyTicket("ticket-x", Instant.ofEpochSecond(1_700_000_000), Instant.ofEpochSecond(1_700_000_001)));
            }
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        } finally {
            first.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL: no shutdown save
        }
        Process second = startPersistent(dir, port);
        try {
            RedisClient client = RedisClient.create("redis://127.0.0.1:" + port);
            try (RedisComponentStore store = RedisComponentStore.builder(client).build()) {
                assertEquals(50, store.authorizers("wxc1").size());
                for (int i = 0; i < 50; i++) {
                    assertEquals("refresh-" + i, store.grant("wxc1", "wxapp" + i).orElseThrow().refreshToken());
                }
                assertEquals("ticket-x", store.ticket("wxc1").orElseThrow().value());
            }
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        } finally {
            second.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static Process startPersistent(Path dir, int port) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(RedisServerProcess.binary().toString(), "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--dir", dir.toString(), "--appendonly", "yes", "--appendfsync", "always",
                "--save", "", "--daemonize", "no")).redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
        for (int i = 0; i < 100; i++) {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                s.getOutputStream().write("PING\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                byte[] buf = new byte[7];
                int n = s.getInputStream().read(buf);
                if (n > 0 && new String(buf, 0, n, java.nio.charset.StandardCharsets.US_ASCII).startsWith("+PONG")) {
                    return p;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        p.destroyForcibly();
        throw new IllegalStateException("redis-server with appendonly did not start: " + Files.readString(dir.resolve("log.txt")));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
