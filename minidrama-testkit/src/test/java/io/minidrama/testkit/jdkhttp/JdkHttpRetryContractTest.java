package io.minidrama.testkit.jdkhttp;

import io.minidrama.port.MiniDramaPlatform;
import io.minidrama.testkit.ContractSubject;
import io.minidrama.testkit.RetryContractTest;

/** The HTTP adapter at its default retries, against the emulator (faults injected over its control API). */
class JdkHttpRetryContractTest extends RetryContractTest {
    @Override
    protected ContractSubject<MiniDramaPlatform> createSubject() {
        return EmulatorSubjects.create();
    }
}
