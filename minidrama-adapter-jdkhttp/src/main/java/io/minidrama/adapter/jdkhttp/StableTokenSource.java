package io.minidrama.adapter.jdkhttp;

import io.minidrama.adapter.jdkhttp.internal.TokenEndpoint;
import io.minidrama.port.AccessToken;

/**
 * Fetches access tokens from {@code POST /cgi-bin/stable_token} with
 * {@code {"grant_type":"client_credential","appid":..,"secret":..,"force_refresh":false}}: the
 * default source, safe when several instances share one appid (a fetch does not invalidate the
 * tokens other instances hold).
 *
 * <p>Thread-safe; no caching (wrap it in {@link CachingAccessTokens}). The secret is sent in the
 * body only and never appears in messages or {@link #toString()}.
 */
public final class StableTokenSource implements AccessTokenSource {
    private final TokenEndpoint endpoint;
    private final String appId;
    private final boolean forceRefresh;

    private StableTokenSource(TokenSourceBuilder<?> b, boolean forceRefresh) {
        this.endpoint = b.endpoint();
        this.appId = b.appId();
        this.forceRefresh = forceRefresh;
    }

    /** A builder for the mini program {@code appId} with its {@code secret}. */
    public static Builder builder(String appId, String secret) {
        return new Builder(appId, secret);
    }

    @Override
    public AccessToken fetch() {
        return endpoint.fetchStable(forceRefresh);
    }

    @Override
    public String toString() {
        return "StableTokenSource[appid=" + appId + ", forceRefresh=" + forceRefresh + "]";
    }

    /** Builder of {@link StableTokenSource}; see {@link TokenSourceBuilder} for the options. */
    public static final class Builder extends TokenSourceBuilder<Builder> {
        private boolean forceRefresh;

        private Builder(String appId, String secret) {
            super(appId, secret);
        }

        /**
         * Sends {@code force_refresh: true}: every fetch yields a new token (limited by the
         * platform to a few a day). Default false.
         */
        public Builder forceRefresh(boolean forceRefresh) {
            this.forceRefresh = forceRefresh;
            return this;
        }

        /** Builds the source. */
        public StableTokenSource build() {
            return new StableTokenSource(this, forceRefresh);
        }
    }
}
