package io.minidrama.port.upload;

/**
 * Receives progress of one upload. Called from upload threads, possibly concurrently for
 * different uploads but never concurrently for the same upload; implementations MUST be quick
 * and MUST NOT throw (an exception thrown is logged and ignored).
 */
@FunctionalInterface
public interface UploadListener {

    /** A listener that ignores everything. */
    UploadListener NONE = p -> { };

    /** Called after each finished part (and once at start with the resumed state). */
    void onProgress(UploadProgress progress);
}
