package io.minidrama.testkit.fake;

import io.minidrama.port.PullUploadPort;
import io.minidrama.testkit.PullUploadPortContractTest;
import io.minidrama.testkit.ContractSubject;

class FakePullUploadPortContractTest extends PullUploadPortContractTest {
    @Override
    protected ContractSubject<PullUploadPort> createSubject() {
        return FakeSubjects.create();
    }
}
