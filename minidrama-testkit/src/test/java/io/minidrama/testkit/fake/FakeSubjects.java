package io.minidrama.testkit.fake;

import io.minidrama.adapter.fake.InMemoryMiniDramaPlatform;
import io.minidrama.adapter.fake.MutableClock;
import io.minidrama.testkit.ContractSubject;
import io.minidrama.testkit.PlatformControl;

final class FakeSubjects {
    private FakeSubjects() {
    }

    static <P> ContractSubject<P> create() {
        InMemoryMiniDramaPlatform platform = InMemoryMiniDramaPlatform.builder().clock(MutableClock.create()).build();
        @SuppressWarnings("unchecked")
        P port = (P) platform;
        return ContractSubject.of(port, PlatformControl.of(platform));
    }
}
