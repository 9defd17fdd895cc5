package io.minidrama.port.upload;

import io.minidrama.domain.MediaId;
import io.minidrama.domain.TaskId;
import io.minidrama.domain.error.PlatformException;
import io.minidrama.domain.error.DeadlineExceededException;
import io.minidrama.domain.event.UploadEvent;
import io.minidrama.domain.media.PullUpload;
import io.minidrama.domain.media.Task;
import io.minidrama.domain.media.TaskStatus;
import io.minidrama.port.PullUploadPort;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Starts a pull upload and waits for its outcome: polls {@code gettask} with backoff, and finishes
 * early when the matching upload push event is handed to {@link #onUploadEvent}.
 *
 * <p>Events are matched by {@code source_context}: a request without one gets a unique
 * {@code minidrama-pull-<uuid>} context. Thread-safe.
 */
public final class PullUploadWaiter {
    private final PullUploadPort port;
    private final Clock clock;
    private final Duration firstPoll;
    private final Duration maxPoll;
    private final Map<String, CompletableFuture<UploadEvent>> waiting = new ConcurrentHashMap<>();

    private PullUploadWaiter(PullUploadPort port, Clock clock, Duration firstPoll, Duration maxPoll) {
        this.port = Objects.requireNonNull(port, "port");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.firstPoll = Objects.requireNonNull(firstPoll, "firstPoll");
        this.maxPoll = Objects.requireNonNull(maxPoll, "maxPoll");
    }

    /** A waiter polling first after 1 s, backing off to every 15 s. */
    public static PullUploadWaiter create(PullUploadPort port) {
        return new PullUploadWaiter(port, Clock.systemUTC(), Duration.ofSeconds(1), Duration.ofSeconds(15));
    }

    /**
     * A waiter with its own poll schedule (first poll after {@code firstPoll}, doubling up to {@code maxPoll}).
     *
     * @throws IllegalArgumentException if {@code firstPoll} is not positive or {@code maxPoll} is
     *                                  shorter than it (the waiter would poll without pause)
     */
    public static PullUploadWaiter create(PullUploadPort port, Clock clock, Duration firstPoll, Duration maxPoll) {
        Objects.requireNonNull(firstPoll, "firstPoll");
        Objects.requireNonNull(maxPoll, "maxPoll");
        if (firstPoll.isZero() || firstPoll.isNegative()) {
            throw new IllegalArgumentException("firstPoll must be positive, got " + firstPoll);
        }
        if (maxPoll.compareTo(firstPoll) < 0) {
            throw new IllegalArgumentException("maxPoll must be at least firstPoll (" + firstPoll + "), got " + maxPoll);
        }
        return new PullUploadWaiter(port, clock, firstPoll, maxPoll);
    }

    /**
     * Hands over an upload push event (from your push receiver). Wakes the matching wait, if
     * any; returns whether one matched.
     */
    public boolean onUploadEvent(UploadEvent event) {
        CompletableFuture<UploadEvent> f = waiting.get(event.sourceContext());
        return f != null && f.complete(event);
    }

    /**
     * Starts {@code request} and waits until its task is done, failed, or {@code timeout} passes.
     *
     * @return the media id
     * @throws PlatformException with the task's errcode when the pull failed
     * @throws DeadlineExceededException when the timeout passes first (the task may still finish later:
     *                          query it with the task id in the message)
     * @throws java.util.concurrent.CancellationException when the waiting thread is interrupted
     *                          (its interrupt flag is restored)
     */
    public MediaId pullAndWait(PullUpload request, Duration timeout) {
        PullUpload withContext = request;
        if (request.sourceContext().isEmpty()) {
            PullUpload.Builder b = PullUpload.builder().name(request.name()).mediaUrl(request.mediaUrl())
                    .sourceContext("minidrama-pull-" + UUID.randomUUID());
            request.coverUrl().ifPresent(b::coverUrl);
            withContext = b.build();
        }
        CompletableFuture<UploadEvent> event = new CompletableFuture<>();
        waiting.put(withContext.sourceContext(), event);
        try {
            TaskId task = port.pullUpload(withContext);
            return await(task, event, timeout);
        } finally {
            waiting.remove(withContext.sourceContext());
        }
    }

    /**
     * Waits for an already started task (polling only).
     *
     * @see #pullAndWait
     */
    public MediaId await(TaskId task, Duration timeout) {
        return await(task, new CompletableFuture<>(), timeout);
    }

    private MediaId await(TaskId task, CompletableFuture<UploadEvent> event, Duration timeout) {
        Instant deadline = clock.instant().plus(timeout);
        Duration delay = firstPoll;
        while (true) {
            Task t = port.getTask(task);
            if (t.status() == TaskStatus.DONE && t.mediaId().isPresent()) {
                return t.mediaId().get();
            }
            if (t.status() == TaskStatus.FAILED) {
                throw new PlatformException("pullupload", t.errcode(), "task " + task + " failed: " + t.errmsg(), PlatformException.NO_HTTP_STATUS);
            }
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                throw new DeadlineExceededException("pullupload task " + task, timeout, null);
            }
            Duration wait = delay.compareTo(left) < 0 ? delay : left;
            try {
                UploadEvent e = event.get(Math.max(1, wait.toMillis()), TimeUnit.MILLISECONDS);
                if (e.succeeded()) {
                    return e.mediaId().orElseThrow();
                }
                throw new PlatformException("pullupload", e.errcode(), "task " + task + " failed: " + e.errmsg(), PlatformException.NO_HTTP_STATUS);
            } catch (java.util.concurrent.TimeoutException ignored) {
                // No event yet: poll again.
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw new java.util.concurrent.CancellationException("interrupted while waiting for task " + task);
            } catch (ExecutionException ee) {
                throw FileUploadService.unwrap(ee.getCause());
            }
            delay = delay.multipliedBy(2).compareTo(maxPoll) > 0 ? maxPoll : delay.multipliedBy(2);
        }
    }
}
