package io.minidrama.testkit.jdkhttp;

import io.minidrama.port.PullUploadPort;
import io.minidrama.testkit.PullUploadPortContractTest;
import io.minidrama.testkit.ContractSubject;

/** The same suite as the fake's, through the HTTP adapter against the emulator (controlled over HTTP). */
class JdkHttpPullUploadPortContractTest extends PullUploadPortContractTest {
    @Override
    protected ContractSubject<PullUploadPort> createSubject() {
        return EmulatorSubjects.create();
    }
}
