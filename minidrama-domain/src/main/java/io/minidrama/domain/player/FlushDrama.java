package io.minidrama.domain.player;

import io.minidrama.domain.error.Rule;
import io.minidrama.domain.internal.Violations;

/**
 * One drama of the swipe-through (刷剧) set: the drama and its name as the player shows it.
 *
 * @param drama the drama
 * @param name  {@code drama_name}, non-blank, shown text (T-1)
 */
public record FlushDrama(DramaRef drama, String name) {
    public FlushDrama {
        Violations v = Violations.start();
        v.require(drama, "drama", Rule.R30);
        if (v.requireText(name, "drama_name", Rule.NONE)) {
            v.checkShownText(name, "drama_name", false);
        }
        v.throwIfAny();
    }
}
