package io.minidrama.testkit.fake;

import io.minidrama.adapter.fake.InMemoryMiniDramaPlatform;
import io.minidrama.testkit.ContractSubject;
import io.minidrama.testkit.DramaAuthorizationPortContractTest;

class FakeDramaAuthorizationPortContractTest extends DramaAuthorizationPortContractTest<InMemoryMiniDramaPlatform> {
    @Override
    protected ContractSubject<InMemoryMiniDramaPlatform> createSubject() {
        return FakeSubjects.create();
    }
}
