package io.minidrama.testkit.apache;

import io.minidrama.port.DramaAuditPort;
import io.minidrama.testkit.DramaAuditPortContractTest;
import io.minidrama.testkit.ContractSubject;
import io.minidrama.testkit.jdkhttp.EmulatorSubjects;

/** The same suite as the JDK transport's: MiniDramaClient over Apache HttpClient 5 against the emulator (controlled over HTTP). */
class ApacheDramaAuditPortContractTest extends DramaAuditPortContractTest {
    @Override
    protected ContractSubject<DramaAuditPort> createSubject() {
        return EmulatorSubjects.overApache();
    }
}
