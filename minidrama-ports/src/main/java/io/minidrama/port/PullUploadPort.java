package io.minidrama.port;

import io.minidrama.domain.TaskId;
import io.minidrama.domain.media.PullUpload;
import io.minidrama.domain.media.Task;

/**
 * Has the platform fetch media from URLs ({@code pullupload}) and reports on the task
 * ({@code gettask}).
 *
 * <p>Implementations MUST be thread-safe and MUST NOT accept {@code null}. Errors surface as in
 * {@link MediaUploadPort}. {@link #pullUpload} creates a task and SHOULD NOT be retried blindly
 * after an ambiguous failure; {@link #getTask} is a read and safe to retry.
 */
public interface PullUploadPort {

    /** Starts a pull upload; returns the task id. The outcome arrives as an upload push event too. */
    TaskId pullUpload(PullUpload request);

    /** The task's current state; an unknown task fails with errcode 10093030. */
    Task getTask(TaskId taskId);
}
