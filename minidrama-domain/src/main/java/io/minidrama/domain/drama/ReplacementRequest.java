package io.minidrama.domain.drama;

import io.minidrama.domain.DramaId;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.error.Rule;
import io.minidrama.domain.internal.Violations;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A {@code submitreplacedramamedias} request: episodes of an approved drama to replace by
 * newly uploaded media, each episode at most once. The replacement goes to review (an audit event
 * with audit type 2 follows); once approved it must be applied with {@code replacedramamedia}
 * within 7 days. What depends on the drama itself is checked by
 * {@link Drama#checkReplacement(ReplacementRequest)}.
 *
 * @param dramaId      the drama
 * @param replacements the episodes and their replacements
 */
public record ReplacementRequest(DramaId dramaId, List<MediaReplacement> replacements) {
    public ReplacementRequest {
        Violations v = Violations.start();
        v.require(dramaId, "drama_id", Rule.R27);
        if (v.check(replacements != null && !replacements.isEmpty(), "replace_media_list", Rule.R27, replacements,
                "name at least one episode to replace")) {
            Set<MediaId> olds = new HashSet<>();
            Set<MediaId> news = new HashSet<>();
            for (int i = 0; i < replacements.size(); i++) {
                MediaReplacement r = replacements.get(i);
                if (v.require(r, "replace_media_list[" + i + "]", Rule.R27)) {
                    v.check(olds.add(r.oldMedia()), "replace_media_list[" + i + "].old", Rule.R27, r.oldMedia(),
                            "an episode is replaced at most once");
                    v.check(news.add(r.newMedia()), "replace_media_list[" + i + "].new", Rule.R27, r.newMedia(),
                            "one new media cannot replace two episodes");
                }
            }
        }
        v.throwIfAny();
        replacements = List.copyOf(replacements);
    }
}
