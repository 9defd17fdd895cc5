package io.minidrama.testkit.apache;

import io.minidrama.port.PullUploadPort;
import io.minidrama.testkit.PullUploadPortContractTest;
import io.minidrama.testkit.ContractSubject;
import io.minidrama.testkit.jdkhttp.EmulatorSubjects;

/** The same suite as the JDK transport's: MiniDramaClient over Apache HttpClient 5 against the emulator (controlled over HTTP). */
class ApachePullUploadPortContractTest extends PullUploadPortContractTest {
    @Override
    protected ContractSubject<PullUploadPort> createSubject() {
        return EmulatorSubjects.overApache();
    }
}
