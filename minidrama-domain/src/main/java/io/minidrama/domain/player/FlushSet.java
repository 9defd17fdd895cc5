package io.minidrama.domain.player;

import io.minidrama.domain.error.Rule;
import io.minidrama.domain.internal.Violations;

import java.util.Collection;
import java.util.Set;

/**
 * The whole swipe-through (刷剧) set for {@code developersetflushdrama}: each call
 * <b>replaces</b> the set the platform holds; an empty set clears it. At most
 * {@value #MAX_DRAMAS} dramas, each once; every drama must be authorized to the caller, or
 * the platform refuses the whole call (21000).
 *
 * @param dramas the desired set, in the order given (unmodifiable)
 */
public record FlushSet(Set<FlushDrama> dramas) {
    /** the platform's cap. */
    public static final int MAX_DRAMAS = 1000;

    public FlushSet {
        Violations v = Violations.start();
        v.require(dramas, "list", Rule.R33);
        dramas = PlayerChecks.distinct(v, "list", dramas, MAX_DRAMAS, FlushDrama::drama);
        v.throwIfAny();
    }

    /**
     * The set made of {@code dramas}, in their order. A drama listed twice (even with the same
     * name) is refused with R-33 rather than silently merged.
     */
    public static FlushSet of(Collection<FlushDrama> dramas) {
        Violations v = Violations.start();
        v.require(dramas, "list", Rule.R33);
        Set<FlushDrama> set = PlayerChecks.distinct(v, "list", dramas, MAX_DRAMAS, FlushDrama::drama);
        v.throwIfAny();
        return new FlushSet(set);
    }

    /** The empty set: clears the swipe-through set. */
    public static FlushSet clear() {
        return new FlushSet(Set.of());
    }

    /** Whether this clears the set. */
    public boolean clears() {
        return dramas.isEmpty();
    }
}
