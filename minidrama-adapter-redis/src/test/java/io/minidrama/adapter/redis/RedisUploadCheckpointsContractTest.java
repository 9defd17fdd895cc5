package io.minidrama.adapter.redis;

import io.minidrama.port.UploadCheckpointPort;
import io.minidrama.testkit.UploadCheckpointPortContractTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The testkit's checkpoint contract, against a real Redis. */
class RedisUploadCheckpointsContractTest extends UploadCheckpointPortContractTest {
    @RegisterExtension
    static final LocalRedis redis = new LocalRedis();

    private RedisUploadCheckpoints store;

    @Override
    protected UploadCheckpointPort createPort() {
        redis.flush();
        store = RedisUploadCheckpoints.builder(redis.client()).build();
        return store;
    }

    @AfterEach
    void close() {
        store.close();
    }
}
