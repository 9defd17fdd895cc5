package io.minidrama.testkit.jdkhttp;

import io.minidrama.adapter.jdkhttp.JdkHttpMiniDramaAdapter;
import io.minidrama.testkit.ContractSubject;
import io.minidrama.testkit.DramaMaintenancePortContractTest;

/** The same suite as the fake's, through the HTTP adapter against the emulator (controlled over HTTP). */
class JdkHttpDramaMaintenancePortContractTest extends DramaMaintenancePortContractTest<JdkHttpMiniDramaAdapter> {
    @Override
    protected ContractSubject<JdkHttpMiniDramaAdapter> createSubject() {
        return EmulatorSubjects.create();
    }
}
