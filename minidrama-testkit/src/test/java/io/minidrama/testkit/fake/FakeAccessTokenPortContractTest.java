package io.minidrama.testkit.fake;

import io.minidrama.adapter.fake.InMemoryAccessTokens;
import io.minidrama.adapter.fake.MutableClock;
import io.minidrama.testkit.AccessTokenPortContractTest;

class FakeAccessTokenPortContractTest extends AccessTokenPortContractTest {
    @Override
    protected Subject createSubject() {
        MutableClock clock = MutableClock.create();
        InMemoryAccessTokens tokens = InMemoryAccessTokens.create(clock);
        return new Subject(tokens, tokens::fetches, clock::instant);
    }
}
