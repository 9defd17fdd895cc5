package io.minidrama.testkit.jdkhttp;

import io.minidrama.port.MediaUploadPort;
import io.minidrama.testkit.MediaUploadPortContractTest;
import io.minidrama.testkit.ContractSubject;

/** The same suite as the fake's, through the HTTP adapter against the emulator (controlled over HTTP). */
class JdkHttpMediaUploadPortContractTest extends MediaUploadPortContractTest {
    @Override
    protected ContractSubject<MediaUploadPort> createSubject() {
        return EmulatorSubjects.create();
    }
}
