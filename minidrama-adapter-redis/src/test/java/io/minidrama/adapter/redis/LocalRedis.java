package io.minidrama.adapter.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.time.Duration;

/**
 * JUnit 5 glue: a real {@code redis-server} on a free loopback port for one test class (started
 * before all its tests, killed after), a Lettuce client for it and a raw connection to inspect it.
 * Register it as a static field with {@code @RegisterExtension}.
 */
final class LocalRedis implements BeforeAllCallback, AfterAllCallback {
    private RedisServerProcess server;
    private RedisClient client;
    private StatefulRedisConnection<String, String> raw;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = RedisServerProcess.start();
        client = RedisClient.create(server.uri());
        raw = client.connect();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (raw != null) {
            raw.close();
        }
        if (client != null) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
        if (server != null) {
            server.close();
        }
    }

    RedisClient client() {
        return client;
    }

    int port() {
        return server.port();
    }

    /** Synchronous commands on a connection of the test's own, to look at or tamper with Redis. */
    RedisCommands<String, String> raw() {
        return raw.sync();
    }

    /** Empties the server. */
    void flush() {
        raw.sync().flushall();
    }
}
