package io.minidrama.adapter.apache;

import org.apache.hc.core5.concurrent.Cancellable;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The deadline of one exchange: when it passes, the request is cancelled (which aborts a connect,
 * a wait for the pool, a write or a read in progress) and every later read of the body fails.
 */
final class Deadline {
    /** Longer timeouts are treated as this one (Duration#toNanos overflows past 292 years). */
    private static final Duration LONGEST = Duration.ofDays(3650);

    private final Duration timeout;
    private final long endNanos;
    private final ScheduledFuture<?> timer;
    private volatile boolean fired;

    Deadline(Duration timeout, Cancellable exchange, ScheduledExecutorService scheduler) {
        this.timeout = timeout;
        long nanos = (timeout.compareTo(LONGEST) > 0 ? LONGEST : timeout).toNanos();
        this.endNanos = System.nanoTime() + nanos;
        this.timer = scheduler.schedule(() -> {
            fired = true;
            exchange.cancel();
        }, nanos, TimeUnit.NANOSECONDS);
    }

    Duration timeout() {
        return timeout;
    }

    /** True once the deadline has passed (whether or not the timer has run yet). */
    boolean expired() {
        return fired || System.nanoTime() - endNanos >= 0;
    }

    /** The exchange is over: the timer need not fire. */
    void disarm() {
        timer.cancel(false);
    }
}
