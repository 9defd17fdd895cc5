package io.minidrama.testkit.fake;

import io.minidrama.port.MediaUploadPort;
import io.minidrama.testkit.MediaUploadPortContractTest;
import io.minidrama.testkit.ContractSubject;

class FakeMediaUploadPortContractTest extends MediaUploadPortContractTest {
    @Override
    protected ContractSubject<MediaUploadPort> createSubject() {
        return FakeSubjects.create();
    }
}
