package io.minidrama.adapter.fake;

import io.minidrama.domain.error.PlatformException;
import io.minidrama.port.AccessToken;
import io.minidrama.port.component.AuthorizerToken;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@link InMemoryComponentPlatform#tokenLifetime}: the lifetime of component and authorizer tokens. */
class InMemoryComponentPlatformLifetimeTest {
    private static final Instant T0 = Instant.parse("2026-11-30T06:00:00Z");

    @Test
    void byDefault_tokensLiveTwoHours() {
        MutableClock clock = MutableClock.at(T0);
        InMemoryComponentPlatform p = InMemoryComponentPlatform.builder("wxcomponent", "secret").clock(clock).build();

        AccessToken component = p.componentToken("wxcomponent", "secret", p.issueTicket());

        assertEquals(T0.plus(Duration.ofHours(2)), component.expiresAt());
    }

    @Test
    void aShorterLifetime_appliesToComponentAndAuthorizerTokens_whichExpireWithIt() {
        MutableClock clock = MutableClock.at(T0);
        InMemoryComponentPlatform p = InMemoryComponentPlatform.builder("wxcomponent", "secret").clock(clock).build();
        p.tokenLifetime(Duration.ofMinutes(10));
        p.authorize("wxauthorizer01", Set.of(153, 157));

        AccessToken component = p.componentToken("wxcomponent", "secret", p.issueTicket());
        AuthorizerToken authorizer = p.authorizerToken("wxcomponent", component.value(), "wxauthorizer01",
                p.currentRefreshToken("wxauthorizer01").orElseThrow());

        assertEquals(T0.plus(Duration.ofMinutes(10)), component.expiresAt());
        assertEquals(T0.plus(Duration.ofMinutes(10)), authorizer.accessToken().expiresAt());
        assertEquals("wxauthorizer01", p.checkAuthorizerToken(authorizer.accessToken().value(), 157));
        clock.advance(Duration.ofMinutes(10));
        assertEquals(42001, assertThrows(PlatformException.class,
                () -> p.checkAuthorizerToken(authorizer.accessToken().value(), 157)).rawErrcode());
        assertEquals(42001, assertThrows(PlatformException.class,
                () -> p.createPreAuthCode("wxcomponent", component.value())).rawErrcode());
    }
}
