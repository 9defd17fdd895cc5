package io.minidrama.port;

import io.minidrama.domain.error.PlatformException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * A {@link MiniDramaPlatform} that retries failed calls of its delegate as a {@link RetryPolicy}
 * decides: the one place where platform calls are retried, over any adapter.
 *
 * <pre>{@code
 * MiniDramaPlatform platform = RetryingMiniDramaPlatform.wrap(adapter, RetryPolicy.defaults(), Sleeper.SYSTEM);
 * }</pre>
 *
 * <p>Contract:
 * <ul>
 *   <li>Every operation is run through {@link #intercept}: on a failure, the policy's
 *       {@link RetryPolicy#delayBeforeRetry} decides; the decorator waits through the
 *       {@link Sleeper} and calls the delegate again, at most {@link RetryPolicy#maxAttempts()}
 *       times in all.</li>
 *   <li>The final failure is thrown unchanged, carrying the earlier failures of the same call as
 *       {@linkplain Throwable#getSuppressed() suppressed} exceptions, oldest first.</li>
 *   <li>A wait that is interrupted (the sleeper throws {@link CancellationException}) stops the
 *       call: the last failure is thrown, with the earlier failures and then the cancellation as its
 *       suppressed exceptions;
 *       the thread's interrupt flag stays as the sleeper left it.</li>
 *   <li>Each retry is logged at DEBUG through {@link System.Logger} (operation, attempt,
 *       failure type and errcode, wait); never a message, argument or secret. A
 *       {@linkplain #withListener(RetryListener) listener} learns of each retry too.</li>
 *   <li>Thread-safe if the delegate is; no state is shared between calls.</li>
 * </ul>
 */
public final class RetryingMiniDramaPlatform extends ForwardingMiniDramaPlatform {

    private static final System.Logger LOG = System.getLogger(RetryingMiniDramaPlatform.class.getName());

    private final MiniDramaPlatform delegate;
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final Clock clock;
    private final DoubleSupplier jitter;
    private final RetryListener listener;

    private RetryingMiniDramaPlatform(MiniDramaPlatform delegate, RetryPolicy policy, Sleeper sleeper, Clock clock,
                                      DoubleSupplier jitter) {
        this(delegate, policy, sleeper, clock, jitter, RetryListener.NONE);
    }

    private RetryingMiniDramaPlatform(MiniDramaPlatform delegate, RetryPolicy policy, Sleeper sleeper, Clock clock,
                                      DoubleSupplier jitter, RetryListener listener) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.jitter = Objects.requireNonNull(jitter, "jitter");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Wraps {@code delegate}: the deadline is measured by the system clock, the jitter is random.
     *
     * @param delegate the platform whose calls are retried
     * @param policy   when and how often to retry
     * @param sleeper  how to wait between attempts ({@link Sleeper#SYSTEM} in production)
     */
    public static RetryingMiniDramaPlatform wrap(MiniDramaPlatform delegate, RetryPolicy policy, Sleeper sleeper) {
        return new RetryingMiniDramaPlatform(delegate, policy, sleeper, Clock.systemUTC(),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    /**
     * Wraps {@code delegate} with a chosen clock and jitter source (tests, and fakes whose sleeper
     * moves their own clock).
     *
     * @param delegate the platform whose calls are retried
     * @param policy   when and how often to retry
     * @param sleeper  how to wait between attempts
     * @param clock    measures the time since a call's first attempt against the policy's deadline
     * @param jitter   supplies numbers in {@code [0, 1)} that scale each wait
     */
    public static RetryingMiniDramaPlatform wrap(MiniDramaPlatform delegate, RetryPolicy policy, Sleeper sleeper, Clock clock,
                                                 DoubleSupplier jitter) {
        return new RetryingMiniDramaPlatform(delegate, policy, sleeper, clock, jitter);
    }

    /** The policy this decorator applies. */
    public RetryPolicy policy() {
        return policy;
    }

    /**
     * A decorator like this one that also tells {@code listener} of each retry before it waits
     * (metrics, traces); replaces any listener given before.
     *
     * @param listener called once per retry, on the calling thread
     * @return a new decorator over the same delegate, policy, sleeper, clock and jitter
     */
    public RetryingMiniDramaPlatform withListener(RetryListener listener) {
        return new RetryingMiniDramaPlatform(delegate, policy, sleeper, clock, jitter, listener);
    }

    @Override
    protected MiniDramaPlatform delegate() {
        return delegate;
    }

    /**
     * Runs {@code call} as operation {@code op} under this decorator's policy, as every method of
     * the port does. Public so that an adapter with its own call pipeline (the in-memory fake around
     * its fault injection) retries exactly the same way.
     *
     * @param op   the operation {@code call} performs
     * @param call one attempt; run again for each retry
     * @return what the first successful attempt returned
     */
    @Override
    public <T> T intercept(PlatformOperation op, Supplier<T> call) {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(call, "call");
        Instant started = clock.instant();
        List<RuntimeException> earlier = new ArrayList<>();
        for (int attempt = 1; ; attempt++) {
            RuntimeException failure;
            try {
                return call.get();
            } catch (RuntimeException e) {
                failure = e;
            }
            Duration elapsed = Duration.between(started, clock.instant());
            Optional<Duration> delay = policy.delayBeforeRetry(op, failure, attempt,
                    elapsed.isNegative() ? Duration.ZERO : elapsed, jitter.getAsDouble());
            if (delay.isEmpty()) {
                throw withEarlier(failure, earlier);
            }
            int failed = attempt;
            Duration wait = delay.get();
            LOG.log(System.Logger.Level.DEBUG, () -> op.wireName() + ": attempt " + failed + " failed (" + describe(failure)
                    + "), retrying in " + wait.toMillis() + " ms");
            try {
                listener.onRetry(op, failed, failure, wait);
            } catch (RuntimeException listenerFailure) {
                LOG.log(System.Logger.Level.DEBUG, () -> op.wireName() + ": retry listener threw "
                        + listenerFailure.getClass().getSimpleName() + "; ignored");
            }
            try {
                sleeper.sleep(wait);
            } catch (CancellationException interrupted) {
                withEarlier(failure, earlier);
                failure.addSuppressed(interrupted);
                throw failure;
            }
            earlier.add(failure);
        }
    }

    private static RuntimeException withEarlier(RuntimeException last, List<RuntimeException> earlier) {
        List<Throwable> already = List.of(last.getSuppressed());
        for (RuntimeException e : earlier) {
            if (e != last && !already.contains(e)) {
                last.addSuppressed(e);
            }
        }
        return last;
    }

    private static String describe(RuntimeException failure) {
        String type = failure.getClass().getSimpleName();
        return failure instanceof PlatformException p ? type + " errcode " + p.rawErrcode() : type;
    }

    @Override
    public String toString() {
        return "RetryingMiniDramaPlatform[" + delegate + ", " + policy + "]";
    }
}
