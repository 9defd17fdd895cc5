package io.minidrama.adapter.redis.internal;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A Lua script run atomically by Redis: by its SHA-1 ({@code EVALSHA}), falling back to the
 * source ({@code EVAL}) when the server has not cached it yet (a restart, a failover,
 * {@code SCRIPT FLUSH}).
 */
public final class Script {

    /** {@code KEYS[1]}, {@code ARGV[1]}: deletes the key only if it still holds that value; 1 if deleted. */
    public static final Script COMPARE_AND_DELETE = new Script("""
            if redis.call('get', KEYS[1]) == ARGV[1] then
              return redis.call('del', KEYS[1])
            end
            return 0
            """);

    /**
     * {@code KEYS[1]} token, {@code KEYS[2]} lock, {@code ARGV[1]} lock owner, {@code ARGV[2]} the
     * encoded token, {@code ARGV[3]} its TTL in ms: stores the token and releases the lock only
     * if the caller still owns the lock; 1 if stored. A holder whose lease ran out must not
     * overwrite a token fetched after it (the classic endpoint revokes the older one).
     */
    public static final Script PUBLISH_TOKEN = new Script("""
            if redis.call('get', KEYS[2]) == ARGV[1] then
              redis.call('set', KEYS[1], ARGV[2], 'PX', ARGV[3])
              redis.call('del', KEYS[2])
              return 1
            end
            return 0
            """);

    /**
     * {@code KEYS[1]} the checkpoint hash, {@code ARGV[1]} TTL in ms, {@code ARGV[2..4]} upload id,
     * video size, cover size, then field/value pairs: merges into the stored hash when it holds
     * the same upload (parts stored by other savers stay; the new etag of a part wins), replaces
     * it otherwise, and renews the TTL.
     */
    public static final Script SAVE_CHECKPOINT = new Script("""
            local cur = redis.call('hmget', KEYS[1], 'upload_id', 'video_size', 'cover_size')
            if cur[1] ~= ARGV[2] or cur[2] ~= ARGV[3] or cur[3] ~= ARGV[4] then
              redis.call('del', KEYS[1])
            end
            redis.call('hdel', KEYS[1], 'cover_type')
            redis.call('hset', KEYS[1], unpack(ARGV, 5))
            redis.call('pexpire', KEYS[1], ARGV[1])
            return 1
            """);

    private final String source;
    private final String sha;

    /** A script of another class of this module. */
    public static Script of(String source) {
        return new Script(source);
    }

    private Script(String source) {
        this.source = source;
        try {
            this.sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by every Java platform", e);
        }
    }

    /** Runs the script and returns its integer reply. */
    public long run(RedisCommands<String, String> redis, String[] keys, String... args) {
        Long reply;
        try {
            reply = redis.evalsha(sha, ScriptOutputType.INTEGER, keys, args);
        } catch (RedisNoScriptException e) {
            reply = redis.eval(source, ScriptOutputType.INTEGER, keys, args);
        }
        return reply == null ? 0 : reply;
    }
}
