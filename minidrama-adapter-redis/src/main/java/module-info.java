/**
 * Access tokens, upload checkpoints and seen push events shared by several instances through Redis, over Lettuce.
 *
 * <p>Entry points: {@link io.minidrama.adapter.redis.RedisAccessTokens#builder} (an
 * {@link io.minidrama.port.AccessTokenPort}),
 * {@link io.minidrama.adapter.redis.RedisUploadCheckpoints#builder} (an
 * {@link io.minidrama.port.UploadCheckpointPort}) and
 * {@link io.minidrama.adapter.redis.RedisPushReplayGuard#builder} (an
 * {@link io.minidrama.events.PushReplayGuard} for push events).
 */
module io.minidrama.adapter.redis {
    requires transitive io.minidrama.port;
    requires transitive io.minidrama.events;
    // Lettuce has no module descriptor; its derived automatic name is lettuce.core. Builders take
    // its RedisClient, so callers read it too.
    requires transitive lettuce.core;
    requires com.github.benmanes.caffeine;

    exports io.minidrama.adapter.redis;
}
