package io.minidrama.port;

import java.util.Optional;

/**
 * Durable storage of {@link UploadCheckpoint}s, so an interrupted chunked upload can resume.
 *
 * <p>Contract:
 * <ul>
 *   <li>MUST be thread-safe; {@link #save} MAY be called concurrently for one key as parts
 *       finish, and the stored checkpoint MUST then hold every part recorded by any of the saves
 *       (a save never loses a part another save recorded), or the latest save when the upload id
 *       differs.</li>
 *   <li>{@link #save} MUST be atomic: a reader sees the old or the new checkpoint, never a mix
 *       or a torn write, even if the process dies mid-write.</li>
 *   <li>{@link #load} of an unknown key returns empty; {@link #delete} of an unknown key does
 *       nothing.</li>
 *   <li>Storage failures surface as {@link CheckpointStorageException}
 *       ({@link CheckpointStorageException#inStore}), never as a checked exception or an
 *       {@link java.io.UncheckedIOException}.</li>
 * </ul>
 */
public interface UploadCheckpointPort {

    /** The checkpoint stored under {@code key}, if any. */
    Optional<UploadCheckpoint> load(String key);

    /** Stores the checkpoint under its key, merging recorded parts for the same upload id. */
    void save(UploadCheckpoint checkpoint);

    /** Removes the checkpoint under {@code key}, if any. */
    void delete(String key);

    /**
     * Checks that a checkpoint under {@code key} can be saved now, leaving no checkpoint behind.
     * The upload service calls it before its first call to the platform, so a store that cannot
     * be written fails while nothing has been sent. The default does nothing (a store that cannot
     * tell in advance); a failing {@link #save} is then reported as an upload in progress.
     *
     * @throws CheckpointStorageException if it cannot be saved (nothing was sent)
     */
    default void checkWritable(String key) {
    }
}
