package io.minidrama.port;

import io.minidrama.domain.error.ErrorCode;
import io.minidrama.domain.error.PlatformException;
import io.minidrama.domain.error.TransportException;
import io.minidrama.domain.error.UnexpectedResponseException;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The one decision of whether, and after how long, a failed call of the platform is tried again:
 * {@link #delayBeforeRetry}. {@link RetryingMiniDramaPlatform} applies it over any
 * {@link MiniDramaPlatform} (the HTTP adapter and the in-memory fake alike); nothing else in the
 * SDK retries a platform call.
 *
 * <p><b>Which failures.</b>
 * <ul>
 *   <li>A connection that was never established ({@link TransportException} with
 *       {@code ambiguous() == false}): retried for every operation.</li>
 *   <li>An ambiguous failure, where the platform may have acted although no usable answer arrived
 *       ({@link TransportException} with {@code ambiguous() == true}, which includes
 *       {@link io.minidrama.domain.error.DeadlineExceededException}, and an
 *       {@link UnexpectedResponseException} of kind {@code UNREADABLE} that is ambiguous: a 5xx or
 *       2xx answer that was empty, cut off, HTML or malformed): retried only when
 *       {@link PlatformOperation#repeatSafe() the operation is safe to repeat} or
 *       {@link #retryAmbiguous()} is set.</li>
 *   <li>Errcodes -1 (system busy) and 10093023 (too frequent): the platform refused, so retried
 *       for every operation on the ordinary schedule.</li>
 *   <li>Errcode -2 (first-time initialization still running): retried for every operation on the
 *       long {@linkplain #initializingBaseDelay() initializing schedule}.</li>
 *   <li>Never: an answer of kind {@code UNMAPPABLE} (complete JSON of the wrong shape: asking again
 *       gets the same answer), an unreadable answer with a 4xx status, every other errcode
 *       (including token errors 40001/40014/42001, which the adapter handles itself by refreshing
 *       the token once, and {@link io.minidrama.domain.error.FileTooLargeException}),
 *       {@link io.minidrama.domain.error.InvalidRequestException} and any other exception.</li>
 * </ul>
 *
 * <p><b>How often and how long.</b> One call is sent at most {@link #maxAttempts()} times in all,
 * whatever mix of failures it meets. Before retry {@code n} (1 for the first retry) the wait is
 * {@code jitter × min(maxDelay, baseDelay × 2^(n-1))} ("full jitter"), or the same with the
 * initializing delays after an errcode -2. No retry is started, and no wait begins, whose wait
 * would end past {@link #deadline()} counted from the start of the first attempt; so the worst
 * case for one call is the deadline plus the duration of one attempt (the adapter's call timeout).
 * With {@link #defaults()}: at most 4 attempts, waits of at most 0.2, 0.4 and 0.8 s (30, 60 and
 * 120 s after -2), within 5 minutes plus one attempt.
 *
 * <p>Immutable and thread-safe; {@code null} arguments are refused with a
 * {@link NullPointerException}.
 */
public final class RetryPolicy {

    private static final RetryPolicy DEFAULTS = builder().build();
    private static final RetryPolicy NONE = builder().maxAttempts(1).build();

    private final int maxAttempts;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final Duration initializingBaseDelay;
    private final Duration initializingMaxDelay;
    private final boolean retryAmbiguous;
    private final Duration deadline;

    private RetryPolicy(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.baseDelay = b.baseDelay;
        this.maxDelay = b.maxDelay;
        this.initializingBaseDelay = b.initializingBaseDelay;
        this.initializingMaxDelay = b.initializingMaxDelay;
        this.retryAmbiguous = b.retryAmbiguous;
        this.deadline = b.deadline;
    }

    /**
     * The defaults: 4 attempts; ordinary waits from 200 ms doubling up to 5 s; after errcode -2
     * from 30 s doubling up to 2 min; no repeat of an operation that is not repeat-safe after an
     * ambiguous failure; a deadline of 5 minutes.
     */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /** A policy that never retries: one attempt. */
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
        b.initializingBaseDelay = initializingBaseDelay;
        b.initializingMaxDelay = initializingMaxDelay;
        b.retryAmbiguous = retryAmbiguous;
        b.deadline = deadline;
        return b;
    }

    /** This policy with another {@link #maxAttempts()}. */
    public RetryPolicy withMaxAttempts(int maxAttempts) {
        return toBuilder().maxAttempts(maxAttempts).build();
    }

    /** This policy with another {@link #retryAmbiguous()}. */
    public RetryPolicy withRetryAmbiguous(boolean retryAmbiguous) {
        return toBuilder().retryAmbiguous(retryAmbiguous).build();
    }

    /** This policy with another {@link #deadline()}. */
    public RetryPolicy withDeadline(Duration deadline) {
        return toBuilder().deadline(deadline).build();
    }

    /** Attempts in all for one call, the first one included (1 = never retry). */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** The wait cap before the first ordinary retry; doubled for each further retry. */
    public Duration baseDelay() {
        return baseDelay;
    }

    /** The largest ordinary wait cap. */
    public Duration maxDelay() {
        return maxDelay;
    }

    /** The wait cap before the first retry after errcode -2; doubled for each further retry. */
    public Duration initializingBaseDelay() {
        return initializingBaseDelay;
    }

    /** The largest wait cap after errcode -2. */
    public Duration initializingMaxDelay() {
        return initializingMaxDelay;
    }

    /**
     * Whether operations that are not {@linkplain PlatformOperation#repeatSafe() safe to repeat}
     * (those that create something or whose repeat hides the first outcome) are retried after an
     * ambiguous failure too, at the risk of acting twice (default false).
     */
    public boolean retryAmbiguous() {
        return retryAmbiguous;
    }

    /**
     * The time from the start of a call's first attempt after which no retry begins; an attempt
     * already running is not cut short, so one call may last up to the deadline plus one attempt.
     */
    public Duration deadline() {
        return deadline;
    }

    /**
     * Whether, and after how long, a call of {@code op} that failed with {@code failure} is tried
     * again: the one retry decision of the SDK (see the class description).
     *
     * @param op             the operation that failed
     * @param failure        what the last attempt threw
     * @param failedAttempts the attempts of this call made so far, all failed, &ge; 1
     * @param elapsed        the time since the first attempt started, &ge; 0
     * @param jitter         a uniformly random number in {@code [0, 1)} that scales the wait
     * @return the wait before the next attempt, or empty when the failure is final
     * @throws IllegalArgumentException when {@code failedAttempts}, {@code elapsed} or
     *                                  {@code jitter} is out of range
     */
    public Optional<Duration> delayBeforeRetry(PlatformOperation op, RuntimeException failure, int failedAttempts,
                                               Duration elapsed, double jitter) {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(elapsed, "elapsed");
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("failedAttempts must be >= 1, got " + failedAttempts);
        }
        if (elapsed.isNegative()) {
            throw new IllegalArgumentException("elapsed must not be negative, got " + elapsed);
        }
        if (!(jitter >= 0 && jitter < 1)) {
            throw new IllegalArgumentException("jitter must lie in [0, 1), got " + jitter);
        }
        if (failedAttempts >= maxAttempts) {
            return Optional.empty();
        }
        Schedule schedule = schedule(op, failure);
        if (schedule == Schedule.NEVER) {
            return Optional.empty();
        }
        Duration cap = schedule == Schedule.INITIALIZING
                ? cap(initializingBaseDelay, initializingMaxDelay, failedAttempts)
                : cap(baseDelay, maxDelay, failedAttempts);
        Duration delay = Duration.ofNanos((long) (cap.toNanos() * jitter));
        if (elapsed.plus(delay).compareTo(deadline) > 0) {
            return Optional.empty();
        }
        return Optional.of(delay);
    }

    private enum Schedule { NEVER, ORDINARY, INITIALIZING }

    private Schedule schedule(PlatformOperation op, RuntimeException failure) {
        if (failure instanceof TransportException t) {
            return !t.ambiguous() || op.repeatSafe() || retryAmbiguous ? Schedule.ORDINARY : Schedule.NEVER;
        }
        if (failure instanceof UnexpectedResponseException u) {
            boolean mayDiffer = u.kind() == UnexpectedResponseException.Kind.UNREADABLE && u.ambiguous();
            return mayDiffer && (op.repeatSafe() || retryAmbiguous) ? Schedule.ORDINARY : Schedule.NEVER;
        }
        if (failure instanceof PlatformException p) {
            if (p.errorCode() == ErrorCode.INITIALIZING) {
                return Schedule.INITIALIZING;
            }
            return p.errorCode().isRateLimited() ? Schedule.ORDINARY : Schedule.NEVER;
        }
        return Schedule.NEVER;
    }

    private static Duration cap(Duration base, Duration max, int retry) {
        int shift = Math.min(retry - 1, 30);
        long nanos;
        try {
            nanos = Math.multiplyExact(base.toNanos(), 1L << shift);
        } catch (ArithmeticException overflow) {
            nanos = Long.MAX_VALUE;
        }
        return Duration.ofNanos(Math.min(nanos, max.toNanos()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RetryPolicy p && maxAttempts == p.maxAttempts && retryAmbiguous == p.retryAmbiguous
                && baseDelay.equals(p.baseDelay) && maxDelay.equals(p.maxDelay)
                && initializingBaseDelay.equals(p.initializingBaseDelay) && initializingMaxDelay.equals(p.initializingMaxDelay)
                && deadline.equals(p.deadline);
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxAttempts, baseDelay, maxDelay, initializingBaseDelay, initializingMaxDelay, retryAmbiguous, deadline);
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", baseDelay=" + baseDelay + ", maxDelay=" + maxDelay
                + ", initializingBaseDelay=" + initializingBaseDelay + ", initializingMaxDelay=" + initializingMaxDelay
                + ", retryAmbiguous=" + retryAmbiguous + ", deadline=" + deadline + "]";
    }

    /**
     * Builder of {@link RetryPolicy}, starting from the {@linkplain #defaults() defaults}. Not
     * thread-safe. A {@code null} argument throws {@link NullPointerException} at once, a value out
     * of range {@link IllegalArgumentException}.
     */
    public static final class Builder {
        private int maxAttempts = 4;
        private Duration baseDelay = Duration.ofMillis(200);
        private Duration maxDelay = Duration.ofSeconds(5);
        private Duration initializingBaseDelay = Duration.ofSeconds(30);
        private Duration initializingMaxDelay = Duration.ofMinutes(2);
        private boolean retryAmbiguous;
        private Duration deadline = Duration.ofMinutes(5);

        private Builder() {
        }

        /** Attempts in all for one call, &ge; 1 (1 = never retry). */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be >= 1, got " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** The wait cap before the first ordinary retry, &ge; 0. */
        public Builder baseDelay(Duration baseDelay) {
            this.baseDelay = nonNegative(baseDelay, "baseDelay");
            return this;
        }

        /** The largest ordinary wait cap, &ge; 0 and &ge; the base delay. */
        public Builder maxDelay(Duration maxDelay) {
            this.maxDelay = nonNegative(maxDelay, "maxDelay");
            return this;
        }

        /** The wait cap before the first retry after errcode -2, &ge; 0. */
        public Builder initializingBaseDelay(Duration delay) {
            this.initializingBaseDelay = nonNegative(delay, "initializingBaseDelay");
            return this;
        }

        /** The largest wait cap after errcode -2, &ge; 0 and &ge; its base delay. */
        public Builder initializingMaxDelay(Duration delay) {
            this.initializingMaxDelay = nonNegative(delay, "initializingMaxDelay");
            return this;
        }

        /** See {@link RetryPolicy#retryAmbiguous()}. */
        public Builder retryAmbiguous(boolean retryAmbiguous) {
            this.retryAmbiguous = retryAmbiguous;
            return this;
        }

        /** See {@link RetryPolicy#deadline()}; positive. */
        public Builder deadline(Duration deadline) {
            Objects.requireNonNull(deadline, "deadline");
            if (deadline.isNegative() || deadline.isZero()) {
                throw new IllegalArgumentException("deadline must be positive, got " + deadline);
            }
            this.deadline = deadline;
            return this;
        }

        /**
         * Builds the policy.
         *
         * @throws IllegalArgumentException when a max delay is below its base delay
         */
        public RetryPolicy build() {
            if (maxDelay.compareTo(baseDelay) < 0) {
                throw new IllegalArgumentException("maxDelay " + maxDelay + " is below baseDelay " + baseDelay);
            }
            if (initializingMaxDelay.compareTo(initializingBaseDelay) < 0) {
                throw new IllegalArgumentException("initializingMaxDelay " + initializingMaxDelay
                        + " is below initializingBaseDelay " + initializingBaseDelay);
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
