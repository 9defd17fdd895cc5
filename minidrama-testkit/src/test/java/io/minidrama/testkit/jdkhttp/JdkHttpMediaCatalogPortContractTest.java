package io.minidrama.testkit.jdkhttp;

import io.minidrama.port.MiniDramaPlatform;
import io.minidrama.testkit.MediaCatalogPortContractTest;
import io.minidrama.testkit.ContractSubject;

/** The same suite as the fake's, through the HTTP adapter against the emulator (controlled over HTTP). */
class JdkHttpMediaCatalogPortContractTest extends MediaCatalogPortContractTest {
    @Override
    protected ContractSubject<MiniDramaPlatform> createSubject() {
        return EmulatorSubjects.create();
    }
}
