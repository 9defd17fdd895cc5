package io.minidrama.spring.boot;

import io.minidrama.emulator.MiniDramaEmulator;
import io.minidrama.port.AccessToken;
import io.minidrama.port.AccessTokenPort;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The health indicator against the emulator (Spring Boot 3's health API): tokens and clock skew. */
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
    void health_reportsTheClockSkewSeenInThePlatformsDateHeader_withinOneOrTwoSeconds() {
        runner.withPropertyValues("minidrama.secret=the-right-secret").run(context -> {
            Health health = context.getBean("miniDramaHealthIndicator", HealthIndicator.class).health();
            assertEquals(Status.UP, health.getStatus(), health.toString());
            Map<?, ?> skew = (Map<?, ?>) health.getDetails().get("clockSkew");
            assertEquals("ok", skew.get("status"), health.toString());
            assertTrue(Math.abs(((Number) skew.get("seconds")).longValue()) <= 2, "same machine, same clock: " + skew);
            assertEquals("PT1M", skew.get("max"));
        });
    }

    @Test
    void health_whenOurClockIsTenMinutesAhead_isDown_withTheSkew() {
        runner.withBean(ClockSkew.class, () -> new ClockSkew(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(10))))
                .withPropertyValues("minidrama.secret=the-right-secret", "minidrama.health.max-clock-skew=30s").run(context -> {
                    Health health = context.getBean("miniDramaHealthIndicator", HealthIndicator.class).health();
                    assertEquals(Status.DOWN, health.getStatus(), health.toString());
                    assertEquals("obtainable", ((Map<?, ?>) health.getDetails().get("main")).get("token"));
                    Map<?, ?> skew = (Map<?, ?>) health.getDetails().get("clockSkew");
                    assertEquals("too large", skew.get("status"));
                    long seconds = ((Number) skew.get("seconds")).longValue();
                    assertTrue(seconds <= -598 && seconds >= -601, "the platform's clock is 10 minutes behind ours: " + skew);
                    assertEquals("PT30S", skew.get("max"));
                });
    }

    @Test
    void health_beforeAnyPlatformResponse_reportsTheSkewUnknown_andStaysUpOnTheTokens() {
        runner.withPropertyValues("minidrama.secret=the-right-secret").withBean("miniDramaAccessTokens", AccessTokenPort.class,
                HealthIndicatorTest::cachedToken).run(context -> {
                    Health health = context.getBean("miniDramaHealthIndicator", HealthIndicator.class).health();
                    assertEquals(Status.UP, health.getStatus(), health.toString());
                    assertEquals("unknown", ((Map<?, ?>) health.getDetails().get("clockSkew")).get("status"));
                    assertFalse(health.toString().contains("cached-token-value"));
                });
    }

    /** A token already in hand: no platform response is seen. */
    static AccessTokenPort cachedToken() {
        return new AccessTokenPort() {
            @Override
            public AccessToken token() {
                return new AccessToken("cached-token-value", java.time.Instant.now().plusSeconds(600));
            }

            @Override
            public void invalidate(AccessToken rejected) {
            }
        };
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
