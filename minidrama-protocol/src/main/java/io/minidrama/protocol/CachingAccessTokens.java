package io.minidrama.protocol;

import io.minidrama.port.AccessTokenSource;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.minidrama.port.AccessToken;
import io.minidrama.port.AccessTokenPort;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An {@link AccessTokenPort} that caches the token an {@link AccessTokenSource} fetches, with
 * Caffeine, until its expiry minus a safety margin (default 5 minutes).
 *
 * <p>Thread-safe. Many concurrent callers on a cold or expired cache cause exactly one fetch: the
 * others wait for it and share its token (or its failure; a failure is not cached).
 * {@link #invalidate} drops the token only if it is still the cached one, so a token another
 * caller fetched meanwhile is kept. {@link #toString()} never shows the token.
 */
public final class CachingAccessTokens implements AccessTokenPort {

    /** Default safety margin before the platform's expiry. */
    public static final Duration DEFAULT_MARGIN = Duration.ofMinutes(5);

    private static final String KEY = "access_token";

    private final AccessTokenSource source;
    private final Clock clock;
    private final Duration margin;
    private final Cache<String, AccessToken> cache;
    /** The token last rejected by the platform, until a replacement has been fetched. */
    private final AtomicReference<AccessToken> rejected = new AtomicReference<>();

    private CachingAccessTokens(AccessTokenSource source, Clock clock, Duration margin) {
        this.source = source;
        this.clock = clock;
        this.margin = margin;
        this.cache = Caffeine.newBuilder()
                .maximumSize(1)
                .executor(Runnable::run)
                .ticker(() -> {
                    java.time.Instant now = clock.instant();
                    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
                })
                .expireAfter(new Expiry<String, AccessToken>() {
                    @Override
                    public long expireAfterCreate(String key, AccessToken token, long currentTime) {
                        return lifetimeNanos(token);
                    }

                    @Override
                    public long expireAfterUpdate(String key, AccessToken token, long currentTime, long currentDuration) {
                        return lifetimeNanos(token);
                    }

                    @Override
                    public long expireAfterRead(String key, AccessToken token, long currentTime, long currentDuration) {
                        return currentDuration;
                    }
                })
                .build();
    }

    /** Caches tokens from {@code source} with the system clock and {@link #DEFAULT_MARGIN}. */
    public static CachingAccessTokens of(AccessTokenSource source) {
        return new CachingAccessTokens(Objects.requireNonNull(source, "source"), Clock.systemUTC(), DEFAULT_MARGIN);
    }

    /**
     * Caches tokens from {@code source}; a token is refetched {@code margin} before it expires
     * according to {@code clock}.
     */
    public static CachingAccessTokens of(AccessTokenSource source, Clock clock, Duration margin) {
        Objects.requireNonNull(margin, "margin");
        if (margin.isNegative()) {
            throw new IllegalArgumentException("margin must not be negative, got " + margin);
        }
        return new CachingAccessTokens(Objects.requireNonNull(source, "source"), Objects.requireNonNull(clock, "clock"), margin);
    }

    /** The cached token, or a freshly fetched one (one fetch however many callers wait). */
    @Override
    public AccessToken token() {
        AccessToken token = cache.get(KEY, k -> fetch());
        return Objects.requireNonNull(token);
    }

    private AccessToken fetch() {
        AccessToken refused = rejected.get();
        AccessToken fresh = refused == null ? source.fetch() : source.fetchReplacing(refused);
        Objects.requireNonNull(fresh, "the token source returned null");
        rejected.compareAndSet(refused, null);
        return fresh;
    }

    /**
     * Drops {@code rejected} if it is still the cached token; the next fetch then asks the source
     * for a replacement ({@link AccessTokenSource#fetchReplacing}).
     */
    @Override
    public void invalidate(AccessToken rejected) {
        if (cache.asMap().remove(KEY, Objects.requireNonNull(rejected, "rejected"))) {
            this.rejected.set(rejected);
        }
    }

    private long lifetimeNanos(AccessToken token) {
        Duration left = Duration.between(clock.instant(), token.expiresAt()).minus(margin);
        if (left.isNegative()) {
            return 0;
        }
        try {
            return left.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    @Override
    public String toString() {
        return "CachingAccessTokens[margin=" + margin + ", cached=" + (cache.getIfPresent(KEY) != null) + "]";
    }
}
