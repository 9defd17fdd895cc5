package io.minidrama.adapter.fake;

import io.minidrama.port.UploadCheckpoint;
import io.minidrama.port.UploadCheckpointPort;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * An {@link UploadCheckpointPort} in memory, for tests of resumable uploads without a disk.
 *
 * <p>Thread-safe and atomic per key: concurrent saves of the same upload merge their recorded
 * parts (the later save's etag wins for a part both recorded); a save for a different upload id or
 * different sizes replaces the checkpoint. Never fails; nothing survives the process.
 */
public final class InMemoryUploadCheckpoints implements UploadCheckpointPort {
    private final ConcurrentMap<String, UploadCheckpoint> store = new ConcurrentHashMap<>();

    private InMemoryUploadCheckpoints() {
    }

    /** An empty store. */
    public static InMemoryUploadCheckpoints create() {
        return new InMemoryUploadCheckpoints();
    }

    @Override
    public Optional<UploadCheckpoint> load(String key) {
        return Optional.ofNullable(store.get(Objects.requireNonNull(key, "key")));
    }

    @Override
    public void save(UploadCheckpoint checkpoint) {
        Objects.requireNonNull(checkpoint, "checkpoint");
        store.merge(checkpoint.key(), checkpoint, (old, next) -> old.session().sameUpload(next.session())
                ? next.withSession(old.session().mergedWith(next.session()), next.updatedAt())
                : next);
    }

    @Override
    public void delete(String key) {
        store.remove(Objects.requireNonNull(key, "key"));
    }

    /** How many checkpoints are stored. */
    public int size() {
        return store.size();
    }
}
