package io.minidrama.adapter.jdkhttp;

import io.minidrama.domain.player.DramaMonetization;
import io.minidrama.domain.player.DramaPromotion;
import io.minidrama.domain.player.FinderEvent;
import io.minidrama.domain.player.FinderEventQuery;
import io.minidrama.domain.player.FlushSet;
import io.minidrama.domain.player.MonetizationDeclaration;
import io.minidrama.domain.player.MonetizationQuery;
import io.minidrama.domain.player.PlayerSwitch;
import io.minidrama.domain.player.PromotionBatch;
import io.minidrama.domain.player.PublicationBatch;
import io.minidrama.domain.player.PublishedDrama;
import io.minidrama.domain.player.RecommendationPool;
import io.minidrama.port.AccessTokenPort;
import io.minidrama.port.AccessTokenSource;
import io.minidrama.port.DramaPlayerPort;
import io.minidrama.port.ForwardingMiniDramaPlatform;
import io.minidrama.port.MiniDramaPlatform;
import io.minidrama.port.Sleeper;
import io.minidrama.protocol.MiniDramaClient;
import io.minidrama.protocol.RetryPolicy;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * The mini-drama platform over {@code java.net.http}: a {@link MiniDramaClient} (the protocol:
 * every operation of {@link MiniDramaPlatform}, tokens, errcodes, retries) sending through a
 * {@link JdkHttpTransport}, and the drama player's operations ({@link DramaPlayerPort}) of the
 * same client. See {@link MiniDramaClient} for the contract of every call.
 *
 * <p>Thread-safe; neither the secret nor the token appears in exceptions, log records or
 * {@link #toString()}.
 */
public final class JdkHttpMiniDramaAdapter extends ForwardingMiniDramaPlatform implements DramaPlayerPort {

    /** The platform's API host. */
    public static final URI DEFAULT_BASE_URL = MiniDramaClient.DEFAULT_BASE_URL;

    private final MiniDramaClient client;

    private JdkHttpMiniDramaAdapter(MiniDramaClient client) {
        this.client = client;
    }

    /** A new builder. Either {@link Builder#credentials} or a token source is required. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected MiniDramaPlatform delegate() {
        return client;
    }

    // The player's operations go to the client as they are: ForwardingMiniDramaPlatform covers
    // MiniDramaPlatform only, so they do not pass through intercept(..).

    @Override
    public void setSwitch(PlayerSwitch entry, boolean on) {
        client.setSwitch(entry, on);
    }

    @Override
    public void setFlushSet(FlushSet set) {
        client.setFlushSet(set);
    }

    @Override
    public void setRecommendationPool(RecommendationPool pool) {
        client.setRecommendationPool(pool);
    }

    @Override
    public void publish(PublicationBatch batch) {
        client.publish(batch);
    }

    @Override
    public List<PublishedDrama> publishedDramas() {
        return client.publishedDramas();
    }

    @Override
    public void declareMonetization(MonetizationDeclaration declaration) {
        client.declareMonetization(declaration);
    }

    @Override
    public List<DramaMonetization> monetization(MonetizationQuery query) {
        return client.monetization(query);
    }

    @Override
    public List<DramaPromotion> processPromotion(PromotionBatch batch) {
        return client.processPromotion(batch);
    }

    @Override
    public List<FinderEvent> finderEvents(FinderEventQuery query) {
        return client.finderEvents(query);
    }

    @Override
    public String toString() {
        return "JdkHttpMiniDramaAdapter[" + client + "]";
    }

    /**
     * Builder of {@link JdkHttpMiniDramaAdapter}: the options of {@link MiniDramaClient.Builder}
     * plus those of the {@link JdkHttpTransport} it creates. Not thread-safe; {@code null} is
     * refused at once with a {@link NullPointerException}.
     *
     * <p>Tokens: {@link #credentials} (fetched from {@code stable_token}, or from
     * {@code /cgi-bin/token} after {@link #classicTokenEndpoint()}), {@link #tokenSource} (your
     * own source, cached here), or {@link #accessTokens} (your own port, used as it is). Exactly
     * one of them is required.
     */
    public static final class Builder {
        private final MiniDramaClient.Builder client = MiniDramaClient.builder();
        private final JdkHttpTransport.Builder transport = JdkHttpTransport.builder();
        private String shown = "";

        private Builder() {
        }

        /** The API host (default {@code https://api.weixin.qq.com}); tests aim it at a local server. */
        public Builder baseUrl(URI baseUrl) {
            client.baseUrl(baseUrl);
            shown = "baseUrl=" + baseUrl;
            return this;
        }

        /** The API host, parsed. */
        public Builder baseUrl(String baseUrl) {
            return baseUrl(URI.create(Objects.requireNonNull(baseUrl, "baseUrl")));
        }

        /** The mini program's appid and secret; tokens come from {@code stable_token} by default. */
        public Builder credentials(String appId, String secret) {
            client.credentials(appId, secret);
            return this;
        }

        /** Fetch tokens for {@link #credentials} from the classic {@code /cgi-bin/token} instead. */
        public Builder classicTokenEndpoint() {
            client.classicTokenEndpoint();
            return this;
        }

        /** Your own token source, cached by the adapter like the built-in ones. */
        public Builder tokenSource(AccessTokenSource tokenSource) {
            client.tokenSource(tokenSource);
            return this;
        }

        /** Your own token port, used as it is (no caching added). */
        public Builder accessTokens(AccessTokenPort accessTokens) {
            client.accessTokens(accessTokens);
            return this;
        }

        /** How long before its expiry a cached token is refetched (default 5 min). */
        public Builder tokenSafetyMargin(Duration margin) {
            client.tokenSafetyMargin(margin);
            return this;
        }

        /** Connect timeout of the HTTP client the adapter creates (default 10 s). */
        public Builder connectTimeout(Duration timeout) {
            transport.connectTimeout(timeout);
            return this;
        }

        /**
         * Request timeout: until the response headers arrive, the request body's upload included
         * (default 2 min).
         */
        public Builder requestTimeout(Duration timeout) {
            transport.requestTimeout(timeout);
            return this;
        }

        /**
         * Deadline of one whole exchange, request and response bodies included (default 5 min);
         * when it runs out the exchange is cancelled with a
         * {@link io.minidrama.domain.error.DeadlineExceededException}.
         */
        public Builder callTimeout(Duration timeout) {
            client.callTimeout(timeout);
            return this;
        }

        /** The retry policy for ordinary failures (default {@link RetryPolicy#defaults()}). */
        public Builder retryPolicy(RetryPolicy policy) {
            client.retryPolicy(policy);
            return this;
        }

        /** The long schedule for errcode -2 (default {@link RetryPolicy#initializing()}). */
        public Builder initializingRetryPolicy(RetryPolicy policy) {
            client.initializingRetryPolicy(policy);
            return this;
        }

        /** See {@link MiniDramaClient.Builder#retryAmbiguousCreates(boolean)} (default false). */
        public Builder retryAmbiguousCreates(boolean retry) {
            client.retryAmbiguousCreates(retry);
            return this;
        }

        /** Executor of the HTTP client the adapter creates (default: the JDK's). */
        public Builder executor(Executor executor) {
            transport.executor(executor);
            return this;
        }

        /**
         * An HTTP client to reuse; the adapter then ignores {@link #connectTimeout} and
         * {@link #executor} (they belong to the client).
         */
        public Builder httpClient(HttpClient httpClient) {
            transport.httpClient(httpClient);
            return this;
        }

        /** The HTTP version requested (default HTTP/1.1). */
        public Builder httpVersion(HttpClient.Version version) {
            transport.httpVersion(version);
            return this;
        }

        /** The clock dating token expiry (default UTC system clock). */
        public Builder clock(Clock clock) {
            client.clock(clock);
            return this;
        }

        /** How the adapter waits between retries (default {@link Sleeper#SYSTEM}). */
        public Builder sleeper(Sleeper sleeper) {
            client.sleeper(sleeper);
            return this;
        }

        /**
         * Builds the adapter.
         *
         * @throws IllegalStateException unless exactly one of credentials, token source and
         *                               token port was given
         */
        public JdkHttpMiniDramaAdapter build() {
            client.transport(transport.build());
            return new JdkHttpMiniDramaAdapter(client.build());
        }

        @Override
        public String toString() {
            return "JdkHttpMiniDramaAdapter.Builder[" + shown + "]";
        }
    }
}
