package io.minidrama.testkit.jdkhttp;

import io.minidrama.adapter.fake.InMemoryMiniDramaPlatform;
import io.minidrama.adapter.fake.MutableClock;
import io.minidrama.adapter.jdkhttp.JdkHttpMiniDramaAdapter;
import io.minidrama.testkit.ContractSubject;
import io.minidrama.emulator.MiniDramaEmulator;
import io.minidrama.emulator.WireProblem;
import io.minidrama.testkit.PlatformControl;

import java.util.List;

/**
 * A fresh emulator per test, the HTTP adapter aimed at it, and the emulator's HTTP control prefix.
 * When the test ends the emulator must have recorded no wire problem: every request the adapter
 * sent fitted the official pages' request tables, as the emulator reads them independently.
 */
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
        return ContractSubject.of(port, PlatformControl.overHttp(emulator.baseUrl()), () -> closeClean(emulator));
    }

    /** Stops the emulator; fails the test if the adapter sent a request the pages do not document. */
    static void closeClean(MiniDramaEmulator emulator) {
        List<WireProblem> problems = emulator.wireProblems();
        emulator.close();
        if (!problems.isEmpty()) {
            throw new AssertionError("the HTTP adapter sent requests the official pages do not document: " + problems);
        }
    }
}
