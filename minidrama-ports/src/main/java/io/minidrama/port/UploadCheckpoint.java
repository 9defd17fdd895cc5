package io.minidrama.port;

import io.minidrama.domain.media.ApplyUpload;
import io.minidrama.domain.media.UploadSession;

import java.time.Instant;
import java.util.Objects;

/**
 * The durable state of a chunked upload in progress: enough to resume it after a crash and
 * upload only the parts not yet recorded.
 *
 * @param key       the caller-chosen key, stable across restarts (for example the file path)
 * @param video     the identity of the video file when the upload started
 * @param request   the {@code applyupload} request that opened the upload
 * @param session   the upload id, the sizes and the etag of every finished part
 * @param updatedAt when the checkpoint was last written
 */
public record UploadCheckpoint(String key, FileIdentity video, ApplyUpload request, UploadSession session, Instant updatedAt) {
    public UploadCheckpoint {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(video, "video");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (key.isBlank()) {
            throw new IllegalArgumentException("a checkpoint key must not be blank");
        }
    }

    /** This checkpoint with a newer session state. */
    public UploadCheckpoint withSession(UploadSession next, Instant at) {
        return new UploadCheckpoint(key, video, request, next, at);
    }
}
