package io.minidrama.adapter.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisCommands;
import io.minidrama.domain.error.PlatformException;
import io.minidrama.domain.error.DeadlineExceededException;
import io.minidrama.domain.error.TransportException;
import io.minidrama.port.AccessToken;
import io.minidrama.port.AccessTokenSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RedisAccessTokensTest {
    private static final String APP = "wx0123456789abcdef";

    @RegisterExtension
    static final LocalRedis redis = new LocalRedis();

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private RedisClient client;
    private RedisCommands<String, String> raw;

    @BeforeEach
    void flush() {
        redis.flush();
        client = redis.client();
        raw = redis.raw();
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    private <T extends AutoCloseable> T closing(T c) {
        toClose.add(c);
        return c;
    }

    /** One instance of the fleet: its own connection, its own local cache. */
    private RedisAccessTokens instance(CountingSource source) {
        return closing(RedisAccessTokens.builder(client, APP, source).build());
    }

    private CountingSource source(Duration delay) {
        return closing(new CountingSource(client, Clock.systemUTC(), delay));
    }

    private long fetches() {
        return CountingSource.fetches(raw);
    }

    /** Like stable_token without force_refresh: hands back the same token until asked to replace it. */
    private static final class StickySource implements AccessTokenSource {
        final java.util.concurrent.atomic.AtomicInteger fetches = new java.util.concurrent.atomic.AtomicInteger();
        final java.util.concurrent.atomic.AtomicInteger replacements = new java.util.concurrent.atomic.AtomicInteger();
        volatile String current = "sticky-1";

        @Override
        public AccessToken fetch() {
            fetches.incrementAndGet();
            return new AccessToken(current, java.time.Instant.now().plusSeconds(7200));
        }

        @Override
        public AccessToken fetchReplacing(AccessToken rejected) {
            replacements.incrementAndGet();
            current = "sticky-" + (replacements.get() + 1);
            return new AccessToken(current, java.time.Instant.now().plusSeconds(7200));
        }
    }

    @Test
    void token_whenTheSourceHandsBackTheRejectedToken_anotherInstanceAsksForAReplacement() {
        StickySource source = new StickySource();
        RedisAccessTokens first = closing(RedisAccessTokens.builder(client, APP, source).localTtl(Duration.ZERO).build());
        RedisAccessTokens second = closing(RedisAccessTokens.builder(client, APP, source).localTtl(Duration.ZERO).build());
        AccessToken refused = first.token();

        first.invalidate(refused);
        AccessToken next = second.token();

        assertEquals("sticky-1", refused.value());
        assertEquals("sticky-2", next.value(), "the refused token must not come back");
        assertEquals(1, source.replacements.get());
        assertFalse(raw.keys("*").stream().anyMatch(k -> raw.type(k).equals("string") && "sticky-1".equals(raw.get(k))),
                "the refused token is remembered only as a digest");
    }

    @Test
    void token_afterAnInvalidationWhenTheSourceGivesANewToken_doesNotForceARefresh() {
        CountingSource source = source(Duration.ZERO);
        RedisAccessTokens tokens = closing(RedisAccessTokens.builder(client, APP, source).localTtl(Duration.ZERO).build());
        tokens.invalidate(tokens.token());

        assertEquals("tok-2", tokens.token().value());
        assertEquals(2, fetches());
    }

    @Test
    void token_whenSixteenThreadsOnEachOfTwoInstancesAskAtOnce_fetchesOnceAndAllShareIt() throws Exception {
        CountingSource source = source(Duration.ofMillis(200));
        List<RedisAccessTokens> instances = List.of(instance(source), instance(source));
        ExecutorService pool = Executors.newFixedThreadPool(32);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> got = new ArrayList<>();
        for (RedisAccessTokens tokens : instances) {
            for (int i = 0; i < 16; i++) {
                got.add(pool.submit(() -> {
                    go.await();
                    return tokens.token().value();
                }));
            }
        }
        go.countDown();
        Set<String> values = new HashSet<>();
        for (Future<String> f : got) {
            values.add(f.get(20, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertEquals(1, fetches(), "one fetch across 2 instances x 16 threads");
        assertEquals(Set.of("tok-1"), values);
        assertNull(raw.get(instances.get(0).lockKey()), "the lock is released");
    }

    @Test
    void token_whenTwoOtherJvmsAskAtTheSameTime_fetchesOnceAcrossProcesses() throws Exception {
        CountingSource source = source(Duration.ofMillis(300));
        RedisAccessTokens here = instance(source);
        List<Process> children = List.of(child("share"), child("share"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!"2".equals(raw.get("test:ready")) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals("2", raw.get("test:ready"), "both child JVMs started");

        raw.set("test:go", "1");
        String mine = here.token().value();
        Set<String> values = new HashSet<>(Set.of(mine));
        for (Process p : children) {
            values.add(tokenPrintedBy(p));
        }

        assertEquals(1, fetches(), "one fetch across 3 JVMs");
        assertEquals(Set.of("tok-1"), values);
    }

    @Test
    void token_whenAnInstanceIsKilledHoldingTheLock_othersGetATokenWithinTheLease() throws Exception {
        long leaseMillis = 1500;
        Process holder = child("hold", Long.toString(leaseMillis));
        BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("HOLDING", out.readLine(), "the child took the lock and is fetching");
        long lockTaken = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(leaseMillis - raw.pttl(lockKey()));
        holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        assertFalse(holder.isAlive());
        assertTrue(raw.exists(lockKey()) == 1, "the dead holder's lock is still there");

        AccessToken t = instance(source(Duration.ZERO)).token();
        long recoveredAfter = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lockTaken);

        assertEquals("tok-1", t.value());
        assertTrue(recoveredAfter <= leaseMillis + 1000, "token within lease + 1 s, took " + recoveredAfter + " ms");
        System.out.println("lease recovery: token " + recoveredAfter + " ms after the killed holder took a " + leaseMillis + " ms lease");
    }

    @Test
    void token_whenACrashedOwnersLockExpires_manyWaitersOnTwoInstancesStillFetchOnce() throws Exception {
        raw.set(lockKey(), "crashed-owner", SetArgs.Builder.nx().px(800));
        CountingSource source = source(Duration.ofMillis(100));
        List<RedisAccessTokens> instances = List.of(instance(source), instance(source));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        long t0 = System.nanoTime();
        List<Future<String>> got = new ArrayList<>();
        for (RedisAccessTokens tokens : instances) {
            for (int i = 0; i < 8; i++) {
                got.add(pool.submit(() -> tokens.token().value()));
            }
        }
        Set<String> values = new HashSet<>();
        for (Future<String> f : got) {
            values.add(f.get(20, TimeUnit.SECONDS));
        }
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        pool.shutdown();

        assertEquals(Set.of("tok-1"), values);
        assertEquals(1, fetches());
        assertTrue(took >= 700 && took < 800 + 1000, "waited for the lease, then one fetch; took " + took + " ms");
    }

    @Test
    void token_whenTheHolderOutlivesItsLease_theNewerTokenFetchedMeanwhileIsKeptAndShared() throws Exception {
        AtomicInteger n = new AtomicInteger();
        AccessTokenSource slowFirst = () -> {
            int i = n.incrementAndGet();
            if (i == 1) {
                sleep(900);
            }
            return new AccessToken("tok-" + i, Instant.now().plusSeconds(7200));
        };
        RedisAccessTokens a = closing(RedisAccessTokens.builder(client, APP, slowFirst).lockLease(Duration.ofMillis(300)).build());
        RedisAccessTokens b = closing(RedisAccessTokens.builder(client, APP, slowFirst).lockLease(Duration.ofMillis(300)).build());
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<AccessToken> slow = pool.submit(a::token);
        sleep(100);

        AccessToken fromB = b.token();
        AccessToken fromA = slow.get(10, TimeUnit.SECONDS);
        pool.shutdown();

        assertEquals("tok-2", fromB.value());
        assertEquals(fromB, fromA, "the late holder took the newer shared token instead of its own");
        assertEquals("tok-2", raw.get(a.tokenKey()).split("\\|")[2], "the late holder did not overwrite it");
        assertEquals(2, n.get());
    }

    @Test
    void token_whenLockHeldByACrashedOwnerAndWaitTimeoutShorterThanLease_failsWithTimeout() {
        raw.set(lockKey(), "crashed-owner", SetArgs.Builder.nx().px(5_000));
        RedisAccessTokens tokens = closing(RedisAccessTokens.builder(client, APP, source(Duration.ZERO))
                .waitTimeout(Duration.ofMillis(300)).build());

        DeadlineExceededException e = assertThrows(DeadlineExceededException.class, tokens::token);

        assertTrue(e.getCause().getMessage().contains(lockKey()), e.getCause().getMessage());
        assertEquals(0, fetches());
    }

    @Test
    void invalidate_whenAnotherInstanceAlreadyReplacedTheToken_keepsTheNewerToken() {
        CountingSource source = source(Duration.ZERO);
        RedisAccessTokens a = instance(source);
        RedisAccessTokens b = instance(source);
        AccessToken first = a.token();
        assertEquals(first, b.token());

        b.invalidate(first);
        AccessToken second = b.token();
        a.invalidate(first);
        AccessToken seenByA = a.token();

        assertEquals("tok-2", second.value());
        assertEquals(second, seenByA, "a's stale invalidation did not discard b's newer token");
        assertEquals(2, fetches());
    }

    @Test
    void invalidate_whenBothInstancesSeeTheSameRejection_fetchesOneNewTokenForBoth() {
        CountingSource source = source(Duration.ZERO);
        RedisAccessTokens a = instance(source);
        RedisAccessTokens b = instance(source);
        AccessToken first = a.token();
        b.token();

        a.invalidate(first);
        b.invalidate(first);

        assertNull(raw.get(a.tokenKey()), "the rejected shared token is gone");
        assertEquals(a.token(), b.token());
        assertEquals(2, fetches());
    }

    @Test
    void invalidate_whenTheRejectedTokenIsNotTheLocalOne_keepsTheLocalToken() {
        RedisAccessTokens a = instance(source(Duration.ZERO));
        AccessToken held = a.token();

        a.invalidate(new AccessToken("tok-old", Instant.now().plusSeconds(60)));

        assertEquals(held, a.token());
        assertEquals(held.value(), raw.get(a.tokenKey()).split("\\|")[2]);
        assertEquals(1, fetches());
    }

    @Test
    void token_afterTheLocalTtl_seesTheTokenAnotherInstanceStored() {
        MutableClock clock = new MutableClock(Instant.now());
        CountingSource source = closing(new CountingSource(client, clock, Duration.ZERO));
        RedisAccessTokens a = closing(RedisAccessTokens.builder(client, APP, source).clock(clock).localTtl(Duration.ofSeconds(30)).build());
        RedisAccessTokens b = closing(RedisAccessTokens.builder(client, APP, source).clock(clock).localTtl(Duration.ofSeconds(30)).build());
        AccessToken first = a.token();
        b.invalidate(b.token());
        AccessToken second = b.token();

        assertEquals(first, a.token(), "within the local TTL a keeps its own copy");
        clock.advance(Duration.ofSeconds(31));

        assertEquals(second, a.token());
        assertEquals(2, fetches());
    }

    @Test
    void token_whenSharedTokenIsWithinTheMargin_fetchesANewOne() {
        raw.set(lockKey().replace("token-lock", "token"), "p1|" + Instant.now().plusSeconds(60).toEpochMilli() + "|tok-almost-expired");
        RedisAccessTokens a = instance(source(Duration.ZERO));

        assertEquals("tok-1", a.token().value());
        assertEquals(1, fetches());
    }

    @Test
    void token_storesItWithATtlOfItsLifetimeMinusTheMarginAndNothingElseStays() {
        RedisAccessTokens a = instance(source(Duration.ZERO));

        a.token();

        long pttl = raw.pttl(a.tokenKey());
        assertTrue(pttl > 6_890_000 && pttl <= 6_900_000, "7200 s - 300 s margin, got " + pttl + " ms");
        assertEquals("minidrama:{" + APP + "}:token", a.tokenKey());
        assertEquals("minidrama:{" + APP + "}:token-lock", a.lockKey());
        assertEquals(Set.of(a.tokenKey(), CountingSource.COUNTER), Set.copyOf(raw.keys("*")));
    }

    @Test
    void token_withAnEncryptionKey_storesNoTokenInClearAndAnotherInstanceWithTheKeyReadsIt() {
        byte[] key = new byte[32];
        key[0] = 7;
        CountingSource source = source(Duration.ZERO);
        RedisAccessTokens a = closing(RedisAccessTokens.builder(client, APP, source).encryptionKey(key).build());
        RedisAccessTokens b = closing(RedisAccessTokens.builder(client, APP, source).encryptionKey(key).build());

        AccessToken t = a.token();

        String stored = raw.get(a.tokenKey());
        assertTrue(stored.startsWith("e1|"), stored);
        assertFalse(stored.contains(t.value()), "the token is not stored in clear");
        assertEquals(t, b.token());
        assertEquals(1, fetches());
        assertFalse(a.toString().contains(t.value()));
    }

    @Test
    void token_whenTheSourceFails_propagatesItReleasesTheLockAndTheNextCallFetchesAgain() {
        AtomicInteger calls = new AtomicInteger();
        AtomicReference<RuntimeException> fault = new AtomicReference<>(new PlatformException("stable_token", 40013, "invalid appid", 200));
        RedisAccessTokens a = closing(RedisAccessTokens.builder(client, APP, () -> {
            calls.incrementAndGet();
            RuntimeException f = fault.get();
            if (f != null) {
                throw f;
            }
            return new AccessToken("tok-ok", Instant.now().plusSeconds(7200));
        }).build());

        PlatformException e = assertThrows(PlatformException.class, a::token);
        assertEquals(40013, e.rawErrcode());
        assertEquals(0, raw.exists(a.lockKey()));

        fault.set(null);
        assertEquals("tok-ok", a.token().value());
        assertEquals(2, calls.get());
    }

    @Test
    void build_whenRedisIsUnreachable_failsWithATransportException() throws IOException {
        int unused;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            unused = s.getLocalPort();
        }
        RedisClient nowhere = RedisClient.create("redis://127.0.0.1:" + unused);
        try {
            TransportException e = assertThrows(TransportException.class,
                    () -> RedisAccessTokens.builder(nowhere, APP, () -> new AccessToken("x", Instant.MAX)).build());
            assertTrue(e.getMessage().contains("cannot connect to Redis"), e.getMessage());
        } finally {
            nowhere.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    @Test
    void builder_whenAppIdHasBraces_isRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RedisAccessTokens.builder(client, "wx{1}", () -> new AccessToken("x", Instant.MAX)));
        assertTrue(e.getMessage().contains("braces"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String lockKey() {
        return "minidrama:{" + APP + "}:token-lock";
    }

    private static Process child(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                TokenClientMain.class.getName(), args[0], Integer.toString(redis.port()), APP));
        cmd.addAll(List.of(args).subList(1, args.length));
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static String tokenPrintedBy(Process p) throws Exception {
        Callable<String> read = () -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("TOKEN ")) {
                        return line.substring(6);
                    }
                }
                return "<none>";
            }
        };
        ExecutorService one = Executors.newSingleThreadExecutor();
        try {
            String v = one.submit(read).get(30, TimeUnit.SECONDS);
            assertTrue(p.waitFor(10, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue());
            assertNotEquals("<none>", v);
            return v;
        } finally {
            one.shutdownNow();
            p.destroyForcibly();
        }
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
