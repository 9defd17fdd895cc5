package io.minidrama.port.upload;

/**
 * A snapshot of an upload's progress.
 *
 * @param bytesSent          bytes confirmed by the platform (parts finished, including parts
 *                           finished before a resume)
 * @param bytesTotal         bytes of the whole upload (video and cover)
 * @param partsDone          parts finished (1 for a finished single-file upload)
 * @param partsTotal         parts planned (1 for a single-file upload)
 * @param bytesPerSecond     throughput of this run so far (bytes sent by this run / elapsed)
 */
public record UploadProgress(long bytesSent, long bytesTotal, int partsDone, int partsTotal, double bytesPerSecond) {

    /** Fraction done, 0..1. */
    public double fraction() {
        return bytesTotal == 0 ? 1.0 : (double) bytesSent / bytesTotal;
    }
}
