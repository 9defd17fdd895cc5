package io.minidrama.testkit;

import io.minidrama.domain.TaskId;
import io.minidrama.domain.media.PullUpload;
import io.minidrama.domain.media.Task;
import io.minidrama.domain.media.TaskStatus;
import io.minidrama.port.PullUploadPort;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.minidrama.testkit.MiniDramaFixtures.episode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract of {@link PullUploadPort}: a pull task starts unfinished, moves only forward
 * through waiting → processing → done (or failed) as time passes, and when done names a stored
 * media; a failed task carries its errcode; an unknown task is 10093030.
 *
 * <p>Time is moved with {@link PlatformControl#advance}; a task is expected to finish within
 * 10 minutes of platform time. Extend it and implement {@link #createSubject()}.
 */
public abstract class PullUploadPortContractTest extends PlatformContract<PullUploadPort> {
    private TaskId pull() {
        return port.pullUpload(PullUpload.builder().name(episode(1)).mediaUrl("https://cdn.example.com/ep1.mp4")
                .coverUrl("https://cdn.example.com/ep1.jpg").sourceContext("ctx-1").build());
    }

    private List<TaskStatus> statusesUntilFinished(TaskId id) {
        List<TaskStatus> seen = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            Task t = port.getTask(id);
            seen.add(t.status());
            if (t.isFinished()) {
                return seen;
            }
            control.advance(Duration.ofSeconds(5));
        }
        throw new AssertionError("the task did not finish within 10 minutes of platform time: " + seen);
    }

    @Test
    void pullUpload_returnsATaskThatIsNotFinishedYet() {
        Task t = port.getTask(pull());

        assertFalse(t.isFinished(), "a pull task starts waiting or processing: " + t.status());
        assertEquals(Task.PULL_UPLOAD, t.taskType());
        assertEquals(control.now().getEpochSecond(), t.createTime().getEpochSecond());
        assertTrue(t.mediaId().isEmpty());
    }

    @Test
    void getTask_asTimePasses_movesForwardUntilDoneWithAStoredMedia() {
        TaskId id = pull();

        List<TaskStatus> seen = statusesUntilFinished(id);

        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i).code() >= seen.get(i - 1).code(), "statuses only move forward: " + seen);
        }
        Task done = port.getTask(id);
        assertEquals(TaskStatus.DONE, done.status());
        assertEquals(0, done.errcode());
        assertTrue(done.finishTime().isAfter(done.createTime()));
        assertTrue(control.storedMedia(done.mediaId().orElseThrow()).isPresent(), "the pulled media is stored");
    }

    @Test
    void getTask_whenThePullFails_endsFailedWithTheErrcode() {
        control.failNextPullTasks(1, 10090003, "cover url cannot be fetched");
        TaskId id = pull();

        statusesUntilFinished(id);

        Task failed = port.getTask(id);
        assertEquals(TaskStatus.FAILED, failed.status());
        assertEquals(10090003, failed.errcode());
        assertTrue(failed.mediaId().isEmpty());
    }

    @Test
    void getTask_ofAnUnknownTask_failsWithResourceNotFound() {
        Expect.platformError(10093030, () -> port.getTask(TaskId.of(987_654_321L)));
    }
}
