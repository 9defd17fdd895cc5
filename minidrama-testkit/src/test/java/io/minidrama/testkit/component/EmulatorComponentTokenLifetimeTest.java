package io.minidrama.testkit.component;

import io.minidrama.adapter.jdkhttp.JdkHttpTransport;
import io.minidrama.emulator.MiniDramaEmulator;
import io.minidrama.port.AccessToken;
import io.minidrama.port.component.AuthorizerToken;
import io.minidrama.protocol.component.HttpComponentPort;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@code MiniDramaEmulator.Builder#componentTokenLifetime}: the {@code expires_in} the component API answers. */
class EmulatorComponentTokenLifetimeTest {
    @Test
    void componentAndAuthorizerTokens_liveTheConfiguredLifetime_onTheWire() {
        try (JdkHttpTransport transport = JdkHttpTransport.create();
             MiniDramaEmulator emulator = MiniDramaEmulator.builder().component("wxcomponent", "secret")
                     .componentTokenLifetime(Duration.ofMinutes(10)).start()) {
            HttpComponentPort port = HttpComponentPort.builder().transport(transport).baseUrl(emulator.baseUrl())
                    .clock(emulator.clock()).build();
            Instant now = emulator.clock().instant();
            emulator.component().authorize("wxauthorizer01", Set.of(153));

            AccessToken component = port.componentToken("wxcomponent", "secret", emulator.component().issueTicket());
            AuthorizerToken authorizer = port.authorizerToken("wxcomponent", component.value(), "wxauthorizer01",
                    emulator.component().currentRefreshToken("wxauthorizer01").orElseThrow());

            assertEquals(now.plus(Duration.ofMinutes(10)), component.expiresAt());
            assertEquals(now.plus(Duration.ofMinutes(10)), authorizer.accessToken().expiresAt());
            assertEquals(List.of(), emulator.wireProblems());
        }
    }

    @Test
    void componentTokenLifetime_notPositive_isRefused() {
        MiniDramaEmulator.Builder b = MiniDramaEmulator.builder().component("wxcomponent", "secret");
        assertThrows(IllegalArgumentException.class, () -> b.componentTokenLifetime(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> b.componentTokenLifetime(Duration.ofSeconds(-1)));
    }
}
