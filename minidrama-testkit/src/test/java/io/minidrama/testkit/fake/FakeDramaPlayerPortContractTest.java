package io.minidrama.testkit.fake;

import io.minidrama.adapter.fake.InMemoryMiniDramaPlatform;
import io.minidrama.adapter.fake.MutableClock;
import io.minidrama.testkit.ContractSubject;
import io.minidrama.testkit.DramaPlayerControl;
import io.minidrama.testkit.DramaPlayerPortContractTest;
import io.minidrama.testkit.PlatformControl;

class FakeDramaPlayerPortContractTest extends DramaPlayerPortContractTest<InMemoryMiniDramaPlatform> {
    private InMemoryMiniDramaPlatform platform;

    @Override
    protected ContractSubject<InMemoryMiniDramaPlatform> createSubject() {
        platform = InMemoryMiniDramaPlatform.builder().clock(MutableClock.create()).build();
        return ContractSubject.of(platform, PlatformControl.of(platform));
    }

    @Override
    protected DramaPlayerControl playerControl() {
        return DramaPlayerControl.of(platform);
    }
}
