package io.minidrama.port;

import java.time.Duration;

/**
 * Learns of each retry that {@link RetryingMiniDramaPlatform} decides, before it waits: for
 * metrics and traces (the {@code minidrama-micrometer} module counts them).
 *
 * <p>Contract: called on the calling thread, once per retry (never for the first attempt nor for
 * the final failure); implementations MUST be quick and SHOULD NOT throw (an exception thrown is
 * logged at DEBUG and ignored: the retry goes ahead). The failure is passed for its type and
 * errcode; a listener MUST NOT record its message or any argument of the call.
 */
@FunctionalInterface
public interface RetryListener {

    /** A listener that ignores every retry. */
    RetryListener NONE = (op, failedAttempt, failure, wait) -> { };

    /**
     * A retry of {@code op} is about to wait {@code wait}.
     *
     * @param op            the operation retried
     * @param failedAttempt the number of the attempt that just failed (1 for the first)
     * @param failure       what that attempt threw
     * @param wait          how long the decorator waits before the next attempt
     */
    void onRetry(PlatformOperation op, int failedAttempt, RuntimeException failure, Duration wait);
}
