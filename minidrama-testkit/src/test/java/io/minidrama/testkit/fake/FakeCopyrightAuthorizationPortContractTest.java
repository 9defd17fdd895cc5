package io.minidrama.testkit.fake;

import io.minidrama.adapter.fake.InMemoryMiniDramaPlatform;
import io.minidrama.testkit.ContractSubject;
import io.minidrama.testkit.CopyrightAuthorizationPortContractTest;

class FakeCopyrightAuthorizationPortContractTest extends CopyrightAuthorizationPortContractTest<InMemoryMiniDramaPlatform> {
    @Override
    protected ContractSubject<InMemoryMiniDramaPlatform> createSubject() {
        return FakeSubjects.create();
    }
}
