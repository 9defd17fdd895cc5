package io.minidrama.protocol;

import io.minidrama.protocol.internal.TokenEndpoint;
import io.minidrama.protocol.spi.HttpTransport;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Options shared by the builders of {@link StableTokenSource} and {@link ClassicTokenSource}.
 * Not thread-safe; {@code null} is refused. A {@link #transport} is required: the token endpoint
 * is called through the same {@link HttpTransport} as the operations.
 *
 * @param <B> the concrete builder
 */
public abstract sealed class TokenSourceBuilder<B extends TokenSourceBuilder<B>>
        permits StableTokenSource.Builder, ClassicTokenSource.Builder {
    private final String appId;
    private final String secret;
    private URI baseUrl = MiniDramaClient.DEFAULT_BASE_URL;
    private HttpTransport transport;
    private Duration timeout = Duration.ofSeconds(10);
    private Clock clock = Clock.systemUTC();

    TokenSourceBuilder(String appId, String secret) {
        this.appId = requireText(appId, "appId");
        this.secret = requireText(secret, "secret");
    }

    /** The API host (default {@code https://api.weixin.qq.com}). */
    public B baseUrl(URI baseUrl) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        return self();
    }

    /**
     * The HTTP transport the token endpoint is called through (required), such as
     * {@code JdkHttpTransport.create()} of {@code minidrama-adapter-jdkhttp}. The source does not
     * close it.
     */
    public B transport(HttpTransport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
        return self();
    }

    /** The deadline of one token fetch (default 10 s). */
    public B timeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        this.timeout = timeout;
        return self();
    }

    /** The clock that dates the token's expiry (default UTC system clock). */
    public B clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return self();
    }

    String appId() {
        return appId;
    }

    TokenEndpoint endpoint() {
        if (transport == null) {
            throw new IllegalStateException("transport(..) is required: the HTTP transport the token endpoint is called through");
        }
        return new TokenEndpoint(transport, baseUrl, timeout, appId, secret, clock);
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    private static String requireText(String s, String name) {
        Objects.requireNonNull(s, name);
        if (s.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return s;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[appid=" + appId + ", baseUrl=" + baseUrl + "]";
    }
}
