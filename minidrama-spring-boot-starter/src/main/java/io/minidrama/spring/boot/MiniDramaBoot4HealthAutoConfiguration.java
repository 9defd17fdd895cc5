package io.minidrama.spring.boot;

import io.minidrama.port.AccessTokenPort;
import io.minidrama.protocol.component.ComponentTokens;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * With Spring Boot 4's health API ({@code org.springframework.boot.health.contributor}, module
 * {@code spring-boot-health}): the same {@code miniDrama} health indicator as
 * {@link MiniDramaHealthAutoConfiguration} gives Spring Boot 3 (token obtainable, clock skew).
 * Compiled against {@code spring-boot-health} 4 as an optional dependency; the condition names the
 * class, so on Spring Boot 3 this configuration is skipped.
 */
@AutoConfiguration(after = {MiniDramaAutoConfiguration.class, MiniDramaServicesAutoConfiguration.class})
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
public class MiniDramaBoot4HealthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "miniDramaHealthIndicator")
    HealthIndicator miniDramaHealthIndicator(ObjectProvider<AccessTokenPort> mainTokens, ObjectProvider<MiniDramaApps> apps,
                                             ObjectProvider<ClockSkew> clockSkew, ObjectProvider<ComponentTokens> component,
                                             MiniDramaProperties properties) {
        return new MiniDramaBoot4HealthIndicator(PlatformHealthCheck.of(mainTokens, apps, clockSkew, component, properties));
    }
}
