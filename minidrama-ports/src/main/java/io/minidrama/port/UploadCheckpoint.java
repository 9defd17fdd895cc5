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
 * @param updatedAt when the checkpoint was last written (this machine's clock)
 * @param namesakes the media that already bore the upload's name when it was opened, to tell the
 *                  media this upload committed from older ones without comparing clocks
 */
public record UploadCheckpoint(String key, FileIdentity video, ApplyUpload request, UploadSession session, Instant updatedAt,
                               Namesakes namesakes) {
    public UploadCheckpoint {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(video, "video");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(namesakes, "namesakes");
        if (key.isBlank()) {
            throw new IllegalArgumentException("a checkpoint key must not be blank");
        }
    }

    /** A checkpoint whose {@link #namesakes()} are {@link Namesakes#unknown() unknown}. */
    public UploadCheckpoint(String key, FileIdentity video, ApplyUpload request, UploadSession session, Instant updatedAt) {
        this(key, video, request, session, updatedAt, Namesakes.unknown());
    }

    /** This checkpoint with a newer session state. */
    public UploadCheckpoint withSession(UploadSession next, Instant at) {
        return new UploadCheckpoint(key, video, request, next, at, namesakes);
    }
}
