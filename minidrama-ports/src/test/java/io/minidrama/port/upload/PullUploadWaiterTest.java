package io.minidrama.port.upload;

import io.minidrama.domain.MediaId;
import io.minidrama.domain.error.PlatformException;
import io.minidrama.domain.error.DeadlineExceededException;
import io.minidrama.domain.event.PushEvent;
import io.minidrama.domain.event.UploadEvent;
import io.minidrama.domain.media.MediaName;
import io.minidrama.domain.media.PullUpload;
import io.minidrama.domain.media.TaskStatus;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PullUploadWaiterTest {
    private final ScriptedUploadPort port = new ScriptedUploadPort();
    private final PullUploadWaiter waiter = PullUploadWaiter.create(port, Clock.systemUTC(), Duration.ofMillis(5), Duration.ofMillis(20));

    private static PullUpload pull() {
        return PullUpload.builder().name(MediaName.of("剧", 1)).mediaUrl("https://cdn.example.com/1.mp4").build();
    }

    @Test
    void create_whenPollIntervalNotPositive_rejectsInsteadOfPollingWithoutPause() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> PullUploadWaiter.create(port, Clock.systemUTC(), Duration.ZERO, Duration.ofSeconds(1)));
        IllegalArgumentException below = assertThrows(IllegalArgumentException.class,
                () -> PullUploadWaiter.create(port, Clock.systemUTC(), Duration.ofSeconds(2), Duration.ofSeconds(1)));

        assertTrue(zero.getMessage().contains("firstPoll must be positive"), zero.getMessage());
        assertTrue(below.getMessage().contains("maxPoll must be at least firstPoll"), below.getMessage());
    }

    @Test
    void pullAndWait_whenTaskFinishes_returnsItsMediaId() throws Exception {
        CompletableFuture<MediaId> result = CompletableFuture.supplyAsync(() -> waiter.pullAndWait(pull(), Duration.ofSeconds(10)));
        while (port.tasks.isEmpty()) {
            Thread.onSpinWait();
        }
        long task = port.tasks.keySet().iterator().next();
        port.finishTask(task, TaskStatus.DONE, 0, 777);

        assertEquals(MediaId.of(777), result.get(10, TimeUnit.SECONDS));
    }

    @Test
    void pullAndWait_whenUploadEventArrives_finishesWithoutWaitingForThePoll() throws Exception {
        PullUploadWaiter slowPolling = PullUploadWaiter.create(port, Clock.systemUTC(), Duration.ofMinutes(5), Duration.ofMinutes(5));
        CompletableFuture<MediaId> result = CompletableFuture.supplyAsync(() -> slowPolling.pullAndWait(pull(), Duration.ofMinutes(10)));
        while (port.lastPullContext.isEmpty()) {
            Thread.onSpinWait();
        }
        assertTrue(port.lastPullContext.startsWith("minidrama-pull-"));
        UploadEvent event = new UploadEvent(new PushEvent.Envelope("gh_1", "sys", Instant.now(), "event", UploadEvent.TYPE),
                888, port.lastPullContext, 0, "");

        while (!slowPolling.onUploadEvent(event)) {
            Thread.onSpinWait();
        }

        assertEquals(MediaId.of(888), result.get(5, TimeUnit.SECONDS));
    }

    @Test
    void pullAndWait_whenTaskFails_throwsPlatformErrorWithTheTasksErrcode() {
        CompletableFuture<MediaId> result = CompletableFuture.supplyAsync(() -> waiter.pullAndWait(pull(), Duration.ofSeconds(10)));
        while (port.tasks.isEmpty()) {
            Thread.onSpinWait();
        }
        port.finishTask(port.tasks.keySet().iterator().next(), TaskStatus.FAILED, 10090001, 0);

        Throwable e = assertThrows(Exception.class, () -> result.get(10, TimeUnit.SECONDS)).getCause();
        assertEquals(10090001, ((PlatformException) e).rawErrcode());
    }

    @Test
    void pullAndWait_whenTimeoutPasses_throwsTimeoutNamingTheTask() {
        DeadlineExceededException e = assertThrows(DeadlineExceededException.class, () -> waiter.pullAndWait(pull(), Duration.ofMillis(60)));
        assertTrue(e.getMessage().contains("task"), e.getMessage());
    }
}
