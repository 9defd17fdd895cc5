package io.minidrama.adapter.fake.internal;

import io.minidrama.domain.media.UploadLimits;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reuses the 5 MB arrays that hold parts waiting to be digested (a part that arrived before its
 * predecessor, or a part under the content cap), so a steady stream of uploads does not allocate
 * 5 MB per held part and the collector does not size the heap for that garbage. Only arrays of
 * exactly {@link UploadLimits#PART_SIZE} are pooled (every part but an upload's last has that
 * size); at most {@code maxFree} wait here. Thread-safe.
 */
final class PartBuffers {
    private final ConcurrentLinkedQueue<byte[]> free = new ConcurrentLinkedQueue<>();
    private final AtomicInteger freeCount = new AtomicInteger();
    private final int maxFree;

    PartBuffers(int maxFree) {
        this.maxFree = maxFree;
    }

    /** An array of exactly {@code size} bytes, reused when {@code size} is a full part's. */
    byte[] take(int size) {
        if (size == UploadLimits.PART_SIZE) {
            byte[] b = free.poll();
            if (b != null) {
                freeCount.decrementAndGet();
                return b;
            }
        }
        return new byte[size];
    }

    /** Gives back an array nobody references any more; kept for reuse while there is room. */
    void give(byte[] b) {
        if (b.length != UploadLimits.PART_SIZE) {
            return;
        }
        if (freeCount.incrementAndGet() <= maxFree) {
            free.add(b);
        } else {
            freeCount.decrementAndGet();
        }
    }

    /** Arrays waiting for reuse (for tests). */
    int free() {
        return freeCount.get();
    }
}
