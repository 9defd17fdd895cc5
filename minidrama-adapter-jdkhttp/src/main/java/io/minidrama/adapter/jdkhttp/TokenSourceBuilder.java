package io.minidrama.adapter.jdkhttp;

import io.minidrama.adapter.jdkhttp.internal.TokenEndpoint;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Options shared by the builders of {@link StableTokenSource} and {@link ClassicTokenSource}.
 * Not thread-safe; {@code null} is refused.
 *
 * @param <B> the concrete builder
 */
public abstract sealed class TokenSourceBuilder<B extends TokenSourceBuilder<B>>
        permits StableTokenSource.Builder, ClassicTokenSource.Builder {
    private final String appId;
    private final String secret;
    private URI baseUrl = JdkHttpMiniDramaAdapter.DEFAULT_BASE_URL;
    private HttpClient httpClient;
    private HttpClient.Version httpVersion = HttpClient.Version.HTTP_1_1;
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

    /** The HTTP client to use (default: a new one with a 10 s connect timeout). */
    public B httpClient(HttpClient httpClient) {
        this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
        return self();
    }

    /** The HTTP version to request (default HTTP/1.1). */
    public B httpVersion(HttpClient.Version httpVersion) {
        this.httpVersion = Objects.requireNonNull(httpVersion, "httpVersion");
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
        HttpClient client = httpClient != null ? httpClient
                : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        return new TokenEndpoint(client, baseUrl, httpVersion, timeout, appId, secret, clock);
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
