package io.minidrama.domain.media;

import io.minidrama.domain.MediaId;
import io.minidrama.domain.TaskId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A pull-upload task ({@code task_info}).
 *
 * @param id           the task id
 * @param taskType     1 = pull upload
 * @param status       the task's state
 * @param errcode      0 unless the task failed
 * @param errmsg       the failure reason (empty otherwise)
 * @param createTime   when the task was created
 * @param finishTime   when it finished ({@link Instant#EPOCH} while running)
 * @param mediaIdValue the media id once done, 0 before
 */
public record Task(TaskId id, int taskType, TaskStatus status, int errcode, String errmsg, Instant createTime,
                   Instant finishTime, long mediaIdValue) {
    /** {@code task_type} of a pull upload. */
    public static final int PULL_UPLOAD = 1;

    public Task {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        errmsg = errmsg == null ? "" : errmsg;
        createTime = createTime == null ? Instant.EPOCH : createTime;
        finishTime = finishTime == null ? Instant.EPOCH : finishTime;
    }

    /** The media the task produced, once done. */
    public Optional<MediaId> mediaId() {
        return mediaIdValue > 0 ? Optional.of(MediaId.of(mediaIdValue)) : Optional.empty();
    }

    /** Whether the task has finished (done or failed). */
    public boolean isFinished() {
        return status.isFinal();
    }
}
