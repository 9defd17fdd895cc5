package io.minidrama.domain.drama;

import io.minidrama.domain.DramaId;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.error.Rule;
import io.minidrama.domain.internal.Violations;

/**
 * A {@code replacedramamedia} request: applies one approved replacement, within 7 days of
 * its approval. Links to the old media keep working for 7 days after.
 *
 * @param dramaId  the drama
 * @param oldMedia the episode replaced
 * @param newMedia its approved replacement
 */
public record ReplacementApplication(DramaId dramaId, MediaId oldMedia, MediaId newMedia) {
    public ReplacementApplication {
        Violations v = Violations.start();
        v.require(dramaId, "drama_id", Rule.R27);
        v.require(oldMedia, "old_media_id", Rule.R27);
        v.require(newMedia, "new_media_id", Rule.R27);
        if (oldMedia != null && newMedia != null) {
            v.check(!oldMedia.equals(newMedia), "new_media_id", Rule.R27, newMedia, "the new media must differ from the old one");
        }
        v.throwIfAny();
    }
}
