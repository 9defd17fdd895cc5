package io.minidrama.domain.player;

import io.minidrama.domain.error.Rule;
import io.minidrama.domain.internal.Violations;

import java.util.Collection;
import java.util.Set;

/**
 * A {@code developersetiaadrama} call: the monetization model of 1..{@value #MAX_DRAMAS} dramas
 * each drama once. Dramas not named keep their earlier declaration.
 *
 * @param dramas the declarations, in the order given (unmodifiable)
 */
public record MonetizationDeclaration(Set<DramaMonetization> dramas) {
    /** at most this many per call (the read's documented cap, assumed for the write). */
    public static final int MAX_DRAMAS = 100;

    public MonetizationDeclaration {
        Violations v = Violations.start();
        dramas = check(v, dramas);
        v.throwIfAny();
    }

    private static Set<DramaMonetization> check(Violations v, Collection<DramaMonetization> dramas) {
        if (v.require(dramas, "list", Rule.NONE)) {
            v.check(!dramas.isEmpty(), "list", Rule.NONE, "[]", "declare at least one drama");
        }
        return PlayerChecks.distinct(v, "list", dramas, MAX_DRAMAS, DramaMonetization::drama);
    }

    /** A declaration of {@code dramas}, in their order; a drama listed twice is refused. */
    public static MonetizationDeclaration of(Collection<DramaMonetization> dramas) {
        Violations v = Violations.start();
        Set<DramaMonetization> set = check(v, dramas);
        v.throwIfAny();
        return new MonetizationDeclaration(set);
    }
}
