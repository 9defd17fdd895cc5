package io.minidrama.testkit.fake;

import io.minidrama.adapter.fake.InMemoryMiniDramaPlatform;
import io.minidrama.testkit.ContractSubject;
import io.minidrama.testkit.DramaMaintenancePortContractTest;

class FakeDramaMaintenancePortContractTest extends DramaMaintenancePortContractTest<InMemoryMiniDramaPlatform> {
    @Override
    protected ContractSubject<InMemoryMiniDramaPlatform> createSubject() {
        return FakeSubjects.create();
    }
}
