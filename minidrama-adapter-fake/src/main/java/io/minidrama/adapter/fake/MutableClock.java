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
 * A {@link Clock} that a test moves: either standing still until it is moved ({@link #at},
 * {@link #create}), or following another clock, the wall clock for an emulator that runs as a
 * service, plus the total it was moved by ({@link #following}). The fake platform, the emulator
 * and the caller's own request builders can share one instance, so "now" is the same everywhere.
 *
 * <p>Thread-safe: the instant is held atomically; {@link #advance} and {@link #set} may be called
 * from any thread. Time never moves backwards: {@link #advance} refuses negative durations and
 * {@link #set} refuses earlier instants, both with {@link IllegalArgumentException}. Clocks
 * returned by {@link #withZone} share this clock's instant.
 */
public final class MutableClock extends Clock {
    /** The default start: 2025-01-01T00:00:00Z. */
    public static final Instant DEFAULT_START = Instant.parse("2025-01-01T00:00:00Z");

    /** Where time comes from: a fixed instant, or a clock that moves by itself. */
    private final Clock base;
    /** How far {@link #advance} and {@link #set} moved this clock past {@link #base}. */
    private final AtomicReference<Duration> moved;
    private final ZoneId zone;
    private final List<Runnable> onChange;

    private MutableClock(Clock base, AtomicReference<Duration> moved, ZoneId zone, List<Runnable> onChange) {
        this.base = base;
        this.moved = moved;
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
        return new MutableClock(Clock.fixed(start.truncatedTo(java.time.temporal.ChronoUnit.MILLIS), ZoneOffset.UTC),
                new AtomicReference<>(Duration.ZERO), ZoneOffset.UTC, new CopyOnWriteArrayList<>());
    }

    /**
     * A clock that follows {@code base} (typically {@link Clock#systemUTC()}), in UTC: time passes
     * by itself, and {@link #advance} / {@link #set} move it further ahead. For an emulator that
     * runs for hours, so that a client computing "now + 2 hours" with its own clock agrees with it
     * (a standing clock would judge that expiry ever further away).
     */
    public static MutableClock following(Clock base) {
        Objects.requireNonNull(base, "base");
        return new MutableClock(base, new AtomicReference<>(Duration.ZERO), ZoneOffset.UTC, new CopyOnWriteArrayList<>());
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
        Duration total = moved.updateAndGet(m -> m.plus(by));
        fire();
        return base.instant().plus(total);
    }

    /**
     * Sets the clock to {@code instant}.
     *
     * @throws IllegalArgumentException if {@code instant} is before the current time
     */
    public void set(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        moved.updateAndGet(m -> {
            Instant from = base.instant();
            Instant t = from.plus(m);
            if (instant.isBefore(t)) {
                throw new IllegalArgumentException("a clock only moves forward: " + instant + " is before " + t);
            }
            return Duration.between(from, instant);
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
        return new MutableClock(base, moved, Objects.requireNonNull(zone, "zone"), onChange);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(moved.get());
    }

    @Override
    public String toString() {
        return "MutableClock[" + instant() + ", " + zone + ", " + base + "]";
    }
}
