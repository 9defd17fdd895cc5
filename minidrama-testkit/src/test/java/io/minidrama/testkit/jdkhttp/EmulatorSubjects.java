package io.minidrama.testkit.jdkhttp;

import io.minidrama.adapter.fake.InMemoryMiniDramaPlatform;
import io.minidrama.adapter.fake.MutableClock;
import io.minidrama.adapter.jdkhttp.JdkHttpMiniDramaAdapter;
import io.minidrama.testkit.ContractSubject;
import io.minidrama.emulator.MiniDramaEmulator;
import io.minidrama.testkit.PlatformControl;

/** A fresh emulator per test, the HTTP adapter aimed at it, and the emulator's HTTP control prefix. */
final class EmulatorSubjects {
    private EmulatorSubjects() {
    }

    static <P> ContractSubject<P> create() {
        MutableClock clock = MutableClock.create();
        MiniDramaEmulator emulator = MiniDramaEmulator.builder()
                .platform(InMemoryMiniDramaPlatform.builder().clock(clock).retryPolicy(io.minidrama.port.RetryPolicy.none()).build())
                .credentials("wx-contract-appid", "contract-secret")
                .start();
        JdkHttpMiniDramaAdapter adapter = JdkHttpMiniDramaAdapter.builder()
                .baseUrl(emulator.baseUrl())
                .credentials("wx-contract-appid", "contract-secret")
                .clock(clock)
                .build();
        @SuppressWarnings("unchecked")
        P port = (P) adapter;
        return ContractSubject.of(port, PlatformControl.overHttp(emulator.baseUrl()), emulator::close);
    }
}
