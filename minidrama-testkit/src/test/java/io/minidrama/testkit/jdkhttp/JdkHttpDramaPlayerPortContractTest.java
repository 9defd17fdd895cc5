package io.minidrama.testkit.jdkhttp;

import io.minidrama.adapter.fake.InMemoryMiniDramaPlatform;
import io.minidrama.adapter.fake.MutableClock;
import io.minidrama.adapter.jdkhttp.JdkHttpMiniDramaAdapter;
import io.minidrama.emulator.MiniDramaEmulator;
import io.minidrama.testkit.ContractSubject;
import io.minidrama.testkit.DramaPlayerControl;
import io.minidrama.testkit.DramaPlayerPortContractTest;
import io.minidrama.testkit.PlatformControl;

/**
 * The player's contract over HTTP: the JDK adapter speaking {@code /wxadrama/*} to the emulator,
 * every control call over the emulator's control routes. When a test ends the emulator must have
 * recorded no wire problem: every request fitted the player pages' request tables.
 */
class JdkHttpDramaPlayerPortContractTest extends DramaPlayerPortContractTest<JdkHttpMiniDramaAdapter> {
    private MiniDramaEmulator emulator;

    @Override
    protected ContractSubject<JdkHttpMiniDramaAdapter> createSubject() {
        MutableClock clock = MutableClock.create();
        emulator = MiniDramaEmulator.builder()
                .platform(InMemoryMiniDramaPlatform.builder().clock(clock).retryPolicy(io.minidrama.port.RetryPolicy.none()).build())
                .credentials("wx-contract-appid", "contract-secret")
                .start();
        JdkHttpMiniDramaAdapter adapter = JdkHttpMiniDramaAdapter.builder()
                .baseUrl(emulator.baseUrl())
                .credentials("wx-contract-appid", "contract-secret")
                .clock(clock)
                .build();
        MiniDramaEmulator started = emulator;
        return ContractSubject.of(adapter, PlatformControl.overHttp(emulator.baseUrl()), () -> EmulatorSubjects.closeClean(started));
    }

    @Override
    protected DramaPlayerControl playerControl() {
        return DramaPlayerControl.overHttp(emulator.baseUrl());
    }
}
