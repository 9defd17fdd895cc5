package io.minidrama.spring.boot;

import io.micrometer.observation.ObservationRegistry;
import io.minidrama.adapter.jdkhttp.JdkHttpTransport;
import io.minidrama.micrometer.MiniDramaObservations;
import io.minidrama.port.AccessTokenPort;
import io.minidrama.port.MiniDramaPlatform;
import io.minidrama.port.service.MiniDrama;
import io.minidrama.protocol.spi.HttpTransport;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The platform client(s) of the mini-drama SDK.
 *
 * <p>With {@code minidrama.appid} and {@code minidrama.secret}: an {@link HttpTransport} (the
 * JDK's, unless the application declares one, such as an {@code ApacheHttpTransport}), the
 * {@link AccessTokenPort} (stable_token, cached) and the {@link MiniDramaPlatform} (the protocol's
 * client, retried by the ports' one {@code RetryingMiniDramaPlatform}, observed when Micrometer
 * is present). With {@code minidrama.apps.<name>.*}: {@link MiniDramaApps}. A
 * {@link MiniDramaPlatform} bean of the application's own (or the test slice's fake) replaces
 * the client.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration",
        "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration"})
@EnableConfigurationProperties(MiniDramaProperties.class)
public class MiniDramaAutoConfiguration {

    /** Observations when Micrometer and minidrama-micrometer are on the class path (no-op without a registry). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({ObservationRegistry.class, MiniDramaObservations.class})
    static class Observations {

        @Bean
        @ConditionalOnMissingBean
        MiniDramaInstrumentation miniDramaInstrumentation(ObjectProvider<ObservationRegistry> registry) {
            ObservationRegistry r = registry.getIfAvailable();
            return r == null ? MiniDramaInstrumentation.NONE : new ObservationInstrumentation(r);
        }
    }

    /** A transport for the real platform, whenever one is configured. */
    @Bean(destroyMethod = "close")
    @Lazy
    @ConditionalOnMissingBean
    HttpTransport miniDramaTransport(MiniDramaProperties properties) {
        return JdkHttpTransport.builder().connectTimeout(properties.getConnectTimeout()).build();
    }

    /** The clock skew against the platform, seen in the responses of every client built here (the health indicator reports it). */
    @Bean
    @ConditionalOnMissingBean
    ClockSkew miniDramaClockSkew() {
        return new ClockSkew(Clock.systemUTC());
    }

    /** The one mini program of {@code minidrama.appid}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "minidrama", name = "appid")
    @ConditionalOnMissingBean(MiniDramaPlatform.class)
    static class SingleApp {

        @Bean
        @ConditionalOnMissingBean
        AccessTokenPort miniDramaAccessTokens(MiniDramaProperties properties, HttpTransport transport, ClockSkew clockSkew,
                                              ObjectProvider<MiniDramaInstrumentation> instrumentation) {
            return PlatformAssembly.tokens("minidrama", properties.getAppid(), properties.getSecret(), properties.getBaseUrl(),
                    clockSkew.observe(transport),
                    instrumentation.getIfAvailable(() -> MiniDramaInstrumentation.NONE));
        }

        @Bean
        MiniDramaPlatform miniDramaPlatform(AccessTokenPort tokens, MiniDramaProperties properties, HttpTransport transport,
                                            ClockSkew clockSkew, ObjectProvider<MiniDramaInstrumentation> instrumentation) {
            return PlatformAssembly.platform(tokens, properties.getBaseUrl(), clockSkew.observe(transport), properties,
                    instrumentation.getIfAvailable(() -> MiniDramaInstrumentation.NONE));
        }
    }

    /** Every mini program of {@code minidrama.apps.<name>.*} (empty when none). */
    @Bean
    @ConditionalOnMissingBean
    MiniDramaApps miniDramaApps(MiniDramaProperties properties, ObjectProvider<HttpTransport> transport, ClockSkew clockSkew,
                                ObjectProvider<MiniDramaInstrumentation> instrumentation) {
        Map<String, MiniDramaApps.App> apps = new LinkedHashMap<>();
        MiniDramaInstrumentation instruments = instrumentation.getIfAvailable(() -> MiniDramaInstrumentation.NONE);
        properties.getApps().forEach((name, app) -> {
            URI baseUrl = app.getBaseUrl() != null ? app.getBaseUrl() : properties.getBaseUrl();
            HttpTransport observed = clockSkew.observe(transport.getObject());
            AccessTokenPort tokens = PlatformAssembly.tokens("minidrama.apps." + name, app.getAppid(), app.getSecret(), baseUrl,
                    observed, instruments);
            MiniDramaPlatform platform = PlatformAssembly.platform(tokens, baseUrl, observed, properties, instruments);
            apps.put(name, new MiniDramaApps.App(name, app.getAppid(), platform, tokens, MiniDrama.create(platform)));
        });
        return new MiniDramaApps(apps);
    }
}
