package io.minidrama.testkit.fake;

import io.minidrama.port.TrafficPackagePort;
import io.minidrama.testkit.ContractSubject;
import io.minidrama.testkit.TrafficPackagePortContractTest;

class FakeTrafficPackagePortContractTest extends TrafficPackagePortContractTest {
    @Override
    protected ContractSubject<TrafficPackagePort> createSubject() {
        return FakeSubjects.create();
    }
}
