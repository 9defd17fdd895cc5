package io.minidrama.spring.boot;

import io.minidrama.port.AccessTokenPort;
import io.minidrama.port.MiniDramaPlatform;
import io.minidrama.port.RetryPolicy;
import io.minidrama.port.RetryingMiniDramaPlatform;
import io.minidrama.port.Sleeper;
import io.minidrama.protocol.CachingAccessTokens;
import io.minidrama.protocol.MiniDramaClient;
import io.minidrama.protocol.StableTokenSource;
import io.minidrama.protocol.spi.HttpTransport;

import java.net.URI;
import java.time.Clock;

/**
 * Builds one mini program's client: a token cache over the (instrumented) stable_token source,
 * the protocol's client with its own retries off, and the one retrying decorator of the ports
 * (whose listener the instrumentation gets), observed as a whole.
 */
final class PlatformAssembly {

    private PlatformAssembly() {
    }

    static AccessTokenPort tokens(String what, String appId, MiniDramaSecret secret, URI baseUrl, HttpTransport transport,
                                  MiniDramaInstrumentation instrumentation) {
        if (appId == null || appId.isBlank()) {
            throw new IllegalStateException(what + ".appid is required");
        }
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException(what + ".secret is required (the mini program's AppSecret)");
        }
        StableTokenSource source = StableTokenSource.builder(appId, secret.reveal()).baseUrl(baseUrl).transport(transport).build();
        return CachingAccessTokens.of(instrumentation.tokenSource(source), Clock.systemUTC(), CachingAccessTokens.DEFAULT_MARGIN);
    }

    static MiniDramaPlatform platform(AccessTokenPort tokens, URI baseUrl, HttpTransport transport, MiniDramaProperties properties,
                                      MiniDramaInstrumentation instrumentation) {
        MiniDramaClient client = MiniDramaClient.builder()
                .transport(transport)
                .baseUrl(baseUrl)
                .accessTokens(tokens)
                .callTimeout(properties.getCallTimeout())
                // Retries happen once, in the ports' decorator below, where they are observed.
                .retryPolicy(RetryPolicy.none())
                .build();
        return retriedAndInstrumented(client, instrumentation);
    }

    /**
     * A client whose own retries are off (as each of {@code MiniDramaClients}' is in the starter):
     * retried by the ports' decorator, observed around that.
     */
    static MiniDramaPlatform retriedAndInstrumented(MiniDramaPlatform client, MiniDramaInstrumentation instrumentation) {
        MiniDramaPlatform retrying = RetryingMiniDramaPlatform.wrap(client, RetryPolicy.defaults(), Sleeper.SYSTEM)
                .withListener(instrumentation.retryListener());
        return instrumentation.platform(retrying);
    }
}
