package io.minidrama.testkit.fake;

import io.minidrama.port.DramaAuditPort;
import io.minidrama.testkit.DramaAuditPortContractTest;
import io.minidrama.testkit.ContractSubject;

class FakeDramaAuditPortContractTest extends DramaAuditPortContractTest {
    @Override
    protected ContractSubject<DramaAuditPort> createSubject() {
        return FakeSubjects.create();
    }
}
