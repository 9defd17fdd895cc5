package io.minidrama.domain.player;

import io.minidrama.domain.error.Rule;
import io.minidrama.domain.internal.Violations;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A {@code getfinderevent} call: every activity ({@link #all()}), or only those with the given
 * {@code encrypted_event_id}s, at most {@value #MAX_EVENT_IDS}.
 *
 * @param eventIds the ids to filter by; empty means all (unmodifiable)
 */
public record FinderEventQuery(Set<String> eventIds) {
    /** the platform's cap. */
    public static final int MAX_EVENT_IDS = 50;

    public FinderEventQuery {
        Violations v = Violations.start();
        if (v.require(eventIds, "event_id_list", Rule.NONE)) {
            v.check(eventIds.size() <= MAX_EVENT_IDS, "event_id_list", Rule.R31, eventIds.size() + " ids",
                    "event_id_list takes at most " + MAX_EVENT_IDS + " ids; leave it empty to read all");
            int i = 0;
            for (String id : eventIds) {
                v.requireText(id, "event_id_list[" + i++ + "]", Rule.NONE);
            }
        }
        v.throwIfAny();
        eventIds = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(eventIds));
    }

    /** Every activity. */
    public static FinderEventQuery all() {
        return new FinderEventQuery(Set.of());
    }

    /** Only the activities with these ids. */
    public static FinderEventQuery of(Collection<String> eventIds) {
        return new FinderEventQuery(eventIds == null ? null : new LinkedHashSet<>(eventIds));
    }
}
