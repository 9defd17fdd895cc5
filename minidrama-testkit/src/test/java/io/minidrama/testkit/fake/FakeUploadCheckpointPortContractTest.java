package io.minidrama.testkit.fake;

import io.minidrama.adapter.fake.InMemoryUploadCheckpoints;
import io.minidrama.port.UploadCheckpointPort;
import io.minidrama.testkit.UploadCheckpointPortContractTest;

class FakeUploadCheckpointPortContractTest extends UploadCheckpointPortContractTest {
    @Override
    protected UploadCheckpointPort createPort() {
        return InMemoryUploadCheckpoints.create();
    }
}
