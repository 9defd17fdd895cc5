package io.minidrama.testkit.apache;

import io.minidrama.port.MiniDramaPlatform;
import io.minidrama.testkit.ContractSubject;
import io.minidrama.testkit.RetryContractTest;
import io.minidrama.testkit.jdkhttp.EmulatorSubjects;

/** The same suite as the JDK transport's: MiniDramaClient over Apache HttpClient 5 against the emulator (controlled over HTTP). */
class ApacheRetryContractTest extends RetryContractTest {
    @Override
    protected ContractSubject<MiniDramaPlatform> createSubject() {
        return EmulatorSubjects.overApache();
    }
}
