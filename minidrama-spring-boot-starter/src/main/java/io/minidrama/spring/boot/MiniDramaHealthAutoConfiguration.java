package io.minidrama.spring.boot;

import io.minidrama.port.AccessTokenPort;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * With Spring Boot Actuator 3: the {@code miniDrama} health indicator (an access token is
 * obtainable for the main mini program and each of {@code minidrama.apps}). The condition names
 * the class, so on Spring Boot 4 (whose health API moved to {@code org.springframework.boot.health})
 * this configuration is skipped instead of failing.
 */
@AutoConfiguration(after = {MiniDramaAutoConfiguration.class, MiniDramaServicesAutoConfiguration.class})
@ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
public class MiniDramaHealthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "miniDramaHealthIndicator")
    HealthIndicator miniDramaHealthIndicator(ObjectProvider<AccessTokenPort> mainTokens, ObjectProvider<MiniDramaApps> apps) {
        Map<String, AccessTokenPort> tokens = new LinkedHashMap<>();
        mainTokens.ifUnique(t -> tokens.put("main", t));
        apps.ifAvailable(a -> a.asMap().forEach((name, app) -> tokens.put(name, app.tokens())));
        return new MiniDramaHealthIndicator(tokens);
    }
}
