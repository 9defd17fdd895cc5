package io.minidrama.spring.boot;

import io.minidrama.emulator.MiniDramaEmulator;
import io.minidrama.port.AccessToken;
import io.minidrama.port.AccessTokenPort;
import io.minidrama.protocol.component.ComponentTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The health indicator against the emulator (Spring Boot 3's health API): tokens and clock skew. */
class HealthIndicatorTest {

    private static final String COMPONENT = "wxcomponenthealth";
    private static final String COMPONENT_SECRET = "component-secret-health-0001";
    private static final MiniDramaEmulator EMULATOR = MiniDramaEmulator.builder().credentials("wx0123456789abcdef", "the-right-secret")
            .component(COMPONENT, COMPONENT_SECRET).start();

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

    @Test
    void health_withAThirdPartyPlatform_reportsTheTicketsAge_andIsUpOnlyWhileAComponentTokenIsObtainable() {
        runner.withConfiguration(AutoConfigurations.of(MiniDramaComponentAutoConfiguration.class))
                .withPropertyValues("minidrama.secret=the-right-secret", "minidrama.component.appid=" + COMPONENT,
                        "minidrama.component.secret=" + COMPONENT_SECRET).run(context -> {
                    HealthIndicator indicator = context.getBean("miniDramaHealthIndicator", HealthIndicator.class);
                    Health noTicket = indicator.health();
                    assertEquals(Status.DOWN, noTicket.getStatus(), noTicket.toString());
                    Map<?, ?> component = (Map<?, ?>) noTicket.getDetails().get("component");
                    assertEquals(COMPONENT, component.get("appid"));
                    assertEquals("missing", ((Map<?, ?>) component.get("ticket")).get("status"));
                    assertEquals("unobtainable", component.get("token"));
                    assertEquals("obtainable", ((Map<?, ?>) noTicket.getDetails().get("main")).get("token"), "the mini program is fine");

                    String ticket = EMULATOR.component().issueTicket();
                    context.getBean(ComponentTokens.class).acceptTicket(ticket, Instant.now().minus(Duration.ofHours(1)));
                    Health up = indicator.health();
                    assertEquals(Status.UP, up.getStatus(), up.toString());
                    component = (Map<?, ?>) up.getDetails().get("component");
                    Map<?, ?> ticketState = (Map<?, ?>) component.get("ticket");
                    assertEquals("ok", ticketState.get("status"));
                    assertTrue(ticketState.get("age").toString().startsWith("PT1H"), ticketState.toString());
                    assertEquals("PT12H", ticketState.get("max"));
                    assertEquals("obtainable", component.get("token"));
                    assertNoComponentSecretIn(noTicket.toString() + up, ticket);
                });
    }

    @Test
    void health_withATicketOver12HoursOld_andNoComponentTokenHeld_isDown_sayingTheTicketExpired() {
        runner.withConfiguration(AutoConfigurations.of(MiniDramaComponentAutoConfiguration.class))
                .withPropertyValues("minidrama.secret=the-right-secret", "minidrama.component.appid=" + COMPONENT,
                        "minidrama.component.secret=" + COMPONENT_SECRET).run(context -> {
                    String ticket = EMULATOR.component().issueTicket();
                    context.getBean(ComponentTokens.class).acceptTicket(ticket, Instant.now().minus(Duration.ofHours(13)));
                    Health health = context.getBean("miniDramaHealthIndicator", HealthIndicator.class).health();
                    assertEquals(Status.DOWN, health.getStatus(), health.toString());
                    Map<?, ?> component = (Map<?, ?>) health.getDetails().get("component");
                    assertEquals("expired", ((Map<?, ?>) component.get("ticket")).get("status"));
                    assertEquals("unobtainable", component.get("token"));
                    assertTrue(component.get("error").toString().startsWith("ComponentAuthorizationException"), component.toString());
                    assertNoComponentSecretIn(health.toString(), ticket);
                });
    }

    private static void assertNoComponentSecretIn(String text, String ticket) {
        assertFalse(text.contains(COMPONENT_SECRET), "the component secret");
        assertFalse(text.contains(ticket), "the ticket");
        EMULATOR.component().issuedSecrets().forEach(secret -> assertFalse(text.contains(secret), "an issued secret"));
    }
}
