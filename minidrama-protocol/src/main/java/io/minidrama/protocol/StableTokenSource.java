package io.minidrama.protocol;

import io.minidrama.port.AccessTokenSource;

import io.minidrama.protocol.internal.TokenEndpoint;
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
    private static final System.Logger LOG = System.getLogger(StableTokenSource.class.getName());
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

    /**
     * Fetches in the normal mode; if the platform hands back the very token it has just
     * rejected, fetches once more with {@code force_refresh: true}. The normal mode returns the
     * current token while it is valid in the token service's eyes, so without this a caller would
     * retry with the refused token. Forced refreshes are limited by the platform (about 20 a day,
     * 30 s apart), which is why they are used only when the normal mode cannot help.
     */
    @Override
    public AccessToken fetchReplacing(AccessToken rejected) {
        AccessToken fresh = endpoint.fetchStable(forceRefresh);
        if (forceRefresh || !fresh.value().equals(rejected.value())) {
            return fresh;
        }
        LOG.log(System.Logger.Level.INFO, "stable_token answered the token the platform had just rejected; "
                + "fetching again with force_refresh=true");
        return endpoint.fetchStable(true);
    }

    @Override
    public String toString() {
        return "StableTokenSource[appid=" + appId + ", forceRefresh=" + forceRefresh + "]";
    }

    /**
     * Builder of {@link StableTokenSource}; see {@link TokenSourceBuilder} for the options.
     *
     * <p>Configuration, not request data: a {@code null} argument to a setter throws
     * {@link NullPointerException} at once (a programming error; request builders such as
     * {@code FirstSubmission.Builder} report a {@code null} at {@code build()} instead).
     */
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

        /**
         * Builds the source.
         *
         * @throws IllegalStateException without a {@link TokenSourceBuilder#transport transport}
         */
        public StableTokenSource build() {
            return new StableTokenSource(this, forceRefresh);
        }
    }
}
