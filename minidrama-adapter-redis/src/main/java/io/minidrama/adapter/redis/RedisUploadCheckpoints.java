package io.minidrama.adapter.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.minidrama.adapter.redis.internal.CheckpointCodec;
import io.minidrama.adapter.redis.internal.Hashing;
import io.minidrama.adapter.redis.internal.Script;
import io.minidrama.port.CheckpointStorageException;
import io.minidrama.port.UploadCheckpoint;
import io.minidrama.port.UploadCheckpointPort;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@link UploadCheckpointPort} in Redis, so an upload begun by one worker can be resumed by
 * any other: one hash per checkpoint under {@code <prefix>:checkpoint:<sha256(key)>}.
 *
 * <p>The hash holds the checkpoint's fields (file identity, apply request, upload id and sizes,
 * {@code updated_at}) and one field {@code part:<resource_type>:<part_number>} per recorded part,
 * its value the etag. {@link #save} runs one Lua script, so it is atomic: when the stored hash
 * holds the same upload (same upload id and sizes) it adds the new parts and overwrites the meta
 * fields, keeping every part other savers recorded; otherwise it replaces the hash. Either way it
 * renews the TTL (default 7 days), so an abandoned upload's checkpoint expires on its own — set
 * it no longer than the platform keeps an upload id open.
 *
 * <p>Thread-safe. An unreadable hash (foreign or hand-edited) loads as empty, so the upload starts
 * over. Redis failures surface as {@link CheckpointStorageException}. Close it to close its connection
 * (the {@link RedisClient} stays open).
 */
public final class RedisUploadCheckpoints implements UploadCheckpointPort, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(RedisUploadCheckpoints.class.getName());

    /** Default time an untouched checkpoint lives. */
    public static final Duration DEFAULT_TTL = Duration.ofDays(7);

    private final String prefix;
    private final Duration ttl;
    private final StatefulRedisConnection<String, String> connection;
    private final RedisCommands<String, String> redis;

    private RedisUploadCheckpoints(Builder b) {
        this.prefix = b.prefix;
        this.ttl = b.ttl;
        try {
            this.connection = b.client.connect();
        } catch (RedisException e) {
            throw CheckpointStorageException.inStore("connect to Redis for upload checkpoints", e);
        }
        this.redis = connection.sync();
    }

    /** A builder storing checkpoints through {@code client}. */
    public static Builder builder(RedisClient client) {
        return new Builder(client);
    }

    /** The Redis key of the checkpoint stored under {@code key}. */
    public String redisKey(String key) {
        return prefix + ":checkpoint:" + Hashing.sha256Hex(Objects.requireNonNull(key, "key"));
    }

    @Override
    public Optional<UploadCheckpoint> load(String key) {
        String rk = redisKey(key);
        Map<String, String> fields;
        try {
            fields = redis.hgetall(rk);
        } catch (RedisException e) {
            throw failure("read", key, e);
        }
        if (fields == null || fields.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(CheckpointCodec.decode(fields));
        } catch (RuntimeException e) {
            // Saves are atomic, so this is a foreign or hand-edited hash: starting over is safe.
            LOG.log(System.Logger.Level.WARNING, "ignoring unreadable upload checkpoint " + rk + ": " + e);
            return Optional.empty();
        }
    }

    @Override
    public void save(UploadCheckpoint checkpoint) {
        Objects.requireNonNull(checkpoint, "checkpoint");
        Map<String, String> fields = CheckpointCodec.encode(checkpoint);
        List<String> args = new ArrayList<>(4 + 2 * fields.size());
        args.add(Long.toString(ttl.toMillis()));
        args.add(fields.get(CheckpointCodec.UPLOAD_ID));
        args.add(fields.get(CheckpointCodec.VIDEO_SIZE));
        args.add(fields.get(CheckpointCodec.COVER_SIZE));
        fields.forEach((k, v) -> {
            args.add(k);
            args.add(v);
        });
        try {
            Script.SAVE_CHECKPOINT.run(redis, new String[] {redisKey(checkpoint.key())}, args.toArray(String[]::new));
        } catch (RedisException e) {
            throw failure("save", checkpoint.key(), e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            redis.del(redisKey(key));
        } catch (RedisException e) {
            throw failure("delete", key, e);
        }
    }

    /**
     * Sets and deletes a short-lived probe key next to the checkpoint's.
     *
     * @throws CheckpointStorageException if Redis refuses or cannot be reached (nothing was sent)
     */
    @Override
    public void checkWritable(String key) {
        String probe = redisKey(key) + ":probe";
        try {
            redis.set(probe, "1", io.lettuce.core.SetArgs.Builder.px(60_000));
            redis.del(probe);
        } catch (RedisException e) {
            throw CheckpointStorageException.beforeSending("Redis (" + probe + ")", e);
        }
    }

    private CheckpointStorageException failure(String what, String key, RedisException e) {
        return CheckpointStorageException.inStore(what + " the upload checkpoint of " + key + " in Redis (" + redisKey(key) + ")", e);
    }

    /** Closes this instance's Redis connection. */
    @Override
    public void close() {
        connection.close();
    }

    @Override
    public String toString() {
        return "RedisUploadCheckpoints[prefix=" + prefix + ", ttl=" + ttl + "]";
    }

    /**
     * Builder of {@link RedisUploadCheckpoints}.
     *
     * <p>Configuration, not request data: a {@code null} argument to a setter throws
     * {@link NullPointerException} at once (a programming error; request builders such as
     * {@code FirstSubmission.Builder} report a {@code null} at {@code build()} instead).
     */
    public static final class Builder {
        private final RedisClient client;
        private String prefix = RedisAccessTokens.DEFAULT_PREFIX;
        private Duration ttl = DEFAULT_TTL;

        private Builder(RedisClient client) {
            this.client = Objects.requireNonNull(client, "client");
        }

        /** The first segment of every key (default {@code minidrama}). */
        public Builder keyPrefix(String prefix) {
            Objects.requireNonNull(prefix, "prefix");
            if (prefix.isBlank()) {
                throw new IllegalArgumentException("the key prefix must not be blank");
            }
            this.prefix = prefix;
            return this;
        }

        /** How long a checkpoint lives after its last save (default 7 days; at least 1 s). */
        public Builder ttl(Duration ttl) {
            Objects.requireNonNull(ttl, "ttl");
            if (ttl.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("ttl must be at least 1 s, got " + ttl);
            }
            this.ttl = ttl;
            return this;
        }

        /**
         * Connects and builds.
         *
         * @throws CheckpointStorageException if Redis cannot be reached
         */
        public RedisUploadCheckpoints build() {
            return new RedisUploadCheckpoints(this);
        }
    }
}
