package io.minidrama.testkit.fake;

import io.minidrama.port.MiniDramaPlatform;
import io.minidrama.testkit.ContractSubject;
import io.minidrama.testkit.RetryContractTest;

/** The fake at its default retry policy. */
class FakeRetryContractTest extends RetryContractTest {
    @Override
    protected ContractSubject<MiniDramaPlatform> createSubject() {
        return FakeSubjects.create();
    }
}
