package io.minidrama.events;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * A {@link PushReplayGuard} in this JVM's memory (a Caffeine cache): right for one instance behind
 * the push URL; several instances need a shared store ({@code RedisPushReplayGuard}).
 *
 * <p>Memory is bounded whatever the traffic: at most {@link Builder#maxEntries(int) maxEntries}
 * keys (default {@value #DEFAULT_MAX_ENTRIES}, a few hundred bytes each), each forgotten after its
 * TTL. Only pushes that passed every check are recorded, so filling it takes that many genuine
 * pushes within the TTL (twice the receiver's {@code maxAge}); past that, the least recently used
 * keys are evicted early and a replay of one of them is no longer recognized.
 *
 * <p>Thread-safe: {@link #firstSeen(String, Duration)} is atomic per key.
 */
public final class InMemoryPushReplayGuard implements PushReplayGuard {
    /** Default {@link Builder#maxEntries(int)}: 10 000 keys. */
    public static final int DEFAULT_MAX_ENTRIES = 10_000;

    private final Cache<String, Duration> seen;
    private final int maxEntries;

    private InMemoryPushReplayGuard(Builder b) {
        this.maxEntries = b.maxEntries;
        Caffeine<Object, Object> caffeine = Caffeine.newBuilder().maximumSize(b.maxEntries);
        if (b.clock != null) {
            Clock clock = b.clock;
            caffeine.ticker(new Ticker() {
                @Override
                public long read() {
                    return clock.millis() * 1_000_000L;
                }
            });
        }
        this.seen = caffeine.expireAfter(Expiry.creating((String key, Duration ttl) -> ttl)).build();
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public boolean firstSeen(String key, Duration ttl) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isZero() || ttl.isNegative()) {
            throw new IllegalArgumentException("ttl must be positive");
        }
        return seen.asMap().putIfAbsent(key, ttl) == null;
    }

    /** The number of keys held now, after pending evictions: for tests. */
    long size() {
        seen.cleanUp();
        return seen.estimatedSize();
    }

    /** The most keys kept. */
    public int maxEntries() {
        return maxEntries;
    }

    @Override
    public String toString() {
        return "InMemoryPushReplayGuard[maxEntries=" + maxEntries + "]";
    }

    /** Configuration for an {@link InMemoryPushReplayGuard}. Not thread-safe. */
    public static final class Builder {
        private int maxEntries = DEFAULT_MAX_ENTRIES;
        private Clock clock;

        private Builder() {
        }

        /** The most keys kept; the bound on memory. Default 10 000; must be positive. */
        public Builder maxEntries(int maxEntries) {
            this.maxEntries = maxEntries;
            return this;
        }

        /** The clock that expires keys. Default: the JVM's monotonic {@code System.nanoTime()}. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the guard.
         *
         * @throws InvalidRequestException if {@code maxEntries} is not positive
         */
        public InMemoryPushReplayGuard build() {
            if (maxEntries <= 0) {
                throw InvalidRequestException.of("maxEntries", Rule.NONE, maxEntries, "the number of keys kept must be positive");
            }
            return new InMemoryPushReplayGuard(this);
        }
    }
}
