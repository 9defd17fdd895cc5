package io.minidrama.adapter.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.minidrama.port.AccessToken;
import io.minidrama.port.AccessTokenSource;

import java.time.Clock;
import java.time.Duration;

/**
 * A token source that counts its fetches in Redis ({@code INCR}), so fetches by every thread and
 * every JVM add up in one place. Each fetch answers a new token {@code tok-<n>}, valid 2 hours,
 * after an optional delay that widens the window for races.
 */
final class CountingSource implements AccessTokenSource, AutoCloseable {
    static final String COUNTER = "test:fetches";

    private final StatefulRedisConnection<String, String> connection;
    private final Clock clock;
    private final Duration delay;

    CountingSource(RedisClient client, Clock clock, Duration delay) {
        this.connection = client.connect();
        this.clock = clock;
        this.delay = delay;
    }

    static long fetches(RedisCommands<String, String> c) {
        String n = c.get(COUNTER);
        return n == null ? 0 : Long.parseLong(n);
    }

    @Override
    public AccessToken fetch() {
        long n = connection.sync().incr(COUNTER);
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        return new AccessToken("tok-" + n, clock.instant().plusSeconds(7200));
    }

    @Override
    public void close() {
        connection.close();
    }
}
