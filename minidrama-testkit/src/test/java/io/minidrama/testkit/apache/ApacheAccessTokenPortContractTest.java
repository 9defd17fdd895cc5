package io.minidrama.testkit.apache;

import io.minidrama.adapter.apache.ApacheHttpTransport;
import io.minidrama.adapter.fake.InMemoryMiniDramaPlatform;
import io.minidrama.adapter.fake.MutableClock;
import io.minidrama.emulator.MiniDramaEmulator;
import io.minidrama.protocol.CachingAccessTokens;
import io.minidrama.protocol.ClassicTokenSource;
import io.minidrama.testkit.AccessTokenPortContractTest;
import io.minidrama.testkit.jdkhttp.EmulatorSubjects;
import org.junit.jupiter.api.AfterEach;

import java.time.Duration;

/** The cached classic-token source over Apache HttpClient 5 against the emulator's token endpoint (as the JDK transport's run). */
class ApacheAccessTokenPortContractTest extends AccessTokenPortContractTest {
    private MiniDramaEmulator emulator;
    private ApacheHttpTransport transport;

    @Override
    protected Subject createSubject() {
        MutableClock clock = MutableClock.create();
        emulator = MiniDramaEmulator.builder().platform(InMemoryMiniDramaPlatform.builder().clock(clock)
                .retryPolicy(io.minidrama.port.RetryPolicy.none()).build()).start();
        transport = ApacheHttpTransport.builder().build();
        ClassicTokenSource source = ClassicTokenSource.builder("wx-any", "any-secret").baseUrl(emulator.baseUrl()).transport(transport)
                .clock(clock).build();
        return new Subject(CachingAccessTokens.of(source, clock, Duration.ofMinutes(5)), emulator::tokenFetches, clock::instant);
    }

    /** Stops the emulator; the token requests must have fitted the token endpoints' documented fields. */
    @AfterEach
    void stopEmulator() {
        transport.close();
        EmulatorSubjects.closeClean(emulator);
    }
}
