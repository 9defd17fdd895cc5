package io.minidrama.adapter.redis;

import io.minidrama.testkit.AccessTokenPortContractTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The testkit's access-token contract, against a real Redis. */
class RedisAccessTokensContractTest extends AccessTokenPortContractTest {
    @RegisterExtension
    static final LocalRedis redis = new LocalRedis();

    private CountingSource source;
    private RedisAccessTokens tokens;

    @Override
    protected Subject createSubject() {
        redis.flush();
        source = new CountingSource(redis.client(), Clock.systemUTC(), Duration.ZERO);
        tokens = RedisAccessTokens.builder(redis.client(), "wx-contract", source).build();
        return new Subject(tokens, () -> (int) CountingSource.fetches(redis.raw()), Instant::now);
    }

    @AfterEach
    void close() {
        tokens.close();
        source.close();
    }
}
