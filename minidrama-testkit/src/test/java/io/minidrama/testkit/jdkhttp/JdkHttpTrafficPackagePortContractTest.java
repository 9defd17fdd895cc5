package io.minidrama.testkit.jdkhttp;

import io.minidrama.port.TrafficPackagePort;
import io.minidrama.testkit.ContractSubject;
import io.minidrama.testkit.TrafficPackagePortContractTest;

/** The same suite as the fake's, through the HTTP adapter against the emulator (controlled over HTTP). */
class JdkHttpTrafficPackagePortContractTest extends TrafficPackagePortContractTest {
    @Override
    protected ContractSubject<TrafficPackagePort> createSubject() {
        return EmulatorSubjects.create();
    }
}
