package io.minidrama.protocol;

import io.minidrama.domain.error.ErrorCode;
import io.minidrama.domain.error.FileTooLargeException;
import io.minidrama.domain.error.MiniDramaException;
import io.minidrama.domain.error.PlatformException;
import io.minidrama.domain.error.TransportException;
import io.minidrama.domain.error.UnexpectedResponseException;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * When and how often a failed call is tried again: at most {@link #maxAttempts()} attempts in
 * all, waiting before retry {@code n} a random duration in {@code [0, min(maxDelay, baseDelay ×
 * 2^(n-1))]} ("full jitter"), for failures the {@link #retryOn() predicate} accepts.
 *
 * <p>Immutable and thread-safe. The adapter applies two policies: {@link #defaults()} for
 * transport errors, unreadable or 5xx responses and errcodes -1 / 10093023, and {@link #initializing()} for
 * errcode -2 (first-time initialisation, which takes minutes). Whatever the policy says, a call
 * that creates something is not retried after an ambiguous failure unless the adapter was built
 * with {@code retryAmbiguousCreates(true)}; token errors (40001, 40014, 42001) are handled apart
 * (refresh, then one retry) and do not count here.
 */
public final class RetryPolicy {

    /**
     * The default predicate: transport errors (connection failures, timeouts), responses that
     * {@link UnexpectedResponseException#retryable() may differ when asked again} (an HTML page, an
     * empty, cut-off or malformed body, 5xx without an errcode), errcodes -1 and 10093023, and any
     * platform error answered with HTTP 5xx. Never {@link FileTooLargeException}, never 4xx
     * responses, never complete JSON that does not fit the operation (asking again would get the
     * same answer).
     */
    public static final Predicate<MiniDramaException> TRANSIENT = RetryPolicy::isTransient;

    /** Predicate for errcode -2: the platform is still initialising the account's media store. */
    public static final Predicate<MiniDramaException> INITIALIZING = e ->
            e instanceof PlatformException p && p.errorCode() == ErrorCode.INITIALIZING;

    private static final RetryPolicy DEFAULTS = builder().build();
    private static final RetryPolicy INITIALIZING_DEFAULTS = builder()
            .maxAttempts(4).baseDelay(Duration.ofSeconds(30)).maxDelay(Duration.ofMinutes(2)).retryOn(INITIALIZING).build();
    private static final RetryPolicy NONE = builder().maxAttempts(1).build();

    private final int maxAttempts;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final Predicate<MiniDramaException> retryOn;

    private RetryPolicy(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.baseDelay = b.baseDelay;
        this.maxDelay = b.maxDelay;
        this.retryOn = b.retryOn;
    }

    /**
     * The default for ordinary failures: 4 attempts, base delay 200 ms, max delay 5 s, predicate
     * {@link #TRANSIENT}.
     */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /**
     * The default long schedule for errcode -2: 4 attempts, base delay 30 s, max delay 2 min,
     * predicate {@link #INITIALIZING}.
     */
    public static RetryPolicy initializing() {
        return INITIALIZING_DEFAULTS;
    }

    /** A policy that never retries (one attempt). */
    public static RetryPolicy none() {
        return NONE;
    }

    /** A builder starting from {@link #defaults()}' values. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this policy's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.maxAttempts = maxAttempts;
        b.baseDelay = baseDelay;
        b.maxDelay = maxDelay;
        b.retryOn = retryOn;
        return b;
    }

    /** Attempts in all, the first one included (1 = never retry). */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** The delay cap of the first retry; doubled for each further retry. */
    public Duration baseDelay() {
        return baseDelay;
    }

    /** The largest delay cap. */
    public Duration maxDelay() {
        return maxDelay;
    }

    /** Which failures this policy retries. */
    public Predicate<MiniDramaException> retryOn() {
        return retryOn;
    }

    /** Whether this policy retries {@code failure} at all. */
    public boolean retries(MiniDramaException failure) {
        return maxAttempts > 1 && retryOn.test(Objects.requireNonNull(failure, "failure"));
    }

    /**
     * Whether another attempt is allowed after {@code failedAttempts} attempts failed.
     *
     * @param failedAttempts attempts made so far under this policy, &ge; 1
     */
    public boolean allowsAnotherAttempt(int failedAttempts) {
        return failedAttempts < maxAttempts;
    }

    /**
     * The wait before retry {@code retry} (1 for the first retry) with full jitter.
     *
     * @param retry   1-based retry number
     * @param random01 a uniformly random number in {@code [0, 1)}
     */
    public Duration delayBefore(int retry, double random01) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry is 1-based, got " + retry);
        }
        if (!(random01 >= 0 && random01 < 1)) {
            throw new IllegalArgumentException("random01 must lie in [0, 1), got " + random01);
        }
        return Duration.ofNanos((long) (cap(retry).toNanos() * random01));
    }

    /** The upper bound of the wait before retry {@code retry}: {@code min(maxDelay, base × 2^(retry-1))}. */
    public Duration cap(int retry) {
        int shift = Math.min(retry - 1, 30);
        long nanos;
        try {
            nanos = Math.multiplyExact(baseDelay.toNanos(), 1L << shift);
        } catch (ArithmeticException overflow) {
            nanos = Long.MAX_VALUE;
        }
        return Duration.ofNanos(Math.min(nanos, maxDelay.toNanos()));
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", baseDelay=" + baseDelay + ", maxDelay=" + maxDelay + "]";
    }

    private static boolean isTransient(MiniDramaException e) {
        if (e instanceof FileTooLargeException) {
            return false;
        }
        if (e instanceof PlatformException p) {
            return p.errorCode().isRateLimited() || p.httpStatus() >= 500;
        }
        if (e instanceof UnexpectedResponseException u) {
            return u.retryable();
        }
        return e instanceof TransportException;
    }

    /**
     * Builder of {@link RetryPolicy}. Not thread-safe.
     *
     * <p>Configuration, not request data: a {@code null} argument to a setter throws
     * {@link NullPointerException} at once (a programming error; request builders such as
     * {@code FirstSubmission.Builder} report a {@code null} at {@code build()} instead).
     */
    public static final class Builder {
        private int maxAttempts = 4;
        private Duration baseDelay = Duration.ofMillis(200);
        private Duration maxDelay = Duration.ofSeconds(5);
        private Predicate<MiniDramaException> retryOn = TRANSIENT;

        private Builder() {
        }

        /** Attempts in all, &ge; 1 (1 = never retry). */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be >= 1, got " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** The delay cap of the first retry, &ge; 0. */
        public Builder baseDelay(Duration baseDelay) {
            this.baseDelay = nonNegative(baseDelay, "baseDelay");
            return this;
        }

        /** The largest delay cap, &ge; 0. */
        public Builder maxDelay(Duration maxDelay) {
            this.maxDelay = nonNegative(maxDelay, "maxDelay");
            return this;
        }

        /** Which failures to retry (default {@link #TRANSIENT}). */
        public Builder retryOn(Predicate<MiniDramaException> retryOn) {
            this.retryOn = Objects.requireNonNull(retryOn, "retryOn");
            return this;
        }

        /**
         * Builds the policy.
         *
         * @throws IllegalArgumentException when the max delay is below the base delay
         */
        public RetryPolicy build() {
            if (maxDelay.compareTo(baseDelay) < 0) {
                throw new IllegalArgumentException("maxDelay " + maxDelay + " is below baseDelay " + baseDelay);
            }
            return new RetryPolicy(this);
        }

        private static Duration nonNegative(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative, got " + d);
            }
            return d;
        }
    }
}
