package io.minidrama.domain.player;

import io.minidrama.domain.error.Rule;
import io.minidrama.domain.internal.Violations;

import java.util.Collection;
import java.util.Set;

/**
 * A {@code developergetiaadrama} call: the dramas whose monetization model to read,
 * 1..{@value #MAX_DRAMAS}, each once.
 *
 * @param dramas the dramas, in the order given (unmodifiable)
 */
public record MonetizationQuery(Set<DramaRef> dramas) {
    /** the platform's cap. */
    public static final int MAX_DRAMAS = 100;

    public MonetizationQuery {
        Violations v = Violations.start();
        dramas = check(v, dramas);
        v.throwIfAny();
    }

    private static Set<DramaRef> check(Violations v, Collection<DramaRef> dramas) {
        if (v.require(dramas, "list", Rule.NONE)) {
            v.check(!dramas.isEmpty(), "list", Rule.NONE, "[]", "name at least one drama");
        }
        return PlayerChecks.distinct(v, "list", dramas, MAX_DRAMAS, d -> d);
    }

    /** A query of {@code dramas}, in their order; a drama listed twice is refused. */
    public static MonetizationQuery of(Collection<DramaRef> dramas) {
        Violations v = Violations.start();
        Set<DramaRef> set = check(v, dramas);
        v.throwIfAny();
        return new MonetizationQuery(set);
    }
}
