package io.minidrama.port;

import io.minidrama.domain.UploadId;
import io.minidrama.domain.error.MiniDramaException;
import io.minidrama.port.internal.IoFailures;

import java.util.Optional;

/**
 * An upload's state could not be saved to its {@link UploadCheckpointPort}. Either before anything
 * was sent ({@link #uploadInProgress()} is empty: fix the store and run again), or after
 * {@code applyupload} opened the upload on the platform ({@link #uploadInProgress()} holds its id:
 * the parts sent so far cannot be resumed; fix the store and run again, the upload then starts
 * over and the open one expires unused, creating no media). Not retryable as is.
 */
public final class CheckpointStorageException extends MiniDramaException {
    private static final long serialVersionUID = 1L;
    private final transient UploadId uploadInProgress;

    private CheckpointStorageException(String message, UploadId uploadInProgress, Throwable cause) {
        super(message, cause);
        this.uploadInProgress = uploadInProgress;
    }

    /**
     * The store cannot be used, found before anything was sent.
     *
     * @param where the store, such as its directory; MUST NOT contain a secret
     * @param cause the failure, described in the message by its kind and detail
     */
    public static CheckpointStorageException beforeSending(String where, Throwable cause) {
        return new CheckpointStorageException("cannot save upload state in " + where + ": " + IoFailures.describe(cause)
                + "; nothing was sent. Make it writable or choose another checkpoint store, and run again", null, cause);
    }

    /**
     * The store itself failed, told by the store: {@code what} it could not do, such as
     * {@code "read the checkpoint of K in /dir"}. Carries no upload: the upload service
     * (io.minidrama.port.upload.FileUploadService) add whether anything was sent.
     *
     * @param what  what failed, without a secret
     * @param cause the failure (usually an {@link java.io.IOException}), described in the message by its kind and detail
     */
    public static CheckpointStorageException inStore(String what, Throwable cause) {
        return new CheckpointStorageException("cannot " + what + ": " + IoFailures.describe(cause), null, cause);
    }

    /** Saving failed after {@code applyupload} opened upload {@code id} of {@code what}. */
    public static CheckpointStorageException afterSending(UploadId id, String what, Throwable cause) {
        return new CheckpointStorageException("upload " + id.value() + " of " + what + " is in progress on the platform, but its state "
                + "cannot be saved (" + IoFailures.describe(cause) + "), so it cannot be resumed; fix the checkpoint store and run again: the upload "
                + "starts over and this one expires unused, creating no media", id, cause);
    }

    /** The upload left open on the platform, when saving failed after it was opened. */
    public Optional<UploadId> uploadInProgress() {
        return Optional.ofNullable(uploadInProgress);
    }
}
