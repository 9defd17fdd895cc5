package io.minidrama.adapter.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.minidrama.domain.error.TransportException;
import io.minidrama.events.PushReplayGuard;

import java.time.Duration;
import java.util.Objects;

/**
 * A {@link PushReplayGuard} in Redis, for several instances behind one push URL: a push delivered
 * by any of them is a duplicate for all. One {@code SET <prefix>:push-seen:<key> 1 NX EX <ttl>}
 * per push, atomic in Redis, so of concurrent deliveries of one push on any number of instances
 * exactly one is first. Keys expire on their own after the TTL (twice the receiver's
 * {@code maxAge}, rounded up to whole seconds).
 *
 * <p>The key is the receiver's replay key, 40 hex digits: the {@code signature} of the
 * request (over token, timestamp and nonce), already public in its URL, so nothing secret is stored. Thread-safe. A Redis failure surfaces as {@link TransportException}: the push
 * is not delivered, answer 5xx and the platform retries. Close it to close its connection (the
 * {@link RedisClient} stays open).
 */
public final class RedisPushReplayGuard implements PushReplayGuard, AutoCloseable {
    private static final String OPERATION = "push replay guard";

    private final String prefix;
    private final StatefulRedisConnection<String, String> connection;
    private final RedisCommands<String, String> redis;

    private RedisPushReplayGuard(Builder b) {
        this.prefix = b.prefix;
        try {
            this.connection = b.client.connect();
        } catch (RedisException e) {
            throw new TransportException(OPERATION, "cannot connect to Redis: " + e.getMessage(), false, e);
        }
        this.redis = connection.sync();
    }

    /** A builder recording pushes through {@code client}. */
    public static Builder builder(RedisClient client) {
        return new Builder(client);
    }

    /** The Redis key that records {@code key}: {@code <prefix>:push-seen:<key>}. */
    public String redisKey(String key) {
        return prefix + ":push-seen:" + Objects.requireNonNull(key, "key");
    }

    /**
     * {@inheritDoc}
     *
     * @throws TransportException if Redis fails
     */
    @Override
    public boolean firstSeen(String key, Duration ttl) {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isZero() || ttl.isNegative()) {
            throw new IllegalArgumentException("ttl must be positive");
        }
        long seconds = Math.max(1, ttl.plusMillis(999).toSeconds());
        try {
            return "OK".equals(redis.set(redisKey(key), "1", SetArgs.Builder.nx().ex(seconds)));
        } catch (RedisException e) {
            throw new TransportException(OPERATION, "cannot record a push in Redis: " + e.getMessage(), false, e);
        }
    }

    /** Closes this instance's Redis connection. */
    @Override
    public void close() {
        connection.close();
    }

    @Override
    public String toString() {
        return "RedisPushReplayGuard[prefix=" + prefix + "]";
    }

    /** Builder of {@link RedisPushReplayGuard}. */
    public static final class Builder {
        private final RedisClient client;
        private String prefix = RedisAccessTokens.DEFAULT_PREFIX;

        private Builder(RedisClient client) {
            this.client = Objects.requireNonNull(client, "client");
        }

        /** The first segment of every key (default {@code minidrama}); the same on every instance. */
        public Builder keyPrefix(String prefix) {
            Objects.requireNonNull(prefix, "prefix");
            if (prefix.isBlank()) {
                throw new IllegalArgumentException("the key prefix must not be blank");
            }
            this.prefix = prefix;
            return this;
        }

        /**
         * Connects and builds.
         *
         * @throws TransportException if Redis cannot be reached
         */
        public RedisPushReplayGuard build() {
            return new RedisPushReplayGuard(this);
        }
    }
}
