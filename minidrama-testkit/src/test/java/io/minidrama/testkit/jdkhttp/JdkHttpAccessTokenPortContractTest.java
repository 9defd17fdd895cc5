package io.minidrama.testkit.jdkhttp;

import io.minidrama.adapter.fake.InMemoryMiniDramaPlatform;
import io.minidrama.adapter.fake.MutableClock;
import io.minidrama.adapter.jdkhttp.JdkHttpTransport;
import io.minidrama.protocol.CachingAccessTokens;
import io.minidrama.protocol.ClassicTokenSource;
import io.minidrama.testkit.AccessTokenPortContractTest;
import io.minidrama.emulator.MiniDramaEmulator;
import org.junit.jupiter.api.AfterEach;

import java.time.Duration;

/** The adapter's cached classic-token source (a new token per fetch, so a stale token is told apart from the new one) against the emulator's token endpoint. */
class JdkHttpAccessTokenPortContractTest extends AccessTokenPortContractTest {
    private MiniDramaEmulator emulator;

    @Override
    protected Subject createSubject() {
        MutableClock clock = MutableClock.create();
        emulator = MiniDramaEmulator.builder().platform(InMemoryMiniDramaPlatform.builder().clock(clock).retryPolicy(io.minidrama.port.RetryPolicy.none()).build()).start();
        ClassicTokenSource source = ClassicTokenSource.builder("wx-any", "any-secret").baseUrl(emulator.baseUrl()).transport(JdkHttpTransport.create())
                .clock(clock).build();
        return new Subject(CachingAccessTokens.of(source, clock, Duration.ofMinutes(5)), emulator::tokenFetches, clock::instant);
    }

    /** Stops the emulator; the token requests must have fitted the token endpoints' documented fields. */
    @AfterEach
    void stopEmulator() {
        EmulatorSubjects.closeClean(emulator);
    }
}
