package io.minidrama.testkit.apache;

import io.minidrama.adapter.apache.ApacheHttpTransport;
import io.minidrama.adapter.fake.InMemoryMiniDramaPlatform;
import io.minidrama.adapter.fake.MutableClock;
import io.minidrama.emulator.MiniDramaEmulator;
import io.minidrama.port.RetryPolicy;
import io.minidrama.protocol.MiniDramaClient;
import io.minidrama.testkit.ContractSubject;
import io.minidrama.testkit.DramaPlayerControl;
import io.minidrama.testkit.DramaPlayerPortContractTest;
import io.minidrama.testkit.PlatformControl;
import io.minidrama.testkit.jdkhttp.EmulatorSubjects;

/**
 * The player's contract over Apache HttpClient 5: {@link MiniDramaClient} over
 * {@link ApacheHttpTransport} speaking {@code /wxadrama/*} to the emulator; when a test ends the
 * emulator must have recorded no wire problem.
 */
class ApacheDramaPlayerPortContractTest extends DramaPlayerPortContractTest<MiniDramaClient> {
    private MiniDramaEmulator emulator;

    @Override
    protected ContractSubject<MiniDramaClient> createSubject() {
        MutableClock clock = MutableClock.create();
        emulator = MiniDramaEmulator.builder()
                .platform(InMemoryMiniDramaPlatform.builder().clock(clock).retryPolicy(RetryPolicy.none()).build())
                .credentials("wx-contract-appid", "contract-secret")
                .start();
        ApacheHttpTransport transport = ApacheHttpTransport.builder().build();
        MiniDramaClient client = MiniDramaClient.builder()
                .transport(transport)
                .baseUrl(emulator.baseUrl())
                .credentials("wx-contract-appid", "contract-secret")
                .clock(clock)
                .build();
        MiniDramaEmulator started = emulator;
        return ContractSubject.of(client, PlatformControl.overHttp(emulator.baseUrl()), () -> {
            transport.close();
            EmulatorSubjects.closeClean(started);
        });
    }

    @Override
    protected DramaPlayerControl playerControl() {
        return DramaPlayerControl.overHttp(emulator.baseUrl());
    }
}
