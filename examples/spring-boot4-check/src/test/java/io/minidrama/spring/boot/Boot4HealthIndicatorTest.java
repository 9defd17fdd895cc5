package io.minidrama.spring.boot;

import io.minidrama.emulator.MiniDramaEmulator;
import io.minidrama.protocol.component.ComponentTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The health indicator on Spring Boot 4's health API ({@code org.springframework.boot.health}),
 * against the emulator. Spring Boot 4 only: this module's build runs it (the starter's tests run Boot 3's).
 */
class Boot4HealthIndicatorTest {

    private static final MiniDramaEmulator EMULATOR = MiniDramaEmulator.builder().credentials("wx0123456789abcdef", "the-right-secret")
            .component("wxcomponenthealth", "component-secret-health-0001").start();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MiniDramaAutoConfiguration.class, MiniDramaServicesAutoConfiguration.class,
                    MiniDramaBoot4HealthAutoConfiguration.class))
            .withPropertyValues("minidrama.appid=wx0123456789abcdef", "minidrama.base-url=" + EMULATOR.baseUrl());

    @AfterAll
    static void stop() {
        EMULATOR.close();
    }

    @Test
    void health_withTheRightSecret_isUp_withTheExpiryAndTheSkew_neverTheToken() {
        runner.withPropertyValues("minidrama.secret=the-right-secret").run(context -> {
            Health health = context.getBean("miniDramaHealthIndicator", HealthIndicator.class).health(true);
            assertEquals(Status.UP, health.getStatus(), health.toString());
            assertEquals("obtainable", ((Map<?, ?>) health.getDetails().get("main")).get("token"));
            assertEquals("ok", ((Map<?, ?>) health.getDetails().get("clockSkew")).get("status"));
            EMULATOR.issuedTokens().forEach(t -> assertFalse(health.toString().contains(t)));
        });
    }

    @Test
    void health_whenOurClockIsTenMinutesAhead_isDown() {
        runner.withBean(ClockSkew.class, () -> new ClockSkew(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(10))))
                .withPropertyValues("minidrama.secret=the-right-secret").run(context -> {
                    Health health = context.getBean("miniDramaHealthIndicator", HealthIndicator.class).health(true);
                    assertEquals(Status.DOWN, health.getStatus(), health.toString());
                    assertEquals("too large", ((Map<?, ?>) health.getDetails().get("clockSkew")).get("status"));
                });
    }

    @Test
    void health_withAWrongSecret_isDown_neverTheSecret() {
        runner.withPropertyValues("minidrama.secret=a-WRONG-secret-value").run(context -> {
            Health health = context.getBean("miniDramaHealthIndicator", HealthIndicator.class).health(true);
            assertEquals(Status.DOWN, health.getStatus());
            assertTrue(health.getDetails().get("main").toString().contains("PlatformException"), health.toString());
            assertFalse(health.toString().contains("a-WRONG-secret-value"));
        });
    }

    @Test
    void health_withAThirdPartyPlatform_isDownWithoutATicket_andUpWithOne_reportingItsAge() {
        runner.withConfiguration(AutoConfigurations.of(MiniDramaComponentAutoConfiguration.class))
                .withPropertyValues("minidrama.secret=the-right-secret", "minidrama.component.appid=wxcomponenthealth",
                        "minidrama.component.secret=component-secret-health-0001").run(context -> {
                    HealthIndicator indicator = context.getBean("miniDramaHealthIndicator", HealthIndicator.class);
                    Health noTicket = indicator.health(true);
                    assertEquals(Status.DOWN, noTicket.getStatus(), noTicket.toString());
                    assertEquals("missing", ((Map<?, ?>) ((Map<?, ?>) noTicket.getDetails().get("component")).get("ticket")).get("status"));

                    context.getBean(ComponentTokens.class).acceptTicket(EMULATOR.component().issueTicket(), Instant.now().minus(Duration.ofHours(1)));
                    Health up = indicator.health(true);
                    assertEquals(Status.UP, up.getStatus(), up.toString());
                    Map<?, ?> component = (Map<?, ?>) up.getDetails().get("component");
                    assertEquals("ok", ((Map<?, ?>) component.get("ticket")).get("status"));
                    assertEquals("obtainable", component.get("token"));
                    assertFalse(up.toString().contains("component-secret-health-0001"));
                });
    }
}
