package io.minidrama.domain.event;

import io.minidrama.domain.MediaId;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code secvod_upload_event}: an upload (typically a pull upload) finished.
 *
 * @param envelope      the message envelope
 * @param mediaIdValue  the media id as sent ({@code 0} when the upload failed before one existed)
 * @param sourceContext the {@code source_context} given at upload time, passed through (may be empty)
 * @param errcode       0 on success; anything else means the upload failed
 * @param errmsg        the platform's message (may be empty)
 */
public record UploadEvent(Envelope envelope, long mediaIdValue, String sourceContext, int errcode, String errmsg)
        implements PushEvent {
    /** The {@code Event} value of this type. */
    public static final String TYPE = "secvod_upload_event";

    public UploadEvent {
        Objects.requireNonNull(envelope, "envelope");
        sourceContext = sourceContext == null ? "" : sourceContext;
        errmsg = errmsg == null ? "" : errmsg;
    }

    /** Whether the upload succeeded. */
    public boolean succeeded() {
        return errcode == 0 && mediaIdValue > 0;
    }

    /** The media id, when the upload produced one. */
    public Optional<MediaId> mediaId() {
        return mediaIdValue > 0 ? Optional.of(MediaId.of(mediaIdValue)) : Optional.empty();
    }
}
