package io.minidrama.spring.boot;

import io.minidrama.events.ComponentEventReceiver;
import io.minidrama.port.RetryPolicy;
import io.minidrama.port.component.ComponentPort;
import io.minidrama.port.component.ComponentStore;
import io.minidrama.port.component.InMemoryComponentStore;
import io.minidrama.protocol.component.ComponentTokens;
import io.minidrama.protocol.component.HttpComponentPort;
import io.minidrama.protocol.component.MiniDramaClients;
import io.minidrama.protocol.spi.HttpTransport;
import io.minidrama.protocol.spi.TransportRequest;
import io.minidrama.protocol.spi.TransportResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * A third-party platform (API.md section 10), with {@code minidrama.component.appid} and
 * {@code .secret}: its {@link ComponentStore} (Redis when {@code minidrama-adapter-redis} and a
 * Lettuce client are present, else memory; {@code minidrama.component.store} chooses), its
 * {@link ComponentTokens} (its component calls observed as {@code minidrama.component.call} when
 * an {@code ObservationRegistry} bean and {@code minidrama-micrometer} are present) and the
 * {@link MiniDramaClients} of its authorizers ({@code clients.client("wx-authorizer")}). With
 * {@code minidrama.component.token} and {@code .encoding-aes-key}: the {@link ComponentEventReceiver}, and in a Spring MVC application a
 * webhook at {@code minidrama.component.webhook.path} (default {@code /minidrama/component/events})
 * that keeps each pushed ticket, authorizes on {@code authorized} / {@code updateauthorized},
 * revokes on {@code unauthorized}, publishes the {@code ComponentEvent} to the application's
 * listeners, and answers {@code success}.
 */
@AutoConfiguration(after = MiniDramaAutoConfiguration.class, afterName = {
        "org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration",
        "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration"})
@ConditionalOnProperty(prefix = "minidrama.component", name = "appid")
// before the in-memory store below
@Import(RedisComponentStoreConfiguration.class)
public class MiniDramaComponentAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ComponentStore miniDramaComponentStore(MiniDramaProperties properties) {
        if (properties.getComponent().getStore() == MiniDramaProperties.ComponentStoreKind.REDIS) {
            throw new IllegalStateException("minidrama.component.store=redis needs io.minidrama:minidrama-adapter-redis and Lettuce"
                    + " on the class path, and a Lettuce RedisClient or Spring Data Redis LettuceConnectionFactory bean");
        }
        return InMemoryComponentStore.create();
    }

    @Bean
    @ConditionalOnMissingBean
    ComponentTokens miniDramaComponentTokens(MiniDramaProperties properties, HttpTransport transport, ClockSkew clockSkew,
                                             ComponentStore store, ObjectProvider<MiniDramaInstrumentation> instrumentation) {
        MiniDramaProperties.Component component = properties.getComponent();
        if (component.getAppid() == null || component.getAppid().isBlank()) {
            throw new IllegalStateException("minidrama.component.appid is required");
        }
        if (component.getSecret() == null || component.getSecret().isBlank()) {
            throw new IllegalStateException("minidrama.component.secret is required (the third-party platform's AppSecret)");
        }
        HttpComponentPort http = HttpComponentPort.builder().transport(clockSkew.observe(transport)).baseUrl(properties.getBaseUrl()).build();
        // The component token fetch and each authorizer token refresh, observed when Micrometer is (no appid as a tag).
        ComponentPort port = instrumentation.getIfAvailable(() -> MiniDramaInstrumentation.NONE).componentPort(http);
        return ComponentTokens.builder(component.getAppid(), component.getSecret().reveal()).port(port).store(store).build();
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    MiniDramaClients miniDramaClients(MiniDramaProperties properties, HttpTransport transport, ClockSkew clockSkew,
                                      ComponentTokens tokens, ObjectProvider<MiniDramaInstrumentation> instrumentation) {
        MiniDramaInstrumentation instruments = instrumentation.getIfAvailable(() -> MiniDramaInstrumentation.NONE);
        // Each authorizer's client like the main one: retried once, in the ports' decorator, and observed
        // around that (the appid is no tag: low cardinality).
        return MiniDramaClients.builder()
                .transport(notClosed(clockSkew.observe(transport)))
                .baseUrl(properties.getBaseUrl())
                .component(tokens)
                .clientOptions(b -> b.callTimeout(properties.getCallTimeout()).retryPolicy(RetryPolicy.none()))
                .decorate((appId, client) -> PlatformAssembly.retriedAndInstrumented(client, instruments))
                .build();
    }

    /** The transport bean is closed by the context, not by {@link MiniDramaClients#close()}. */
    private static HttpTransport notClosed(HttpTransport transport) {
        return new HttpTransport() {
            @Override
            public TransportResponse execute(TransportRequest request) {
                return transport.execute(request);
            }

            @Override
            public String toString() {
                return transport.toString();
            }
        };
    }

    /** The receiver of the platform's pushes, with {@code minidrama.component.token}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "minidrama.component", name = "token")
    static class Events {

        @Bean
        @ConditionalOnMissingBean
        ComponentEventReceiver miniDramaComponentEventReceiver(MiniDramaProperties properties) {
            MiniDramaProperties.Component component = properties.getComponent();
            if (component.getEncodingAesKey() == null || component.getEncodingAesKey().isBlank()) {
                throw new IllegalStateException("minidrama.component.encoding-aes-key is required with minidrama.component.token"
                        + " (a third-party platform's pushes are always encrypted)");
            }
            return ComponentEventReceiver.builder()
                    .token(component.getToken().reveal())
                    .encryption(component.getEncodingAesKey().reveal(), component.getAppid())
                    .maxAge(component.getMaxAge())
                    .build();
        }

        /** The webhook, in a servlet web application. */
        @Configuration(proxyBeanMethods = false)
        @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
        @ConditionalOnClass(RouterFunction.class)
        @ConditionalOnProperty(prefix = "minidrama.component.webhook", name = "enabled", matchIfMissing = true)
        static class Webhook {

            @Bean
            RouterFunction<ServerResponse> miniDramaComponentWebhook(ComponentEventReceiver receiver, ComponentTokens tokens,
                                                                     ApplicationEventPublisher publisher, MiniDramaProperties properties) {
                return new MiniDramaComponentWebhook(receiver, tokens, publisher).routes(properties.getComponent().getWebhook().getPath());
            }
        }
    }
}
