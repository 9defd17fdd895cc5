package io.minidrama.adapter.redis;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.minidrama.adapter.redis.internal.Hashing;
import io.minidrama.adapter.redis.internal.Script;
import io.minidrama.adapter.redis.internal.TokenCodec;
import io.minidrama.domain.error.DeadlineExceededException;
import io.minidrama.domain.error.TransportException;
import io.minidrama.port.AccessToken;
import io.minidrama.port.AccessTokenSource;
import io.minidrama.port.AccessTokenPort;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An {@link AccessTokenPort} shared by every instance of a fleet through Redis: one token per
 * appid, fetched once however many instances need it.
 *
 * <p>How {@link #token()} finds a token:
 * <ol>
 *   <li>The local Caffeine cache, which keeps a token for a short time (default 30 s) so most
 *       calls never reach Redis.</li>
 *   <li>The shared token under {@code <prefix>:{<appid>}:token}, if it is still valid with the
 *       safety margin to spare.</li>
 *   <li>Otherwise the instance tries to take the lock {@code <prefix>:{<appid>}:token-lock}
 *       ({@code SET NX PX <lease>}, its value a random owner id). The holder fetches from the
 *       source and stores the token with a TTL of its lifetime minus the margin, releasing the lock
 *       in the same script, and only if it still owns the lock. The others poll with a short
 *       backoff until the token appears or the lease runs out, then one of them takes the lock.
 *       A holder that crashed therefore delays the others by at most the lease.</li>
 * </ol>
 * Within one JVM, concurrent callers on a cold cache wait for a single lookup.
 *
 * <p>{@link #invalidate} clears the local entry if it holds the rejected token, and deletes the
 * shared token with a compare-and-delete script only if Redis still holds the rejected one: a
 * token another instance fetched meanwhile is kept.
 *
 * <p>The app secret never reaches Redis: this class never sees it (the source holds it). The token
 * is stored in clear unless {@link Builder#encryptionKey(byte[])} is set, in which case it is
 * sealed with AES-GCM.
 *
 * <p>Thread-safe. Close it to close its Redis connection (the {@link RedisClient} stays open).
 * Failures surface as {@link TransportException} (Redis unreachable, interrupted while waiting),
 * {@link DeadlineExceededException} (no token within {@link Builder#waitTimeout}) or whatever the source
 * throws. No message contains the token. {@link #toString()} never shows it.
 */
public final class RedisAccessTokens implements AccessTokenPort, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(RedisAccessTokens.class.getName());

    /** Default safety margin: a token is refetched this long before it expires. */
    public static final Duration DEFAULT_MARGIN = Duration.ofMinutes(5);
    /** Default time a token is kept in the local cache before Redis is asked again. */
    public static final Duration DEFAULT_LOCAL_TTL = Duration.ofSeconds(30);
    /** Default lease of the fetch lock: how long a crashed holder can block the others. */
    public static final Duration DEFAULT_LOCK_LEASE = Duration.ofSeconds(10);
    /** Default longest wait in {@link #token()} for another instance's fetch. */
    public static final Duration DEFAULT_WAIT_TIMEOUT = Duration.ofSeconds(30);
    /** Default key prefix. */
    public static final String DEFAULT_PREFIX = "minidrama";

    private static final String OPERATION = "access_token";
    private static final long MIN_POLL_MILLIS = 20;

    /** How long a refused token's digest is remembered. */
    private static final Duration REJECTED_MEMORY = Duration.ofMinutes(10);

    private final String appId;
    private final String tokenKey;
    private final String lockKey;
    private final String rejectedKey;
    private final AccessTokenSource source;
    private final StatefulRedisConnection<String, String> connection;
    private final RedisCommands<String, String> redis;
    private final TokenCodec codec;
    private final Clock clock;
    private final Duration margin;
    private final Duration localTtl;
    private final Duration lease;
    private final Duration waitTimeout;
    private final Duration maxPoll;
    private final Cache<String, AccessToken> local;

    private RedisAccessTokens(Builder b) {
        this.appId = b.appId;
        this.tokenKey = b.prefix + ":{" + b.appId + "}:token";
        this.lockKey = b.prefix + ":{" + b.appId + "}:token-lock";
        this.rejectedKey = b.prefix + ":{" + b.appId + "}:token-rejected";
        this.source = b.source;
        this.codec = b.encryptionKey == null ? TokenCodec.plain(tokenKey) : TokenCodec.sealed(tokenKey, b.encryptionKey);
        this.clock = b.clock;
        this.margin = b.margin;
        this.localTtl = b.localTtl;
        this.lease = b.lease;
        this.waitTimeout = b.waitTimeout;
        this.maxPoll = b.maxPoll;
        this.local = Caffeine.newBuilder()
                .maximumSize(1)
                .executor(Runnable::run)
                .ticker(() -> {
                    Instant now = clock.instant();
                    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
                })
                .expireAfter(new Expiry<String, AccessToken>() {
                    @Override
                    public long expireAfterCreate(String key, AccessToken token, long currentTime) {
                        return localLifetimeNanos(token);
                    }

                    @Override
                    public long expireAfterUpdate(String key, AccessToken token, long currentTime, long currentDuration) {
                        return localLifetimeNanos(token);
                    }

                    @Override
                    public long expireAfterRead(String key, AccessToken token, long currentTime, long currentDuration) {
                        return currentDuration;
                    }
                })
                .build();
        try {
            this.connection = b.client.connect();
        } catch (RedisException e) {
            throw new TransportException(OPERATION, "cannot connect to Redis: " + e.getMessage(), false, e);
        }
        this.redis = connection.sync();
    }

    /**
     * A builder sharing the tokens of {@code appId} through {@code client}, fetching them from
     * {@code source} when no instance holds a valid one, for example the HTTP adapter's
     * {@code StableTokenSource.builder(appId, secret).build()}.
     */
    public static Builder builder(RedisClient client, String appId, AccessTokenSource source) {
        return new Builder(client, appId, source);
    }

    /** The Redis key of the shared token. */
    public String tokenKey() {
        return tokenKey;
    }

    /** The Redis key of the fetch lock. */
    public String lockKey() {
        return lockKey;
    }

    /**
     * A valid token: the local one, else the shared one, else one fetched by this instance or by
     * whichever instance holds the lock.
     *
     * @throws DeadlineExceededException   if no token appeared within {@link Builder#waitTimeout}
     * @throws TransportException if Redis fails or the thread is interrupted while waiting
     */
    @Override
    public AccessToken token() {
        return Objects.requireNonNull(local.get(appId, k -> shared()));
    }

    /**
     * Discards {@code rejected} locally and in Redis, each only if it is still the token held
     * there.
     *
     * @throws TransportException if Redis fails
     */
    @Override
    public void invalidate(AccessToken rejected) {
        Objects.requireNonNull(rejected, "rejected");
        local.asMap().computeIfPresent(appId, (k, held) -> held.value().equals(rejected.value()) ? null : held);
        try {
            String stored = redis.get(tokenKey);
            if (stored != null && codec.decode(stored) instanceof TokenCodec.Readable r && r.token().value().equals(rejected.value())) {
                // Compare with the exact string read: a token stored meanwhile by another instance survives.
                boolean deleted = Script.COMPARE_AND_DELETE.run(redis, new String[] {tokenKey}, stored) == 1;
                // Remember (as a digest, never the token) what was refused, so that whichever instance fetches
                // next can ask for a replacement if the endpoint hands the same token back.
                redis.set(rejectedKey, Hashing.sha256Hex(rejected.value()), SetArgs.Builder.px(REJECTED_MEMORY.toMillis()));
                LOG.log(System.Logger.Level.DEBUG, () -> "invalidated the shared token of " + appId + (deleted ? "" : " (already replaced)"));
            }
        } catch (RedisException e) {
            throw redisFailure("cannot invalidate the shared token", e);
        }
    }

    private AccessToken shared() {
        long deadline = System.nanoTime() + waitTimeout.toNanos();
        long pause = MIN_POLL_MILLIS;
        try {
            while (true) {
                Optional<AccessToken> found = readShared();
                if (found.isPresent()) {
                    return found.get();
                }
                String owner = UUID.randomUUID().toString();
                if ("OK".equals(redis.set(lockKey, owner, SetArgs.Builder.nx().px(lease.toMillis())))) {
                    return fetchHoldingLock(owner);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new DeadlineExceededException(OPERATION, waitTimeout, new IllegalStateException(
                            "no token appeared under " + tokenKey + " while another instance held " + lockKey));
                }
                long sleep = Math.min(pause + ThreadLocalRandom.current().nextLong(pause / 2 + 1), Math.max(1, left / 1_000_000));
                Thread.sleep(sleep);
                pause = Math.min(pause * 2, maxPoll.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException(OPERATION, "interrupted while waiting for another instance to fetch the token", false, e);
        } catch (RedisException e) {
            throw redisFailure("cannot read or lock the shared token", e);
        }
    }

    private AccessToken fetchHoldingLock(String owner) {
        try {
            // Another holder may have stored a token between our read and our lock.
            Optional<AccessToken> found = readShared();
            if (found.isPresent()) {
                return found.get();
            }
            AccessToken fetched = Objects.requireNonNull(source.fetch(), "the token source returned null");
            if (Hashing.sha256Hex(fetched.value()).equals(redis.get(rejectedKey))) {
                // stable_token without force_refresh hands back the token the platform just refused.
                fetched = Objects.requireNonNull(source.fetchReplacing(fetched), "the token source returned null");
            }
            // Redis keeps the expiry in milliseconds: every instance, this one included, holds the same value.
            AccessToken fresh = new AccessToken(fetched.value(), fetched.expiresAt().truncatedTo(ChronoUnit.MILLIS));
            long ttl = Duration.between(clock.instant(), fresh.expiresAt()).minus(margin).toMillis();
            if (ttl <= 0) {
                LOG.log(System.Logger.Level.WARNING, "the token fetched for " + appId + " expires within the safety margin " + margin
                        + "; using it without sharing it");
                return fresh;
            }
            if (Script.PUBLISH_TOKEN.run(redis, new String[] {tokenKey, lockKey}, owner, codec.encode(fresh), Long.toString(ttl)) == 1) {
                LOG.log(System.Logger.Level.DEBUG, () -> "fetched and shared a token for " + appId + ", expires " + fresh.expiresAt());
                return fresh;
            }
            LOG.log(System.Logger.Level.WARNING, "fetching the token of " + appId + " took longer than the lock lease " + lease
                    + "; another instance may have fetched a newer one: raise lockLease");
            return readShared().orElse(fresh);
        } finally {
            Script.COMPARE_AND_DELETE.run(redis, new String[] {lockKey}, owner);
        }
    }

    /** The shared token, if it is valid with the margin to spare. */
    private Optional<AccessToken> readShared() {
        String stored = redis.get(tokenKey);
        if (stored == null) {
            return Optional.empty();
        }
        TokenCodec.Decoded d = codec.decode(stored);
        if (d instanceof TokenCodec.Unreadable u) {
            LOG.log(System.Logger.Level.WARNING, "ignoring the value under " + tokenKey + ": " + u.reason());
            return Optional.empty();
        }
        AccessToken t = ((TokenCodec.Readable) d).token();
        return t.validAt(clock.instant(), margin) ? Optional.of(t) : Optional.empty();
    }

    private long localLifetimeNanos(AccessToken token) {
        Duration left = Duration.between(clock.instant(), token.expiresAt()).minus(margin);
        if (left.isNegative()) {
            return 0;
        }
        return (left.compareTo(localTtl) < 0 ? left : localTtl).toNanos();
    }

    private TransportException redisFailure(String what, RedisException e) {
        return new TransportException(OPERATION, what + " under " + tokenKey + ": " + e.getMessage(), false, e);
    }

    /** Closes this instance's Redis connection. */
    @Override
    public void close() {
        connection.close();
    }

    @Override
    public String toString() {
        return "RedisAccessTokens[appid=" + appId + ", key=" + tokenKey + ", encrypted=" + codec.seals() + ", cached="
                + (local.getIfPresent(appId) != null) + "]";
    }

    /**
     * Builder of {@link RedisAccessTokens}. Every instance of a fleet MUST use the same prefix,
     * margin and encryption key.
     *
     * <p>Configuration, not request data: a {@code null} argument to a setter throws
     * {@link NullPointerException} at once (a programming error; request builders such as
     * {@code FirstSubmission.Builder} report a {@code null} at {@code build()} instead).
     */
    public static final class Builder {
        private final RedisClient client;
        private final String appId;
        private final AccessTokenSource source;
        private String prefix = DEFAULT_PREFIX;
        private Duration margin = DEFAULT_MARGIN;
        private Duration localTtl = DEFAULT_LOCAL_TTL;
        private Duration lease = DEFAULT_LOCK_LEASE;
        private Duration waitTimeout = DEFAULT_WAIT_TIMEOUT;
        private Duration maxPoll = Duration.ofMillis(250);
        private Clock clock = Clock.systemUTC();
        private byte[] encryptionKey;

        private Builder(RedisClient client, String appId, AccessTokenSource source) {
            this.client = Objects.requireNonNull(client, "client");
            this.appId = Objects.requireNonNull(appId, "appId");
            this.source = Objects.requireNonNull(source, "source");
            if (appId.isBlank() || appId.contains("{") || appId.contains("}")) {
                throw new IllegalArgumentException("appId must be non-blank and free of braces, got '" + appId + "'");
            }
        }

        /** The first segment of every key (default {@code minidrama}). */
        public Builder keyPrefix(String prefix) {
            Objects.requireNonNull(prefix, "prefix");
            if (prefix.isBlank()) {
                throw new IllegalArgumentException("the key prefix must not be blank");
            }
            this.prefix = prefix;
            return this;
        }

        /** How long before its expiry a token is refetched (default 5 min). */
        public Builder safetyMargin(Duration margin) {
            this.margin = nonNegative(margin, "margin");
            return this;
        }

        /**
         * How long a token is reused locally before Redis is asked again (default 30 s; zero
         * disables the local cache). Bounds how long an instance keeps using a token another
         * instance has replaced.
         */
        public Builder localTtl(Duration ttl) {
            this.localTtl = nonNegative(ttl, "localTtl");
            return this;
        }

        /**
         * The lease of the fetch lock (default 10 s): longer than a token fetch takes, short
         * enough that a crashed holder does not block the fleet for long.
         */
        public Builder lockLease(Duration lease) {
            this.lease = positive(lease, "lockLease");
            return this;
        }

        /** The longest {@link #token()} waits for another instance's fetch (default 30 s). */
        public Builder waitTimeout(Duration timeout) {
            this.waitTimeout = positive(timeout, "waitTimeout");
            return this;
        }

        /** The longest pause between two looks at Redis while waiting (default 250 ms). */
        public Builder maxPollInterval(Duration interval) {
            this.maxPoll = positive(interval, "maxPollInterval");
            if (maxPoll.toMillis() < MIN_POLL_MILLIS) {
                throw new IllegalArgumentException("maxPollInterval must be at least " + MIN_POLL_MILLIS + " ms");
            }
            return this;
        }

        /** The clock that tells whether a token is still valid (default UTC system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Seals the token in Redis with AES-GCM under this key (16, 24 or 32 bytes; copied), so a
         * reader of Redis without the key cannot use it. Default: stored in clear.
         */
        public Builder encryptionKey(byte[] aesKey) {
            Objects.requireNonNull(aesKey, "aesKey");
            if (aesKey.length != 16 && aesKey.length != 24 && aesKey.length != 32) {
                throw new IllegalArgumentException("an AES key is 16, 24 or 32 bytes, got " + aesKey.length);
            }
            this.encryptionKey = aesKey.clone();
            return this;
        }

        /**
         * Connects and builds.
         *
         * @throws TransportException if Redis cannot be reached
         */
        public RedisAccessTokens build() {
            return new RedisAccessTokens(this);
        }

        private static Duration nonNegative(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative, got " + d);
            }
            return d;
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, got " + d);
            }
            return d;
        }
    }
}
