package io.minidrama.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.minidrama.port.upload.UploadListener;
import io.minidrama.port.upload.UploadProgress;

import java.util.Objects;

/**
 * Counts what one upload sends: the first progress (the resumed state) is the baseline; every
 * later one adds the bytes and parts finished since the previous one, and records the run's
 * throughput.
 */
final class UploadMeters implements UploadListener {
    private final Counter bytes;
    private final Counter parts;
    private final DistributionSummary throughput;
    private final UploadListener next;
    private long lastBytes = -1;
    private int lastParts;

    UploadMeters(MeterRegistry registry, UploadListener next) {
        Objects.requireNonNull(registry, "registry");
        this.next = Objects.requireNonNull(next, "next");
        this.bytes = Counter.builder(MiniDramaObservations.UPLOAD_BYTES).baseUnit("bytes")
                .description("Bytes of videos and covers confirmed by the platform").register(registry);
        this.parts = Counter.builder(MiniDramaObservations.UPLOAD_PARTS)
                .description("Upload parts (and single-file uploads) confirmed by the platform").register(registry);
        this.throughput = DistributionSummary.builder(MiniDramaObservations.UPLOAD_THROUGHPUT).baseUnit("bytes.per.second")
                .description("Throughput of an upload run so far, at each finished part").register(registry);
    }

    @Override
    public void onProgress(UploadProgress progress) {
        synchronized (this) {
            if (lastBytes < 0) {
                lastBytes = progress.bytesSent();
                lastParts = progress.partsDone();
            } else {
                long sent = progress.bytesSent() - lastBytes;
                int done = progress.partsDone() - lastParts;
                if (sent > 0) {
                    bytes.increment(sent);
                }
                if (done > 0) {
                    parts.increment(done);
                }
                lastBytes = Math.max(lastBytes, progress.bytesSent());
                lastParts = Math.max(lastParts, progress.partsDone());
                throughput.record(progress.bytesPerSecond());
            }
        }
        next.onProgress(progress);
    }
}
