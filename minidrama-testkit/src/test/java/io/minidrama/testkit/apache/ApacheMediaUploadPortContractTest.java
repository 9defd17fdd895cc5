package io.minidrama.testkit.apache;

import io.minidrama.port.MediaUploadPort;
import io.minidrama.testkit.MediaUploadPortContractTest;
import io.minidrama.testkit.ContractSubject;
import io.minidrama.testkit.jdkhttp.EmulatorSubjects;

/** The same suite as the JDK transport's: MiniDramaClient over Apache HttpClient 5 against the emulator (controlled over HTTP). */
class ApacheMediaUploadPortContractTest extends MediaUploadPortContractTest {
    @Override
    protected ContractSubject<MediaUploadPort> createSubject() {
        return EmulatorSubjects.overApache();
    }
}
