package io.minidrama.testkit.jdkhttp;

import io.minidrama.adapter.apache.ApacheHttpTransport;
import io.minidrama.adapter.fake.InMemoryMiniDramaPlatform;
import io.minidrama.adapter.fake.MutableClock;
import io.minidrama.adapter.jdkhttp.JdkHttpMiniDramaAdapter;
import io.minidrama.protocol.MiniDramaClient;
import io.minidrama.testkit.ContractSubject;
import io.minidrama.emulator.MiniDramaEmulator;
import io.minidrama.emulator.WireProblem;
import io.minidrama.testkit.PlatformControl;

import java.time.Clock;
import java.util.List;
import java.util.function.BiFunction;

/**
 * A fresh emulator per test, the platform over one HTTP transport aimed at it, and the emulator's
 * HTTP control prefix. When the test ends the emulator must have recorded no wire problem: every
 * request sent fitted the official pages' request tables, as the emulator reads them independently.
 *
 * <p>{@link #create()} is the JDK adapter as users build it ({@link JdkHttpMiniDramaAdapter});
 * {@link #overApache()} is {@link MiniDramaClient} over an {@link ApacheHttpTransport}, as the
 * README's Apache section shows. The suites themselves are the same classes.
 */
public final class EmulatorSubjects {
    private static final String APPID = "wx-contract-appid";
    private static final String SECRET = "contract-secret";

    private EmulatorSubjects() {
    }

    /** The JDK transport's adapter ({@link JdkHttpMiniDramaAdapter}) against a fresh emulator. */
    public static <P> ContractSubject<P> create() {
        return create((emulator, clock) -> JdkHttpMiniDramaAdapter.builder()
                .baseUrl(emulator.baseUrl())
                .credentials(APPID, SECRET)
                .clock(clock)
                .build(), () -> { });
    }

    /** {@link MiniDramaClient} over Apache HttpClient 5 ({@link ApacheHttpTransport}) against a fresh emulator. */
    public static <P> ContractSubject<P> overApache() {
        ApacheHttpTransport transport = ApacheHttpTransport.builder().build();
        return create((emulator, clock) -> MiniDramaClient.builder()
                .transport(transport)
                .baseUrl(emulator.baseUrl())
                .credentials(APPID, SECRET)
                .clock(clock)
                .build(), transport::close);
    }

    private static <P> ContractSubject<P> create(BiFunction<MiniDramaEmulator, Clock, Object> platform, Runnable release) {
        MutableClock clock = MutableClock.create();
        MiniDramaEmulator emulator = MiniDramaEmulator.builder()
                .platform(InMemoryMiniDramaPlatform.builder().clock(clock).retryPolicy(io.minidrama.port.RetryPolicy.none()).build())
                .credentials(APPID, SECRET)
                .start();
        @SuppressWarnings("unchecked")
        P port = (P) platform.apply(emulator, clock);
        return ContractSubject.of(port, PlatformControl.overHttp(emulator.baseUrl()), () -> {
            release.run();
            closeClean(emulator);
        });
    }

    /** Stops the emulator; fails the test if a request was sent that the pages do not document. */
    public static void closeClean(MiniDramaEmulator emulator) {
        List<WireProblem> problems = emulator.wireProblems();
        emulator.close();
        if (!problems.isEmpty()) {
            throw new AssertionError("the HTTP adapter sent requests the official pages do not document: " + problems);
        }
    }
}
