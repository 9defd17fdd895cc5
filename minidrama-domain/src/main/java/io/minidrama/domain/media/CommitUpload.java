package io.minidrama.domain.media;

import io.minidrama.domain.UploadId;
import io.minidrama.domain.error.Rule;
import io.minidrama.domain.internal.Violations;

import java.util.List;

/**
 * A {@code commitupload} request: the video's parts and, when a cover type was applied, the
 * cover's parts; each list sorted ascending, contiguous from 1, without duplicates.
 *
 * <p>Prefer {@link UploadSession#commitRequest()}, which also checks sizes and completeness.
 *
 * @param uploadId   the upload
 * @param mediaParts the video's parts, at least one
 * @param coverParts the cover's parts, empty when no cover type was applied
 */
public record CommitUpload(UploadId uploadId, List<PartInfo> mediaParts, List<PartInfo> coverParts) {
    public CommitUpload {
        Violations v = Violations.start();
        v.require(uploadId, "upload_id", Rule.NONE);
        if (v.require(mediaParts, "media_part_infos", Rule.R7)) {
            v.check(!mediaParts.isEmpty(), "media_part_infos", Rule.R7, "[]", "the video needs at least one part");
            checkSequence(v, "media_part_infos", mediaParts);
        }
        if (v.require(coverParts, "cover_part_infos", Rule.R7)) {
            checkSequence(v, "cover_part_infos", coverParts);
        }
        v.throwIfAny();
        mediaParts = List.copyOf(mediaParts);
        coverParts = List.copyOf(coverParts);
    }

    private static void checkSequence(Violations v, String field, List<PartInfo> parts) {
        for (int i = 0; i < parts.size(); i++) {
            PartInfo p = parts.get(i);
            if (v.require(p, field + "[" + i + "]", Rule.R7)) {
                v.check(p.partNumber() == i + 1, field + "[" + i + "].part_number", Rule.R7, p.partNumber(),
                        "commit lists are sorted ascending, start at 1 and are contiguous: expected part " + (i + 1));
            }
        }
    }

    /** Whether the commit carries cover parts. */
    public boolean hasCover() {
        return !coverParts.isEmpty();
    }
}
