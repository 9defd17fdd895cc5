package io.minidrama.domain.media;

import io.minidrama.domain.UploadId;
import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;
import io.minidrama.domain.internal.Violations;

/**
 * An {@code uploadpart} request: one chunk of a video or cover. Idempotent: sending the
 * same part number again replaces the earlier part.
 *
 * @param uploadId     the upload this part belongs to
 * @param partNumber   1..100
 * @param resourceType video or cover
 * @param data         1 byte .. 5 MB
 */
public record PartUpload(UploadId uploadId, int partNumber, ResourceType resourceType, ByteSource data) {
    public PartUpload {
        Violations v = Violations.start();
        v.require(uploadId, "upload_id", Rule.NONE);
        v.require(resourceType, "resource_type", Rule.R5);
        v.check(partNumber >= 1 && partNumber <= UploadLimits.MAX_PARTS, "part_number", Rule.R5, partNumber, "part_number is 1..100");
        if (v.require(data, "data", Rule.NONE)) {
            v.check(data.size() >= 1 && data.size() <= UploadLimits.PART_SIZE, "data", Rule.R5, data.size() + " bytes",
                    "a part is 1 byte .. 5 MB (5242880 bytes); every part but the last is exactly 5 MB");
        }
        v.throwIfAny();
    }

    /**
     * A part as planned by an {@link UploadSession}.
     *
     * @throws InvalidRequestException when the data's size differs from the plan
     */
    public static PartUpload of(UploadId uploadId, PartPlan plan, ByteSource data) {
        if (data.size() != plan.length()) {
            throw InvalidRequestException.of("data", Rule.R5, data.size() + " bytes",
                    "part " + plan.partNumber() + " must be exactly " + plan.length() + " bytes");
        }
        return new PartUpload(uploadId, plan.partNumber(), plan.resourceType(), data);
    }
}
