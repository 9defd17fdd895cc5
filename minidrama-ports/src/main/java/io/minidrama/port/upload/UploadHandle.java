package io.minidrama.port.upload;

import io.minidrama.domain.MediaId;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A running upload: its result, and a way to stop it.
 *
 * <p>{@link #result()} completes with the media id, or exceptionally with the failure (an
 * {@link io.minidrama.domain.error.InvalidRequestException},
 * {@link io.minidrama.domain.error.PlatformException} or
 * {@link io.minidrama.domain.error.TransportException}), or with a
 * {@link java.util.concurrent.CancellationException} after {@link #cancel()}. A chunked upload that
 * fails or is cancelled leaves its checkpoint, holding every part that finished, so uploading the
 * same file again resumes it.
 */
public final class UploadHandle {
    private final CompletableFuture<MediaId> result = new CompletableFuture<>();
    private final AtomicBoolean cancelled = new AtomicBoolean();

    UploadHandle() {
    }

    /** Completes when the upload is committed, failed or cancelled. */
    public CompletableFuture<MediaId> result() {
        return result.copy();
    }

    /**
     * Waits for the media id.
     *
     * @throws java.util.concurrent.CompletionException wrapping the failure
     * @throws java.util.concurrent.CancellationException if cancelled
     */
    public MediaId join() {
        return result.join();
    }

    /**
     * Stops the upload: no new part starts; parts in flight finish and are recorded in the
     * checkpoint; then {@link #result()} completes with a cancellation. Does nothing once finished.
     */
    public void cancel() {
        cancelled.set(true);
    }

    /** Whether {@link #cancel()} was called. */
    public boolean isCanceled() {
        return cancelled.get();
    }

    CompletableFuture<MediaId> future() {
        return result;
    }
}
