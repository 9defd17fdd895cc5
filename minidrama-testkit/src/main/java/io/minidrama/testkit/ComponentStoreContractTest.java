package io.minidrama.testkit;

import io.minidrama.port.AccessToken;
import io.minidrama.port.component.AuthorizerGrant;
import io.minidrama.port.component.ComponentStore;
import io.minidrama.port.component.VerifyTicket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract of {@link ComponentStore}: the newest ticket wins whatever the arrival order; grants
 * (refresh tokens, permission sets, revocation) load back as saved and never expire; every key is
 * namespaced by component appid and authorizer appid; a token is removed only while it is the one
 * held; {@link ComponentStore#locked} excludes other holders of the same name and not of others.
 *
 * <p>Extend it and implement {@link #createStore()}; a fresh, empty store for every test.
 */
public abstract class ComponentStoreContractTest {
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    /** The store under test, set before each test. */
    protected ComponentStore store;

    /** A fresh, empty store. */
    protected abstract ComponentStore createStore();

    @BeforeEach
    final void openStore() {
        store = createStore();
    }

    @Test
    void ticket_newestWins_evenWhenAnOlderOneArrivesLater() {
        VerifyTicket newer = new VerifyTicket("ticket-2", T0.plusSeconds(600), T0.plusSeconds(601));
        VerifyTicket older = new VerifyTicket("ticket-1", T0, T0.plusSeconds(700));

        store.putTicket("wxc1", newer);
        store.putTicket("wxc1", older);

        assertEquals(newer, store.ticket("wxc1").orElseThrow());
        VerifyTicket newest = new VerifyTicket("ticket-3", T0.plusSeconds(1200), T0.plusSeconds(1201));
        store.putTicket("wxc1", newest);
        assertEquals(newest, store.ticket("wxc1").orElseThrow(), "a newer ticket replaces the one held");
    }

    @Test
    void tickets_areNamespacedByComponent() {
        store.putTicket("wxc1", new VerifyTicket("t-of-1", T0, T0));

        assertTrue(store.ticket("wxc2").isEmpty());
        assertEquals("t-of-1", store.ticket("wxc1").orElseThrow().value());
    }

    @Test
    void grant_loadsBackAsSaved_withSetsAndRevocation() {
        AuthorizerGrant g = AuthorizerGrant.of("refresh-1", Set.of(153, 157));
        store.putGrant("wxc1", "wxa", g);
        store.putGrant("wxc1", "wxb", AuthorizerGrant.of("refresh-b", Set.of(153)).revokedAt(T0));

        assertEquals(g, store.grant("wxc1", "wxa").orElseThrow());
        AuthorizerGrant b = store.grant("wxc1", "wxb").orElseThrow();
        assertTrue(b.revoked());
        assertEquals(T0, b.revokedAt().orElseThrow());
        assertEquals(Set.of(153), b.permissionSets());
        assertEquals(List.of("wxa", "wxb"), store.authorizers("wxc1").stream().sorted().toList());
    }

    @Test
    void grants_areNamespacedByComponentAndAuthorizer() {
        store.putGrant("wxc1", "wxa", AuthorizerGrant.of("r-c1-a", Set.of()));
        store.putGrant("wxc2", "wxa", AuthorizerGrant.of("r-c2-a", Set.of()));

        assertEquals("r-c1-a", store.grant("wxc1", "wxa").orElseThrow().refreshToken());
        assertEquals("r-c2-a", store.grant("wxc2", "wxa").orElseThrow().refreshToken());
        assertTrue(store.grant("wxc1", "wxb").isEmpty());
        assertEquals(List.of("wxa"), store.authorizers("wxc2"));
    }

    @Test
    void grant_writtenAgain_replacesTheRefreshToken() {
        store.putGrant("wxc1", "wxa", AuthorizerGrant.of("r1", Set.of(153)));
        store.putGrant("wxc1", "wxa", AuthorizerGrant.of("r2", Set.of(153)));

        assertEquals("r2", store.grant("wxc1", "wxa").orElseThrow().refreshToken());
    }

    @Test
    void authorizerToken_isRemovedOnlyWhileItIsTheOneHeld() {
        AccessToken old = new AccessToken("tok-old", T0.plusSeconds(7200));
        AccessToken fresh = new AccessToken("tok-new", T0.plusSeconds(9000));
        store.putAuthorizerToken("wxc1", "wxa", old);
        store.putAuthorizerToken("wxc1", "wxa", fresh);

        store.removeAuthorizerToken("wxc1", "wxa", old);
        assertEquals(fresh, store.authorizerToken("wxc1", "wxa").orElseThrow(), "a newer token must survive");

        store.removeAuthorizerToken("wxc1", "wxa", fresh);
        assertTrue(store.authorizerToken("wxc1", "wxa").isEmpty());
        assertTrue(store.authorizerToken("wxc2", "wxa").isEmpty());
    }

    @Test
    void componentToken_isRemovedOnlyWhileItIsTheOneHeld() {
        AccessToken old = new AccessToken("c-old", T0.plusSeconds(7200));
        AccessToken fresh = new AccessToken("c-new", T0.plusSeconds(9000));
        store.putComponentToken("wxc1", old);
        store.putComponentToken("wxc1", fresh);
        store.removeComponentToken("wxc1", old);

        assertEquals(fresh, store.componentToken("wxc1").orElseThrow());
        assertTrue(store.componentToken("wxc2").isEmpty());
        store.removeComponentToken("wxc1", fresh);
        assertTrue(store.componentToken("wxc1").isEmpty());
    }

    @Test
    void locked_excludesConcurrentHoldersOfTheSameName() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger maxInside = new AtomicInteger();
        int threads = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return store.locked("wxc1", "wxa", () -> {
                        int now = inside.incrementAndGet();
                        maxInside.accumulateAndGet(now, Math::max);
                        try {
                            Thread.sleep(5); // widen the window in which a second holder would be seen
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        inside.decrementAndGet();
                        return now;
                    });
                }));
            }
            start.countDown();
            for (Future<Integer> f : results) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, maxInside.get(), "two callers held the lock of one appid at once");
    }

    @Test
    void locked_ofDifferentNames_doNotExcludeEachOther() throws Exception {
        CountDownLatch bothInside = new CountDownLatch(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Boolean> a = pool.submit(() -> store.locked("wxc1", "wxa", () -> await(bothInside)));
            Future<Boolean> b = pool.submit(() -> store.locked("wxc1", "wxb", () -> await(bothInside)));
            assertTrue(a.get());
            assertTrue(b.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void locked_returnsTheResult_andReleasesOnFailure() {
        assertEquals("x", store.locked("wxc1", "wxa", () -> "x"));
        try {
            store.locked("wxc1", "wxa", () -> {
                throw new IllegalStateException("boom");
            });
        } catch (IllegalStateException expected) {
            // released below
        }
        assertEquals("y", store.locked("wxc1", "wxa", () -> "y"));
    }

    @Test
    void nothingIsHeld_inAFreshStore() {
        assertTrue(store.ticket("wxc1").isEmpty());
        assertTrue(store.componentToken("wxc1").isEmpty());
        assertTrue(store.grant("wxc1", "wxa").isEmpty());
        assertTrue(store.authorizers("wxc1").isEmpty());
        assertFalse(store.authorizerToken("wxc1", "wxa").isPresent());
    }

    private static boolean await(CountDownLatch latch) {
        latch.countDown();
        try {
            return latch.await(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
