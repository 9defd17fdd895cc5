package io.minidrama.domain.media;

/**
 * The platform's size limits. MB means MiB here: 1 MB = 1024 × 1024 bytes.
 */
public final class UploadLimits {
    /** One MB as the platform counts it. */
    public static final long MB = 1024L * 1024L;
    /** a single-file upload carries a video strictly under this size. */
    public static final long SINGLE_UPLOAD_MAX_EXCLUSIVE = 10 * MB;
    /** every part is exactly this size, except the last (1 byte .. this size). */
    public static final long PART_SIZE = 5 * MB;
    /** part numbers run 1..100. */
    public static final int MAX_PARTS = 100;
    /** a chunked video is at most 500 MB. */
    public static final long VIDEO_MAX = 500 * MB;
    /** a cover is at most 10 MB. */
    public static final long COVER_MAX = 10 * MB;

    private UploadLimits() {
    }

    /** Number of parts a resource of {@code size} bytes is cut into. */
    public static int partCount(long size) {
        return (int) ((size + PART_SIZE - 1) / PART_SIZE);
    }

    /** Size of part {@code partNumber} (1-based) of a resource of {@code size} bytes. */
    public static long partSize(long size, int partNumber) {
        long offset = (partNumber - 1L) * PART_SIZE;
        return Math.min(PART_SIZE, size - offset);
    }
}
