package io.minidrama.domain.player;

import io.minidrama.domain.error.Rule;
import io.minidrama.domain.internal.Violations;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;

/** Shared checks of the player requests' lists. */
final class PlayerChecks {
    private PlayerChecks() {
    }

    /**
     * Checks {@code items} (null elements, the cap under R-31, each drama once) and returns an
     * unmodifiable insertion-ordered copy; {@code null} when {@code items} is {@code null} (the
     * caller reports that).
     */
    static <T> Set<T> distinct(Violations v, String field, Collection<? extends T> items, int max, Function<T, DramaRef> drama) {
        if (items == null) {
            return null;
        }
        v.check(items.size() <= max, field, Rule.R31, items.size() + " entries", field + " takes at most " + max + " entries per call");
        Set<DramaRef> seen = new java.util.HashSet<>();
        LinkedHashSet<T> copy = new LinkedHashSet<>();
        int i = 0;
        for (T item : items) {
            String at = field + "[" + i++ + "]";
            if (v.require(item, at, Rule.NONE)) {
                DramaRef ref = drama.apply(item);
                v.check(seen.add(ref), at, Rule.R33, ref, "each drama appears once: the list states the whole desired setting");
                copy.add(item);
            }
        }
        return Collections.unmodifiableSet(copy);
    }
}
