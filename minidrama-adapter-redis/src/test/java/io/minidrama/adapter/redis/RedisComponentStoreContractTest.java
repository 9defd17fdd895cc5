package io.minidrama.adapter.redis;

import io.minidrama.port.component.ComponentStore;
import io.minidrama.testkit.ComponentStoreContractTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The testkit's component store contract, against a real Redis. */
class RedisComponentStoreContractTest extends ComponentStoreContractTest {
    @RegisterExtension
    static final LocalRedis redis = new LocalRedis();

    private RedisComponentStore store;

    @Override
    protected ComponentStore createStore() {
        redis.flush();
        store = RedisComponentStore.builder(redis.client()).clock(java.time.Clock.fixed(
                java.time.Instant.parse("2025-01-01T00:00:00Z"), java.time.ZoneOffset.UTC)).build();
        return store;
    }

    @AfterEach
    void close() {
        store.close();
    }
}
