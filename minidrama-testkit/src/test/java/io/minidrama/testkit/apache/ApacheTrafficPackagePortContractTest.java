package io.minidrama.testkit.apache;

import io.minidrama.port.TrafficPackagePort;
import io.minidrama.testkit.ContractSubject;
import io.minidrama.testkit.TrafficPackagePortContractTest;
import io.minidrama.testkit.jdkhttp.EmulatorSubjects;

/** The same suite as the JDK transport's: MiniDramaClient over Apache HttpClient 5 against the emulator (controlled over HTTP). */
class ApacheTrafficPackagePortContractTest extends TrafficPackagePortContractTest {
    @Override
    protected ContractSubject<TrafficPackagePort> createSubject() {
        return EmulatorSubjects.overApache();
    }
}
