package io.minidrama.domain.media;

import io.minidrama.domain.Etag;
import io.minidrama.domain.UploadId;
import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;
import io.minidrama.domain.internal.Violations;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A chunked upload in progress: the aggregate behind {@code applyupload → uploadpart* →
 * commitupload}.
 *
 * <p>It plans the parts of the video (and of the cover, if one was applied) for their sizes: parts
 * of exactly 5 MB, the last one 1 byte .. 5 MB, numbered from 1, at most 100. It records each
 * uploaded part with its etag; a part uploaded again replaces the earlier record, whatever
 * the order. It produces the commit lists only when every planned part is recorded, with its
 * planned size, and refuses otherwise, naming the missing parts.
 *
 * <p>Instances are immutable: {@link #recordPart} returns a new session, so a session can be
 * shared between threads and checkpointed as it is.
 */
public final class UploadSession {
    private final UploadId uploadId;
    private final long videoSize;
    private final long coverSize;
    private final Map<Key, Etag> parts;

    private record Key(ResourceType type, int partNumber) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = type.compareTo(o.type);
            return c != 0 ? c : Integer.compare(partNumber, o.partNumber);
        }
    }

    /**
     * One recorded part.
     *
     * @param resourceType video or cover
     * @param partNumber   1-based part number
     * @param etag         the etag of the last upload of this part
     */
    public record RecordedPart(ResourceType resourceType, int partNumber, Etag etag) {
        public RecordedPart {
            Objects.requireNonNull(resourceType, "resourceType");
            Objects.requireNonNull(etag, "etag");
        }
    }

    private UploadSession(UploadId uploadId, long videoSize, long coverSize, Map<Key, Etag> parts) {
        this.uploadId = uploadId;
        this.videoSize = videoSize;
        this.coverSize = coverSize;
        this.parts = Collections.unmodifiableMap(parts);
    }

    /**
     * Starts a session for a video of {@code videoSize} bytes without cover parts.
     *
     * @throws InvalidRequestException when the size is out of range
     */
    public static UploadSession start(UploadId uploadId, long videoSize) {
        return start(uploadId, videoSize, 0);
    }

    /**
     * Starts a session for a video and a cover uploaded as parts ({@code coverSize} 0 for none).
     *
     * @throws InvalidRequestException when a size is out of range
     */
    public static UploadSession start(UploadId uploadId, long videoSize, long coverSize) {
        Violations v = Violations.start();
        v.require(uploadId, "upload_id", Rule.NONE);
        checkSizes(v, videoSize, coverSize);
        v.throwIfAny();
        return new UploadSession(uploadId, videoSize, coverSize, new TreeMap<>());
    }

    /**
     * Checks the sizes of a chunked upload before it is opened.
     *
     * @throws InvalidRequestException when a size is out of range
     */
    public static void checkSizes(long videoSize, long coverSize) {
        Violations v = Violations.start();
        checkSizes(v, videoSize, coverSize);
        v.throwIfAny();
    }

    private static void checkSizes(Violations v, long videoSize, long coverSize) {
        v.check(videoSize >= 1 && videoSize <= UploadLimits.VIDEO_MAX, "video.size", Rule.R5, videoSize,
                "a chunked video is 1 byte .. 500 MB (524288000 bytes)");
        v.check(coverSize >= 0 && coverSize <= UploadLimits.COVER_MAX, "cover.size", Rule.R5, coverSize,
                "a cover is at most 10 MB (10485760 bytes); 0 means no cover parts");
    }

    /**
     * Restores a session from recorded parts (a checkpoint), checking each one against the plan.
     *
     * @throws InvalidRequestException when a size is out of range or a part is not in the plan
     */
    public static UploadSession restore(UploadId uploadId, long videoSize, long coverSize, List<RecordedPart> recorded) {
        UploadSession s = start(uploadId, videoSize, coverSize);
        TreeMap<Key, Etag> map = new TreeMap<>();
        Violations v = Violations.start();
        for (RecordedPart p : recorded) {
            if (s.checkInPlan(v, p.resourceType(), p.partNumber())) {
                map.put(new Key(p.resourceType(), p.partNumber()), p.etag());
            }
        }
        v.throwIfAny();
        return new UploadSession(uploadId, videoSize, coverSize, map);
    }

    /** The upload id. */
    public UploadId uploadId() {
        return uploadId;
    }

    /** The video's size in bytes. */
    public long videoSize() {
        return videoSize;
    }

    /** The cover's size in bytes; 0 when no cover parts are uploaded. */
    public long coverSize() {
        return coverSize;
    }

    /** Whether the commit must carry cover parts. */
    public boolean hasCover() {
        return coverSize > 0;
    }

    /** Every planned part: video parts first, then cover parts, each ascending. */
    public List<PartPlan> plannedParts() {
        List<PartPlan> all = new ArrayList<>(plan(ResourceType.VIDEO));
        all.addAll(plan(ResourceType.COVER));
        return all;
    }

    /** The planned parts of one resource, ascending. */
    public List<PartPlan> plan(ResourceType type) {
        long size = sizeOf(type);
        int n = UploadLimits.partCount(size);
        List<PartPlan> plan = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            plan.add(new PartPlan(type, i, (i - 1L) * UploadLimits.PART_SIZE, UploadLimits.partSize(size, i)));
        }
        return plan;
    }

    /** The planned parts not recorded yet, in plan order. */
    public List<PartPlan> missingParts() {
        return plannedParts().stream().filter(p -> !parts.containsKey(new Key(p.resourceType(), p.partNumber()))).toList();
    }

    /** Bytes of the recorded parts. */
    public long bytesRecorded() {
        return parts.keySet().stream().mapToLong(k -> UploadLimits.partSize(sizeOf(k.type()), k.partNumber())).sum();
    }

    /** Total bytes of all planned parts. */
    public long bytesTotal() {
        return videoSize + coverSize;
    }

    /** Whether every planned part is recorded. */
    public boolean isComplete() {
        return missingParts().isEmpty();
    }

    /** The parts recorded so far, in plan order. */
    public List<RecordedPart> recordedParts() {
        return parts.entrySet().stream()
                .map(e -> new RecordedPart(e.getKey().type(), e.getKey().partNumber(), e.getValue()))
                .toList();
    }

    /**
     * Records that part {@code partNumber} of {@code type}, of {@code size} bytes, was uploaded and
     * answered {@code etag}. A part recorded before is replaced.
     *
     * @return the new session
     * @throws InvalidRequestException when the part is not in the plan or its size differs
     */
    public UploadSession recordPart(ResourceType type, int partNumber, long size, Etag etag) {
        Violations v = Violations.start();
        v.require(etag, "etag", Rule.R7);
        if (checkInPlan(v, type, partNumber)) {
            long expected = UploadLimits.partSize(sizeOf(type), partNumber);
            v.check(size == expected, partField(type) + "[" + partNumber + "].size", Rule.R5, size,
                    "part " + partNumber + " must be exactly " + expected + " bytes (parts are 5 MB but the last)");
        }
        v.throwIfAny();
        TreeMap<Key, Etag> copy = new TreeMap<>(parts);
        copy.put(new Key(type, partNumber), etag);
        return new UploadSession(uploadId, videoSize, coverSize, copy);
    }

    /**
     * Whether {@code other} describes the same upload (same id and sizes), so the two can merge.
     */
    public boolean sameUpload(UploadSession other) {
        return uploadId.equals(other.uploadId) && videoSize == other.videoSize && coverSize == other.coverSize;
    }

    /**
     * The union of this session's and {@code newer}'s recorded parts; where both recorded a part,
     * {@code newer}'s etag wins. Used to merge checkpoints written concurrently.
     *
     * @throws IllegalArgumentException when the two are not the same upload
     */
    public UploadSession mergedWith(UploadSession newer) {
        if (!sameUpload(newer)) {
            throw new IllegalArgumentException("cannot merge different uploads: " + this + " and " + newer);
        }
        TreeMap<Key, Etag> copy = new TreeMap<>(parts);
        copy.putAll(newer.parts);
        return new UploadSession(uploadId, videoSize, coverSize, copy);
    }

    /**
     * The commit request, with the etag of the last upload of each part.
     *
     * @throws InvalidRequestException naming every missing part
     */
    public CommitUpload commitRequest() {
        Violations v = Violations.start();
        for (PartPlan p : missingParts()) {
            v.add(partField(p.resourceType()) + "[" + p.partNumber() + "]", Rule.R7, RuleViolationText.MISSING,
                    "part " + p.partNumber() + " of the " + p.resourceType().name().toLowerCase(java.util.Locale.ROOT)
                            + " was not uploaded; upload it before committing");
        }
        v.throwIfAny();
        return new CommitUpload(uploadId, infos(ResourceType.VIDEO), infos(ResourceType.COVER));
    }

    private List<PartInfo> infos(ResourceType type) {
        return parts.entrySet().stream()
                .filter(e -> e.getKey().type() == type)
                .map(e -> new PartInfo(e.getKey().partNumber(), e.getValue()))
                .toList();
    }

    private boolean checkInPlan(Violations v, ResourceType type, int partNumber) {
        if (!v.require(type, "resource_type", Rule.R5)) {
            return false;
        }
        int count = UploadLimits.partCount(sizeOf(type));
        String field = partField(type) + "[" + partNumber + "]";
        if (count == 0) {
            v.add(field, Rule.R7, partNumber, "no cover parts were planned: apply with a cover type and size to upload a cover");
            return false;
        }
        return v.check(partNumber >= 1 && partNumber <= count, field, Rule.R5, partNumber,
                "this " + type.name().toLowerCase(java.util.Locale.ROOT) + " has parts 1.." + count);
    }

    private long sizeOf(ResourceType type) {
        return type == ResourceType.VIDEO ? videoSize : coverSize;
    }

    private static String partField(ResourceType type) {
        return type == ResourceType.VIDEO ? "media_part_infos" : "cover_part_infos";
    }

    private static final class RuleViolationText {
        static final String MISSING = "<missing>";
    }

    @Override
    public String toString() {
        return "UploadSession[" + uploadId + ", video " + videoSize + " B, cover " + coverSize + " B, "
                + parts.size() + "/" + plannedParts().size() + " parts]";
    }
}
