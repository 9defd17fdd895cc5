package io.minidrama.testkit.fake;

import io.minidrama.port.MiniDramaPlatform;
import io.minidrama.testkit.MediaCatalogPortContractTest;
import io.minidrama.testkit.ContractSubject;

class FakeMediaCatalogPortContractTest extends MediaCatalogPortContractTest {
    @Override
    protected ContractSubject<MiniDramaPlatform> createSubject() {
        return FakeSubjects.create();
    }
}
