/**
 * Access tokens, upload checkpoints, seen push events and third-party platform state shared by several instances through Redis, over Lettuce.
 *
 * <p>Entry points: {@link io.minidrama.adapter.redis.RedisAccessTokens#builder} (an
 * {@link io.minidrama.port.AccessTokenPort}),
 * {@link io.minidrama.adapter.redis.RedisUploadCheckpoints#builder} (an
 * {@link io.minidrama.port.UploadCheckpointPort}) and
 * {@link io.minidrama.adapter.redis.RedisPushReplayGuard#builder} (an
 * {@link io.minidrama.events.PushReplayGuard} for push events) and
 * {@link io.minidrama.adapter.redis.RedisComponentStore#builder} (a third-party platform's
 * {@link io.minidrama.port.component.ComponentStore}: tickets, refresh tokens, authorizer tokens).
 */
module io.minidrama.adapter.redis {
    requires transitive io.minidrama.port;
    requires transitive io.minidrama.events;
    // Lettuce has no module descriptor; its derived automatic name is lettuce.core. Builders take
    // its RedisClient, so callers read it too.
    requires transitive lettuce.core;
    // An automatic module requires nothing, so on the module path nothing would resolve the Netty
    // modules Lettuce loads (Netty 4.2 jars are explicit modules, unlike Lettuce, Reactor and
    // Reactive Streams, which are resolved with it): an application launched with `java -m` failed
    // with NoClassDefFoundError io/netty/channel/group/ChannelGroup. These are the Netty artifacts
    // lettuce-core depends on; their own dependencies (buffer, codec, resolver...) follow.
    requires io.netty.common;
    requires io.netty.transport;
    requires io.netty.handler;
    requires io.netty.resolver.dns;
    requires com.github.benmanes.caffeine;

    exports io.minidrama.adapter.redis;
}
