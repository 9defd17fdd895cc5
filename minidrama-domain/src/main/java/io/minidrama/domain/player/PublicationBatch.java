package io.minidrama.domain.player;

import io.minidrama.domain.error.Rule;
import io.minidrama.domain.internal.Violations;

import java.util.Collection;
import java.util.List;

/**
 * A {@code developerpublishdrama} call: sale times for one or more dramas, each drama once. Unlike
 * the flush set and recommendation pools this does not replace anything: each drama's latest
 * sale time wins, dramas not named keep theirs.
 *
 * @param publications at least one, each drama once (unmodifiable)
 */
public record PublicationBatch(List<DramaPublication> publications) {
    public PublicationBatch {
        Violations v = Violations.start();
        if (v.require(publications, "list", Rule.NONE)) {
            v.check(!publications.isEmpty(), "list", Rule.NONE, "[]", "name at least one drama to publish");
        }
        java.util.Set<DramaPublication> set = PlayerChecks.distinct(v, "list", publications, Integer.MAX_VALUE, DramaPublication::drama);
        v.throwIfAny();
        publications = List.copyOf(set);
    }

    /** A batch of {@code publications}. */
    public static PublicationBatch of(Collection<DramaPublication> publications) {
        return new PublicationBatch(publications == null ? null : new java.util.ArrayList<>(publications));
    }
}
