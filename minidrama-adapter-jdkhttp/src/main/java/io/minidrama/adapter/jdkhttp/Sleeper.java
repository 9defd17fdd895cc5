package io.minidrama.adapter.jdkhttp;

import java.time.Duration;

/**
 * Waits between retries. Injectable so tests run without real waiting.
 *
 * <p>Implementations MUST be thread-safe. {@link #system()} sleeps the calling thread.
 */
@FunctionalInterface
public interface Sleeper {

    /**
     * Waits for {@code duration}.
     *
     * @throws InterruptedException if the waiting thread is interrupted; the adapter then stops
     *                              retrying and fails the call with a transport error
     */
    void sleep(Duration duration) throws InterruptedException;

    /** A sleeper that calls {@link Thread#sleep(long)}. */
    static Sleeper system() {
        return d -> Thread.sleep(d.toMillis());
    }
}
