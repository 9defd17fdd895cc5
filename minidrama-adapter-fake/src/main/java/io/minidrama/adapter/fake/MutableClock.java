package io.minidrama.adapter.fake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that stands still until a test moves it. The fake platform, the emulator and the
 * caller's own request builders can share one instance, so "now" is the same everywhere.
 *
 * <p>Thread-safe: the instant is held atomically; {@link #advance} and {@link #set} may be called
 * from any thread. Time never moves backwards: {@link #advance} refuses negative durations and
 * {@link #set} refuses earlier instants, both with {@link IllegalArgumentException}. Clocks
 * returned by {@link #withZone} share this clock's instant.
 */
public final class MutableClock extends Clock {
    /** The default start: 2025-01-01T00:00:00Z. */
    public static final Instant DEFAULT_START = Instant.parse("2025-01-01T00:00:00Z");

    private final AtomicReference<Instant> now;
    private final ZoneId zone;
    private final List<Runnable> onChange;

    private MutableClock(AtomicReference<Instant> now, ZoneId zone, List<Runnable> onChange) {
        this.now = now;
        this.zone = zone;
        this.onChange = onChange;
    }

    /** A clock at {@link #DEFAULT_START}, in UTC. */
    public static MutableClock create() {
        return at(DEFAULT_START);
    }

    /** A clock at {@code start} (truncated to milliseconds), in UTC. */
    public static MutableClock at(Instant start) {
        Objects.requireNonNull(start, "start");
        return new MutableClock(new AtomicReference<>(start.truncatedTo(java.time.temporal.ChronoUnit.MILLIS)),
                ZoneOffset.UTC, new CopyOnWriteArrayList<>());
    }

    /**
     * Moves the clock forward.
     *
     * @throws IllegalArgumentException if {@code by} is negative
     */
    public Instant advance(Duration by) {
        Objects.requireNonNull(by, "by");
        if (by.isNegative()) {
            throw new IllegalArgumentException("a clock only moves forward; got " + by);
        }
        Instant next = now.updateAndGet(t -> t.plus(by));
        fire();
        return next;
    }

    /**
     * Sets the clock to {@code instant}.
     *
     * @throws IllegalArgumentException if {@code instant} is before the current time
     */
    public void set(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        now.updateAndGet(t -> {
            if (instant.isBefore(t)) {
                throw new IllegalArgumentException("a clock only moves forward: " + instant + " is before " + t);
            }
            return instant;
        });
        fire();
    }

    /** Registers an action run after every change (used by the fake to process due work). */
    void onChange(Runnable action) {
        onChange.add(Objects.requireNonNull(action, "action"));
    }

    private void fire() {
        for (Runnable r : onChange) {
            r.run();
        }
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public MutableClock withZone(ZoneId zone) {
        return new MutableClock(now, Objects.requireNonNull(zone, "zone"), onChange);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public long millis() {
        return now.get().toEpochMilli();
    }

    @Override
    public String toString() {
        return "MutableClock[" + now.get() + ", " + zone + "]";
    }
}
