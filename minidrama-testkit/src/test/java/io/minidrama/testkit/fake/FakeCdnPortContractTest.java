package io.minidrama.testkit.fake;

import io.minidrama.port.MiniDramaPlatform;
import io.minidrama.testkit.CdnPortContractTest;
import io.minidrama.testkit.ContractSubject;

class FakeCdnPortContractTest extends CdnPortContractTest {
    @Override
    protected ContractSubject<MiniDramaPlatform> createSubject() {
        return FakeSubjects.create();
    }
}
