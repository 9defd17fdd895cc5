package io.minidrama.testkit;

import io.minidrama.port.AccessToken;
import io.minidrama.port.AccessTokenPort;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract of {@link AccessTokenPort}: a token valid now; cached, so repeated and concurrent
 * cold calls fetch once; {@link AccessTokenPort#invalidate} of the held token makes the next call
 * fetch again (the source may answer the same value, as {@code stable_token} does), while invalidating a stale token keeps the newer one.
 *
 * <p>Extend it and implement {@link #createSubject()}: the port, how many fetches its token
 * source has answered, and the clock its tokens expire by.
 */
public abstract class AccessTokenPortContractTest {
    /**
     * The port under test and what the suite observes of it.
     *
     * @param port    the port
     * @param fetches how many tokens its source has handed out so far
     * @param now     the current time, as the token source sees it
     */
    protected record Subject(AccessTokenPort port, IntSupplier fetches, Supplier<Instant> now) {
        public Subject {
            Objects.requireNonNull(port, "port");
            Objects.requireNonNull(fetches, "fetches");
            Objects.requireNonNull(now, "now");
        }
    }

    private Subject subject;

    /** A fresh port over a fresh token source. */
    protected abstract Subject createSubject();

    @BeforeEach
    final void openSubject() {
        subject = createSubject();
    }

    @Test
    void token_isValidNow() {
        AccessToken t = subject.port().token();

        assertTrue(t.validAt(subject.now().get(), Duration.ZERO));
        assertTrue(!t.value().isBlank());
    }

    @Test
    void token_calledAgain_reusesTheHeldToken() {
        AccessToken first = subject.port().token();

        assertEquals(first, subject.port().token());
        assertEquals(1, subject.fetches().getAsInt());
    }

    @Test
    void token_fromManyThreadsOnAColdCache_fetchesOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<AccessToken>> all = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                all.add(pool.submit(() -> {
                    go.await();
                    return subject.port().token();
                }));
            }
            go.countDown();
            AccessToken first = all.get(0).get();
            for (Future<AccessToken> f : all) {
                assertEquals(first, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, subject.fetches().getAsInt());
    }

    @Test
    void invalidate_ofTheHeldToken_makesTheNextCallFetchANewOne() {
        AccessToken first = subject.port().token();

        subject.port().invalidate(first);

        AccessToken second = subject.port().token();
        assertTrue(second.validAt(subject.now().get(), Duration.ZERO));
        assertEquals(2, subject.fetches().getAsInt(), "the invalidated token is not reused from the cache");
    }

    @Test
    void invalidate_ofAStaleToken_keepsTheNewerOne() {
        AccessToken first = subject.port().token();
        subject.port().invalidate(first);
        AccessToken second = subject.port().token();

        subject.port().invalidate(first);

        assertEquals(second, subject.port().token());
        assertEquals(2, subject.fetches().getAsInt());
    }
}
