package io.minidrama.spring.boot;

import io.minidrama.port.AccessTokenPort;
import io.minidrama.protocol.component.ComponentTokens;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * With Spring Boot Actuator 3: the {@code miniDrama} health indicator (an access token is
 * obtainable for the main mini program and each of {@code minidrama.apps}; the clock skew against
 * the platform's {@code Date} header). The condition names the class, so on Spring Boot 4 (whose
 * health API moved to {@code org.springframework.boot.health}) this configuration is skipped and
 * {@link MiniDramaBoot4HealthAutoConfiguration} applies instead.
 */
@AutoConfiguration(after = {MiniDramaAutoConfiguration.class, MiniDramaServicesAutoConfiguration.class})
@ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
public class MiniDramaHealthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "miniDramaHealthIndicator")
    HealthIndicator miniDramaHealthIndicator(ObjectProvider<AccessTokenPort> mainTokens, ObjectProvider<MiniDramaApps> apps,
                                             ObjectProvider<ClockSkew> clockSkew, ObjectProvider<ComponentTokens> component,
                                             MiniDramaProperties properties) {
        return new MiniDramaHealthIndicator(PlatformHealthCheck.of(mainTokens, apps, clockSkew, component, properties));
    }
}
