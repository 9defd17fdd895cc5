package io.minidrama.port.service;

import io.minidrama.domain.Etag;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.TaskId;
import io.minidrama.domain.UploadId;
import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;
import io.minidrama.domain.media.ApplyUpload;
import io.minidrama.domain.media.ByteSource;
import io.minidrama.domain.media.PartPlan;
import io.minidrama.domain.media.PartUpload;
import io.minidrama.domain.media.PullUpload;
import io.minidrama.domain.media.ResourceType;
import io.minidrama.domain.media.SingleFileUpload;
import io.minidrama.domain.media.Task;
import io.minidrama.domain.media.UploadSession;
import io.minidrama.port.MediaUploadPort;
import io.minidrama.port.PullUploadPort;

import java.util.Objects;

/**
 * Use cases that put media on the platform: single-file upload, chunked upload of content of
 * known size, pull upload. Thread-safe.
 *
 * <p>A chunked upload here is driven by an {@link UploadSession}: every part is planned from the
 * content's size (5 MB parts, R-5), uploaded, recorded with its etag, and committed only when all
 * parts are recorded. Parts are sent one after another; the file upload service adds
 * concurrency, resume and progress on top of the same session.
 */
public final class UploadService {
    private final MediaUploadPort uploads;
    private final PullUploadPort pulls;

    UploadService(MediaUploadPort uploads, PullUploadPort pulls) {
        this.uploads = Objects.requireNonNull(uploads, "uploads");
        this.pulls = Objects.requireNonNull(pulls, "pulls");
    }

    /** Uploads a video under 10 MB in one request. */
    public MediaId uploadSingle(SingleFileUpload request) {
        return uploads.uploadSingle(request);
    }

    /** Uploads {@code video} in 5 MB parts and commits it; returns the media id. */
    public MediaId uploadChunked(ApplyUpload request, ByteSource video) {
        if (request.coverFormat().isPresent()) {
            throw InvalidRequestException.of("cover_type", Rule.R7, request.coverFormat().get().wire(),
                    "the request applies for a cover: pass the cover's content too");
        }
        return chunked(request, video, null);
    }

    /** Uploads {@code video} and {@code cover} in 5 MB parts and commits them; returns the media id. */
    public MediaId uploadChunked(ApplyUpload request, ByteSource video, ByteSource cover) {
        if (request.coverFormat().isEmpty()) {
            throw InvalidRequestException.of("cover_type", Rule.R7, null,
                    "cover parts need a cover type at apply time: use request.withCover(format)");
        }
        Objects.requireNonNull(cover, "cover");
        if (cover.size() < 1) {
            // An empty cover would plan no cover parts, and the commit would then lack the
            // cover_part_infos the applied cover type requires.
            throw InvalidRequestException.of("cover.size", Rule.R7, cover.size(),
                    "the request applies for a cover, so the cover content must not be empty (cover_part_infos are required)");
        }
        return chunked(request, video, cover);
    }

    private MediaId chunked(ApplyUpload request, ByteSource video, ByteSource cover) {
        long coverSize = cover == null ? 0 : cover.size();
        UploadSession.checkSizes(video.size(), coverSize);
        UploadId id = uploads.applyUpload(request);
        UploadSession session = UploadSession.start(id, video.size(), coverSize);
        for (PartPlan plan : session.plannedParts()) {
            ByteSource content = plan.resourceType() == ResourceType.VIDEO ? video : cover;
            ByteSource part = content.slice(plan.offset(), plan.length());
            Etag etag = uploads.uploadPart(PartUpload.of(id, plan, part));
            session = session.recordPart(plan.resourceType(), plan.partNumber(), plan.length(), etag);
        }
        return uploads.commitUpload(session.commitRequest());
    }

    /** Starts a pull upload from URLs; returns the task id. */
    public TaskId pull(PullUpload request) {
        return pulls.pullUpload(request);
    }

    /** The state of a pull-upload task. */
    public Task task(TaskId id) {
        return pulls.getTask(id);
    }
}
