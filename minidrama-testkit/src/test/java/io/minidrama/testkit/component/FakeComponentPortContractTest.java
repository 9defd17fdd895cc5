package io.minidrama.testkit.component;

import io.minidrama.adapter.fake.InMemoryComponentPlatform;
import io.minidrama.adapter.fake.MutableClock;
import io.minidrama.testkit.ComponentPortContractTest;

class FakeComponentPortContractTest extends ComponentPortContractTest {
    @Override
    protected Subject createSubject() {
        MutableClock clock = MutableClock.create();
        InMemoryComponentPlatform platform = InMemoryComponentPlatform.builder(COMPONENT, SECRET).clock(clock).build();
        return new Subject(platform, platform, clock);
    }
}
