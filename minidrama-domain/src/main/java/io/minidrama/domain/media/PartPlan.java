package io.minidrama.domain.media;

/**
 * Where one planned part lies in its resource.
 *
 * @param resourceType video or cover
 * @param partNumber   1-based part number
 * @param offset       byte offset in the file
 * @param length       exact byte length of the part
 */
public record PartPlan(ResourceType resourceType, int partNumber, long offset, long length) {
}
