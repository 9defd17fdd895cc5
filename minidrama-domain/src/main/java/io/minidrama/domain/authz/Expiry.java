package io.minidrama.domain.authz;

import io.minidrama.domain.error.Rule;
import io.minidrama.domain.internal.Violations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * When an authorisation ends: {@link #PERMANENT}, or an instant at least 7 days after now.
 * On the wire, permanent is {@code 0} (or the field left out) and an expiry is Unix seconds.
 */
public final class Expiry {
    /** the shortest authorisation. */
    public static final Duration MIN_LEAD = Duration.ofDays(7);
    /** An authorisation without end. */
    public static final Expiry PERMANENT = new Expiry(null);

    private final Instant at;

    private Expiry(Instant at) {
        this.at = at;
    }

    /**
     * An authorisation ending at {@code at}, at least 7 days after the clock's now.
     *
     * @throws io.minidrama.domain.error.InvalidRequestException when it is sooner
     */
    public static Expiry at(Instant at, Clock clock, String field) {
        Violations v = Violations.start();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant t = at.truncatedTo(ChronoUnit.SECONDS);
        v.check(!t.isBefore(now.plus(MIN_LEAD)), field, Rule.R24, t.getEpochSecond(),
                "an authorization expiry is permanent (0) or at least 7 days away (not before " + now.plus(MIN_LEAD).getEpochSecond() + ")");
        v.throwIfAny();
        return new Expiry(t);
    }

    /**
     * An expiry as the platform reports it (0 = permanent), without the R-24 check that applies
     * to requests.
     */
    public static Expiry ofEpochSecond(long epochSecond) {
        return epochSecond <= 0 ? PERMANENT : new Expiry(Instant.ofEpochSecond(epochSecond));
    }

    /** The end, unless permanent. */
    public Optional<Instant> instant() {
        return Optional.ofNullable(at);
    }

    /** Whether it never ends. */
    public boolean permanent() {
        return at == null;
    }

    /** The wire value: 0 for permanent, else Unix seconds. */
    public long epochSecond() {
        return at == null ? 0 : at.getEpochSecond();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Expiry e && java.util.Objects.equals(at, e.at);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hashCode(at);
    }

    @Override
    public String toString() {
        return at == null ? "permanent" : at.toString();
    }
}
