package io.minidrama.spring.boot;

import io.minidrama.emulator.MiniDramaEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The health indicator against the emulator (Spring Boot 3's health API). */
class HealthIndicatorTest {

    private static final MiniDramaEmulator EMULATOR = MiniDramaEmulator.builder().credentials("wx0123456789abcdef", "the-right-secret").start();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MiniDramaAutoConfiguration.class, MiniDramaServicesAutoConfiguration.class,
                    MiniDramaHealthAutoConfiguration.class))
            .withPropertyValues("minidrama.appid=wx0123456789abcdef", "minidrama.base-url=" + EMULATOR.baseUrl());

    @AfterAll
    static void stop() {
        EMULATOR.close();
    }

    @Test
    void health_withTheRightSecret_isUp_withTheExpiry_neverTheToken() {
        runner.withPropertyValues("minidrama.secret=the-right-secret", "minidrama.apps.second.appid=wx0123456789abcdef",
                "minidrama.apps.second.secret=the-right-secret").run(context -> {
                    Health health = context.getBean("miniDramaHealthIndicator", HealthIndicator.class).health();
                    assertEquals(Status.UP, health.getStatus());
                    assertEquals("obtainable", ((Map<?, ?>) health.getDetails().get("main")).get("token"));
                    assertEquals("obtainable", ((Map<?, ?>) health.getDetails().get("second")).get("token"));
                    assertFalse(EMULATOR.issuedTokens().isEmpty());
                    EMULATOR.issuedTokens().forEach(t -> assertFalse(health.toString().contains(t)));
                });
    }

    @Test
    void health_withAWrongSecret_isDown_withTheErrcode_neverTheSecret() {
        runner.withPropertyValues("minidrama.secret=a-WRONG-secret-value").run(context -> {
            Health health = context.getBean("miniDramaHealthIndicator", HealthIndicator.class).health();
            assertEquals(Status.DOWN, health.getStatus());
            assertTrue(health.getDetails().get("main").toString().contains("PlatformException"), health.toString());
            assertFalse(health.toString().contains("a-WRONG-secret-value"));
        });
    }
}
