package io.minidrama.testkit.emulator;

import io.minidrama.adapter.fake.InMemoryMiniDramaPlatform;
import io.minidrama.adapter.fake.MutableClock;
import io.minidrama.emulator.MiniDramaEmulator;
import io.minidrama.testkit.ContractSubject;
import io.minidrama.testkit.DramaPlayerControl;
import io.minidrama.testkit.DramaPlayerPortContractTest;
import io.minidrama.testkit.PlatformControl;

/**
 * The player's contract with every control call going over the emulator's HTTP control routes
 * ({@link PlatformControl#overHttp}, {@link DramaPlayerControl#overHttp}) while the port is still
 * the emulator's own fake: it proves the control half of the HTTP run on its own. The whole HTTP
 * run (the JDK adapter speaking {@code /wxadrama/*} to the emulator) is
 * {@code jdkhttp.JdkHttpDramaPlayerPortContractTest}.
 */
class EmulatorPlayerControlContractTest extends DramaPlayerPortContractTest<InMemoryMiniDramaPlatform> {
    private MiniDramaEmulator emulator;

    @Override
    protected ContractSubject<InMemoryMiniDramaPlatform> createSubject() {
        emulator = MiniDramaEmulator.builder().platform(InMemoryMiniDramaPlatform.builder().clock(MutableClock.create())
                .retryPolicy(io.minidrama.port.RetryPolicy.none()).build()).start();
        return ContractSubject.of(emulator.platform(), PlatformControl.overHttp(emulator.baseUrl()), emulator::close);
    }

    @Override
    protected DramaPlayerControl playerControl() {
        return DramaPlayerControl.overHttp(emulator.baseUrl());
    }
}
