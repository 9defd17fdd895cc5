package io.minidrama.testkit.jdkhttp;

import io.minidrama.port.DramaAuditPort;
import io.minidrama.testkit.DramaAuditPortContractTest;
import io.minidrama.testkit.ContractSubject;

/** The same suite as the fake's, through the HTTP adapter against the emulator (controlled over HTTP). */
class JdkHttpDramaAuditPortContractTest extends DramaAuditPortContractTest {
    @Override
    protected ContractSubject<DramaAuditPort> createSubject() {
        return EmulatorSubjects.create();
    }
}
