package io.minidrama.port;

import java.time.Duration;
import java.util.concurrent.CancellationException;

/** Waits between retries; tests inject one that does not sleep. */
@FunctionalInterface
public interface Sleeper {

    /** Sleeps with {@link Thread#sleep}; an interrupt ends the wait with a {@link CancellationException}. */
    Sleeper SYSTEM = d -> {
        if (!d.isZero() && !d.isNegative()) {
            try {
                Thread.sleep(d.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                CancellationException c = new CancellationException("interrupted while waiting to retry");
                c.initCause(e);
                throw c;
            }
        }
    };

    /**
     * Waits {@code duration}.
     *
     * @throws CancellationException if the wait was interrupted (the interrupt flag is restored)
     */
    void sleep(Duration duration);
}
