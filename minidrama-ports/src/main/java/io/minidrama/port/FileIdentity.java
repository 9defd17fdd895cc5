package io.minidrama.port;

import java.time.Instant;
import java.util.Objects;

/**
 * What identifies the file an upload checkpoint belongs to. A checkpoint is resumed only when
 * all four fields still match the file on disk; any difference means the file changed and the
 * upload starts over.
 *
 * @param path         the file's absolute, normalised path
 * @param size         its size in bytes
 * @param lastModified its modification time
 * @param fingerprint  a content fingerprint (hex); the upload service documents how it is computed
 */
public record FileIdentity(String path, long size, Instant lastModified, String fingerprint) {
    public FileIdentity {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(lastModified, "lastModified");
        Objects.requireNonNull(fingerprint, "fingerprint");
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0");
        }
    }
}
