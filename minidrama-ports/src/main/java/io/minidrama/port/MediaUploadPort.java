package io.minidrama.port;

import io.minidrama.domain.Etag;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.UploadId;
import io.minidrama.domain.media.ApplyUpload;
import io.minidrama.domain.media.CommitUpload;
import io.minidrama.domain.media.PartUpload;
import io.minidrama.domain.media.SingleFileUpload;

/**
 * Uploads media to the platform: {@code singlefileupload}, and the chunked sequence
 * {@code applyupload → uploadpart → commitupload}.
 *
 * <p>Contract for every implementation:
 * <ul>
 *   <li>Implementations MUST be thread-safe; parts of one upload MAY be sent concurrently.</li>
 *   <li>Arguments are domain values that have already passed their rules; implementations MUST NOT
 *       accept {@code null}.</li>
 *   <li>A platform errcode MUST surface as {@link io.minidrama.domain.error.PlatformException},
 *       a failed or timed-out call as {@link io.minidrama.domain.error.TransportException}, an
 *       answer that cannot be mapped as {@link io.minidrama.domain.error.UnexpectedResponseException}.
 *       No checked exception escapes.</li>
 *   <li>{@link #uploadPart} is idempotent (a re-upload replaces the part, R-6);
 *       {@link #uploadSingle}, {@link #applyUpload} and {@link #commitUpload} create something and
 *       SHOULD NOT be retried blindly after an ambiguous failure.</li>
 *   <li>The {@link Etag} returned MUST be the platform's value byte for byte, quotes included.</li>
 * </ul>
 */
public interface MediaUploadPort {

    /** Uploads a small video (under 10 MB) in one request; returns its media id. */
    MediaId uploadSingle(SingleFileUpload request);

    /** Opens a chunked upload; returns its upload id. */
    UploadId applyUpload(ApplyUpload request);

    /** Uploads one part (video or cover); returns the etag to commit it with. */
    Etag uploadPart(PartUpload request);

    /**
     * Commits a chunked upload; returns the media id. An unknown or expired upload id fails with
     * errcode 10093030; a wrong etag or part list with a platform errcode.
     */
    MediaId commitUpload(CommitUpload request);
}
