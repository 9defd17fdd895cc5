package io.minidrama.port.upload;

import io.minidrama.domain.error.ErrorCode;
import io.minidrama.domain.error.PlatformException;
import io.minidrama.domain.error.TransportException;
import io.minidrama.domain.error.UnexpectedResponseException;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How a single part is retried: up to {@code maxAttempts} attempts, with full-jitter exponential
 * backoff between {@code baseDelay} and {@code maxDelay}, on transport errors (a part upload is
 * idempotent, R-6), system busy (-1), too frequent (10093023) and answers the SDK could not map
 * ({@link UnexpectedResponseException}: sending the part again is harmless, and only a well-formed
 * etag may be recorded; the adapter itself does not repeat a complete answer of the wrong shape).
 *
 * @param maxAttempts attempts in all, &ge; 1
 * @param baseDelay   the first backoff's upper bound
 * @param maxDelay    the largest backoff
 */
public record PartRetry(int maxAttempts, Duration baseDelay, Duration maxDelay) {
    public PartRetry {
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1");
        }
    }

    /** 4 attempts, 200 ms .. 5 s. */
    public static PartRetry defaults() {
        return new PartRetry(4, Duration.ofMillis(200), Duration.ofSeconds(5));
    }

    /** No retries: one attempt. */
    public static PartRetry none() {
        return new PartRetry(1, Duration.ZERO, Duration.ZERO);
    }

    /** Whether a part that failed with {@code failure} may be sent again. */
    public boolean retryable(RuntimeException failure) {
        if (failure instanceof TransportException || failure instanceof UnexpectedResponseException) {
            return true;
        }
        if (failure instanceof PlatformException p) {
            ErrorCode code = p.errorCode();
            return code.isRateLimited() || p.httpStatus() >= 500 && p.httpStatus() != 502;
        }
        return false;
    }

    /** The backoff before attempt {@code attempt + 1} (attempt counts from 1): full jitter. */
    public Duration backoff(int attempt) {
        long cap = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(attempt - 1, 20));
        return cap <= 0 ? Duration.ZERO : Duration.ofMillis(ThreadLocalRandom.current().nextLong(cap + 1));
    }
}
