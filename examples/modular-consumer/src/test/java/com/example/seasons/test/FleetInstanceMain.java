package com.example.seasons.test;

import com.example.seasons.SeasonPublisher;
import io.lettuce.core.RedisClient;
import io.minidrama.adapter.jdkhttp.JdkHttpTransport;
import io.minidrama.protocol.StableTokenSource;
import io.minidrama.adapter.redis.RedisAccessTokens;
import io.minidrama.domain.MediaId;

import java.net.URI;
import java.nio.file.Path;

/**
 * An application's main, launched by {@link ModularConsumerTest} as {@code java -m} so that only
 * the modules its root module reads (and their services) are resolved, as in production; Surefire
 * resolves the whole module path, which hides a missing {@code requires}. Two instances of the
 * consumer's service share one access token through Redis: the first uploads the episodes of a
 * folder, the second reads the first episode back. Prints {@code size=<bytes>}.
 *
 * <p>Arguments: Redis URI, the platform's base URL, the season folder, a working directory.
 */
public final class FleetInstanceMain {
    private FleetInstanceMain() {
    }

    public static void main(String[] args) {
        RedisClient redis = RedisClient.create(args[0]);
        URI platform = URI.create(args[1]);
        Path work = Path.of(args[3]);
        StableTokenSource source = StableTokenSource.builder("wx0123456789abcdef", "any-secret").baseUrl(platform)
                .transport(JdkHttpTransport.create()).build();
        try (RedisAccessTokens tokensA = RedisAccessTokens.builder(redis, "wx0123456789abcdef", source).build();
             RedisAccessTokens tokensB = RedisAccessTokens.builder(redis, "wx0123456789abcdef", source).build();
             SeasonPublisher a = new SeasonPublisher(platform, tokensA, work.resolve("checkpoints-a"));
             SeasonPublisher b = new SeasonPublisher(platform, tokensB, work.resolve("checkpoints-b"))) {
            MediaId first = a.uploadSeason("共享令牌", Path.of(args[2])).get(0);
            System.out.println("size=" + b.media(first).fileSize());
        } finally {
            redis.shutdown();
        }
    }
}
