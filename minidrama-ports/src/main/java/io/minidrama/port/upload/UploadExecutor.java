package io.minidrama.port.upload;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads of uploads, to share between several {@link FileUploadService}s (such as the
 * services of many mini programs, one per appid): at most {@link #maxParallelParts()} parts are in
 * flight across all of them, which bounds memory however many apps upload at once. Give it to
 * {@link FileUploadService.Builder#executor(UploadExecutor)}; a service built on it does not stop
 * these threads when closed: {@link #close()} does, for every service sharing it.
 *
 * <p>Thread-safe. Its threads are daemons named {@code minidrama-part-N} and
 * {@code minidrama-upload-N}.
 */
public final class UploadExecutor implements AutoCloseable {
    private final int maxParallelParts;
    private final ExecutorService parts;
    private final ExecutorService coordinator;

    private UploadExecutor(int maxParallelParts) {
        this.maxParallelParts = maxParallelParts;
        this.parts = Executors.newFixedThreadPool(maxParallelParts, daemon("minidrama-part-"));
        this.coordinator = Executors.newCachedThreadPool(daemon("minidrama-upload-"));
    }

    /**
     * Threads sending at most {@code maxParallelParts} parts at once.
     *
     * @throws IllegalArgumentException if {@code maxParallelParts} is under 1
     */
    public static UploadExecutor create(int maxParallelParts) {
        if (maxParallelParts < 1) {
            throw new IllegalArgumentException("maxParallelParts must be >= 1, got " + maxParallelParts);
        }
        return new UploadExecutor(maxParallelParts);
    }

    /** Parts in flight at most, across every service sharing this executor. */
    public int maxParallelParts() {
        return maxParallelParts;
    }

    ExecutorService parts() {
        return parts;
    }

    ExecutorService coordinator() {
        return coordinator;
    }

    /** Whether {@link #close()} was called. */
    public boolean isShutdown() {
        return parts.isShutdown();
    }

    /** Stops the threads: running uploads stop at their next part and keep their checkpoints. Idempotent. */
    @Override
    public void close() {
        parts.shutdownNow();
        coordinator.shutdownNow();
    }

    static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public String toString() {
        return "UploadExecutor[maxParallelParts=" + maxParallelParts + (isShutdown() ? ", closed" : "") + "]";
    }
}
