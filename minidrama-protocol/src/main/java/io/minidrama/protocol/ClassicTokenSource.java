package io.minidrama.protocol;

import io.minidrama.port.AccessTokenSource;

import io.minidrama.protocol.internal.TokenEndpoint;
import io.minidrama.port.AccessToken;

/**
 * Fetches access tokens from the classic
 * {@code GET /cgi-bin/token?grant_type=client_credential&appid=..&secret=..}. Each fetch
 * invalidates the appid's previous token, so use it only when one process holds the token;
 * prefer {@link StableTokenSource}.
 *
 * <p>Thread-safe; no caching (wrap it in {@link CachingAccessTokens}). The secret travels in the
 * query string, which is never logged nor put into a message; {@link #toString()} omits it.
 */
public final class ClassicTokenSource implements AccessTokenSource {
    private final TokenEndpoint endpoint;
    private final String appId;

    private ClassicTokenSource(TokenSourceBuilder<?> b) {
        this.endpoint = b.endpoint();
        this.appId = b.appId();
    }

    /** A builder for the mini program {@code appId} with its {@code secret}. */
    public static Builder builder(String appId, String secret) {
        return new Builder(appId, secret);
    }

    @Override
    public AccessToken fetch() {
        return endpoint.fetchClassic();
    }

    @Override
    public String toString() {
        return "ClassicTokenSource[appid=" + appId + "]";
    }

    /**
     * Builder of {@link ClassicTokenSource}; see {@link TokenSourceBuilder} for the options.
     *
     * <p>Configuration, not request data: a {@code null} argument to a setter throws
     * {@link NullPointerException} at once (a programming error; request builders such as
     * {@code FirstSubmission.Builder} report a {@code null} at {@code build()} instead).
     */
    public static final class Builder extends TokenSourceBuilder<Builder> {
        private Builder(String appId, String secret) {
            super(appId, secret);
        }

        /**
         * Builds the source.
         *
         * @throws IllegalStateException without a {@link TokenSourceBuilder#transport transport}
         */
        public ClassicTokenSource build() {
            return new ClassicTokenSource(this);
        }
    }
}
