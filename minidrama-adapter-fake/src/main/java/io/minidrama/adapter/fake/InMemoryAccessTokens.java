package io.minidrama.adapter.fake;

import io.minidrama.port.AccessToken;
import io.minidrama.port.AccessTokenPort;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * An {@link AccessTokenPort} that mints tokens itself ({@code fake-token-1}, {@code fake-token-2},
 * ...), each valid for {@link #LIFETIME} by its clock: for tests of code that needs a token source
 * but no platform. Counts how often it "fetched".
 *
 * <p>Thread-safe. A token is fetched only when none is held or the one held expires within a
 * minute; concurrent callers on a cold cache cause exactly one fetch. {@link #invalidate} discards
 * the token only if it is still the one held. Never fails.
 */
public final class InMemoryAccessTokens implements AccessTokenPort {
    /** How long a minted token lives: 7200 seconds, as the platform's {@code expires_in}. */
    public static final Duration LIFETIME = Duration.ofSeconds(7200);
    private static final Duration MARGIN = Duration.ofMinutes(1);

    private final Clock clock;
    private AccessToken held;
    private int fetches;

    private InMemoryAccessTokens(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A token source whose tokens expire by {@code clock}. */
    public static InMemoryAccessTokens create(Clock clock) {
        return new InMemoryAccessTokens(clock);
    }

    @Override
    public synchronized AccessToken token() {
        if (held == null || !held.validAt(clock.instant(), MARGIN)) {
            fetches++;
            held = new AccessToken("fake-token-" + fetches, clock.instant().plus(LIFETIME));
        }
        return held;
    }

    @Override
    public synchronized void invalidate(AccessToken rejected) {
        Objects.requireNonNull(rejected, "rejected");
        if (rejected.equals(held)) {
            held = null;
        }
    }

    /** How many tokens were minted so far. */
    public synchronized int fetches() {
        return fetches;
    }

    @Override
    public String toString() {
        return "InMemoryAccessTokens[" + fetches() + " fetches]";
    }
}
