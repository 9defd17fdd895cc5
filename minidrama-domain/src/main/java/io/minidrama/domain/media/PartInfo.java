package io.minidrama.domain.media;

import io.minidrama.domain.Etag;
import io.minidrama.domain.error.Rule;
import io.minidrama.domain.internal.Violations;

/**
 * One entry of a commit list: a part number and the etag its last upload returned.
 *
 * @param partNumber 1..100
 * @param etag       the etag, byte for byte as received
 */
public record PartInfo(int partNumber, Etag etag) {
    public PartInfo {
        Violations v = Violations.start();
        v.check(partNumber >= 1 && partNumber <= UploadLimits.MAX_PARTS, "part_number", Rule.R5, partNumber, "part_number is 1..100");
        v.require(etag, "etag", Rule.R7);
        v.throwIfAny();
    }
}
