package io.minidrama.testkit.jdkhttp;

import io.minidrama.adapter.jdkhttp.JdkHttpMiniDramaAdapter;
import io.minidrama.testkit.ContractSubject;
import io.minidrama.testkit.DramaAuthorizationPortContractTest;

/** The same suite as the fake's, through the HTTP adapter against the emulator (controlled over HTTP). */
class JdkHttpDramaAuthorizationPortContractTest extends DramaAuthorizationPortContractTest<JdkHttpMiniDramaAdapter> {
    @Override
    protected ContractSubject<JdkHttpMiniDramaAdapter> createSubject() {
        return EmulatorSubjects.create();
    }
}
