package io.minidrama.testkit.component;

import io.minidrama.port.component.ComponentStore;
import io.minidrama.port.component.InMemoryComponentStore;
import io.minidrama.testkit.ComponentStoreContractTest;

class InMemoryComponentStoreContractTest extends ComponentStoreContractTest {
    @Override
    protected ComponentStore createStore() {
        return InMemoryComponentStore.create();
    }
}
