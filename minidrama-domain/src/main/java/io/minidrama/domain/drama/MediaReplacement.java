package io.minidrama.domain.drama;

import io.minidrama.domain.MediaId;
import io.minidrama.domain.error.Rule;
import io.minidrama.domain.internal.Violations;

/**
 * One entry of {@code replace_media_list}: episode {@code oldMedia} of the drama is replaced by
 * the uploaded {@code newMedia}.
 *
 * @param oldMedia an episode of the drama
 * @param newMedia a different, uploaded media
 */
public record MediaReplacement(MediaId oldMedia, MediaId newMedia) {
    public MediaReplacement {
        Violations v = Violations.start();
        v.require(oldMedia, "old", Rule.R18);
        v.require(newMedia, "new", Rule.R18);
        if (oldMedia != null && newMedia != null) {
            v.check(!oldMedia.equals(newMedia), "new", Rule.R27, newMedia, "the new media must differ from the episode it replaces");
        }
        v.throwIfAny();
    }
}
