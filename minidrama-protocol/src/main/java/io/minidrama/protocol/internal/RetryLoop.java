package io.minidrama.protocol.internal;

import io.minidrama.domain.error.MiniDramaException;
import io.minidrama.domain.error.TransportException;
import io.minidrama.domain.error.UnexpectedResponseException;
import io.minidrama.port.PlatformOperation;
import io.minidrama.port.Sleeper;
import io.minidrama.protocol.RetryPolicy;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Today's retries of {@link io.minidrama.protocol.MiniDramaClient}, kept in this one class so that
 * a retrying decorator of the port can replace it by deleting it: {@link #run} repeats one
 * attempt per {@link RetryPolicy} (ordinary failures) and the initializing policy (errcode -2),
 * and never repeats an operation that is not repeat-safe after an ambiguous failure once the
 * request was sent, unless {@code retryAmbiguousCreates}.
 */
public final class RetryLoop {
    private static final System.Logger LOG = System.getLogger(RetryLoop.class.getName());

    /** One attempt; it calls {@link Attempt#sent()} once its request may have reached the platform. */
    @FunctionalInterface
    public interface Body<T> {
        T run(Attempt attempt);
    }

    /** The state of one attempt. */
    public static final class Attempt {
        private boolean sent;

        /** Marks the request as sent: an ambiguous failure from now on may have acted. */
        public void sent() {
            sent = true;
        }
    }

    private final RetryPolicy retryPolicy;
    private final RetryPolicy initializingRetryPolicy;
    private final boolean retryAmbiguousCreates;
    private final Sleeper sleeper;
    private final DoubleSupplier random;

    public RetryLoop(RetryPolicy retryPolicy, RetryPolicy initializingRetryPolicy, boolean retryAmbiguousCreates, Sleeper sleeper) {
        this.retryPolicy = Objects.requireNonNull(retryPolicy);
        this.initializingRetryPolicy = Objects.requireNonNull(initializingRetryPolicy);
        this.retryAmbiguousCreates = retryAmbiguousCreates;
        this.sleeper = Objects.requireNonNull(sleeper);
        this.random = () -> ThreadLocalRandom.current().nextDouble();
    }

    /** Runs {@code body} until it succeeds or a failure is not to be retried, which it throws. */
    public <T> T run(PlatformOperation op, Body<T> body) {
        int[] failuresPerPolicy = new int[2];
        for (int attempt = 1; ; attempt++) {
            Attempt state = new Attempt();
            MiniDramaException failure;
            try {
                return body.run(state);
            } catch (io.minidrama.domain.error.PlatformException | TransportException | UnexpectedResponseException e) {
                failure = e;
            }
            Duration delay = retryDelay(op, failure, state.sent, failuresPerPolicy);
            if (delay == null) {
                throw failure;
            }
            int done = attempt;
            LOG.log(System.Logger.Level.DEBUG, () -> op.wireName() + ": retrying after attempt " + done + " in " + delay.toMillis() + " ms");
            try {
                sleeper.sleep(delay);
            } catch (CancellationException e) {
                failure.addSuppressed(new TransportException(op.wireName(), "interrupted while waiting to retry", true, null));
                throw failure;
            }
        }
    }

    private Duration retryDelay(PlatformOperation op, MiniDramaException failure, boolean sent, int[] failuresPerPolicy) {
        boolean ambiguous = failure instanceof TransportException t && t.ambiguous()
                || failure instanceof UnexpectedResponseException u && u.ambiguous();
        if (sent && ambiguous && !op.repeatSafe() && !retryAmbiguousCreates) {
            return null;
        }
        RetryPolicy[] policies = {retryPolicy, initializingRetryPolicy};
        for (int i = 0; i < policies.length; i++) {
            RetryPolicy p = policies[i];
            if (p.retries(failure)) {
                int failed = ++failuresPerPolicy[i];
                return p.allowsAnotherAttempt(failed) ? p.delayBefore(failed, random.getAsDouble()) : null;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "RetryLoop[" + retryPolicy + ", initializing=" + initializingRetryPolicy + ", retryAmbiguousCreates="
                + retryAmbiguousCreates + "]";
    }
}
