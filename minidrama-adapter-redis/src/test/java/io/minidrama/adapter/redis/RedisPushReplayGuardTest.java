package io.minidrama.adapter.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.sync.RedisCommands;
import io.minidrama.domain.error.TransportException;
import io.minidrama.events.PushEventReceiver;
import io.minidrama.events.PushEventSigner;
import io.minidrama.events.PushMode;
import io.minidrama.events.PushOutcome;
import io.minidrama.events.SignedPush;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RedisPushReplayGuardTest {
    private static final String TOKEN = "pushtoken";
    private static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private static final String APPID = "wxredis0000000001";
    private static final String MESSAGE = "<xml><ToUserName>gh_1</ToUserName><FromUserName>o1</FromUserName><CreateTime>1714036504</CreateTime>"
            + "<MsgType>event</MsgType><Event>secvod_upload_event</Event><upload_event><media_id>7</media_id></upload_event></xml>";

    @RegisterExtension
    static final LocalRedis redis = new LocalRedis();

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private RedisCommands<String, String> raw;

    @BeforeEach
    void flush() {
        redis.flush();
        raw = redis.raw();
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    private RedisPushReplayGuard guard() {
        RedisPushReplayGuard guard = RedisPushReplayGuard.builder(redis.client()).build();
        toClose.add(guard);
        return guard;
    }

    /** One instance of a fleet behind the push URL: its own receiver and its own Redis connection. */
    private PushEventReceiver instance() {
        return PushEventReceiver.builder().token(TOKEN).encryption(AES_KEY, APPID).replayGuard(guard()).build();
    }

    private static SignedPush push() {
        return PushEventSigner.builder().token(TOKEN).encryption(AES_KEY, APPID).mode(PushMode.SAFE).clock(Clock.systemUTC())
                .build().signMessage(MESSAGE);
    }

    @Test
    void firstSeen_whenKeyIsRepeated_isTrueOnceAndStoresItUnderTheNamespacedKeyWithItsTtl() {
        RedisPushReplayGuard guard = guard();

        assertTrue(guard.firstSeen("push:ab12", Duration.ofMinutes(10)));
        assertFalse(guard.firstSeen("push:ab12", Duration.ofMinutes(10)));

        assertEquals("minidrama:push-seen:push:ab12", guard.redisKey("push:ab12"));
        assertEquals("1", raw.get("minidrama:push-seen:push:ab12"));
        long ttl = raw.ttl("minidrama:push-seen:push:ab12");
        assertTrue(ttl > 590 && ttl <= 600, "ttl " + ttl);
    }

    @Test
    void firstSeen_roundsTheTtlUpToWholeSeconds() {
        guard().firstSeen("push:cd", Duration.ofMillis(1_500));

        assertEquals(2, raw.ttl("minidrama:push-seen:push:cd"));
    }

    @Test
    void firstSeen_whenTheKeyHasExpired_isTrueAgain() {
        RedisPushReplayGuard guard = guard();
        guard.firstSeen("push:ef", Duration.ofMinutes(10));

        raw.pexpire("minidrama:push-seen:push:ef", 1);
        while (raw.exists("minidrama:push-seen:push:ef") > 0) {
            Thread.onSpinWait();
        }

        assertTrue(guard.firstSeen("push:ef", Duration.ofMinutes(10)));
    }

    @Test
    void keyPrefix_namespacesTheKeys() {
        RedisPushReplayGuard guard = RedisPushReplayGuard.builder(redis.client()).keyPrefix("shop-a").build();
        toClose.add(guard);

        guard.firstSeen("push:01", Duration.ofMinutes(1));

        assertEquals(1, raw.exists("shop-a:push-seen:push:01"));
        assertTrue(guard().firstSeen("push:01", Duration.ofMinutes(1)), "another prefix is another namespace");
    }

    @Test
    void receiveOnce_whenTwoInstancesGetTheSamePush_deliversItOnce() {
        PushEventReceiver a = instance();
        PushEventReceiver b = instance();
        SignedPush push = push();

        PushOutcome first = a.receiveOnce(push.queryParameters(), push.body());
        PushOutcome second = b.receiveOnce(push.queryParameters(), push.body());

        assertInstanceOf(PushOutcome.Delivered.class, first);
        assertInstanceOf(PushOutcome.Duplicate.class, second);
        long ttl = raw.ttl(guard().redisKey(first.replayKey()));
        assertTrue(ttl > 590 && ttl <= 600, "twice the default 5-minute window, got " + ttl);
    }

    @Test
    void receiveOnce_whenTwoInstancesRaceOnEveryPush_exactlyOneDeliversEach() throws Exception {
        PushEventReceiver a = instance();
        PushEventReceiver b = instance();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 100; round++) {
                SignedPush push = push();
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<PushOutcome>> both = new ArrayList<>();
                for (PushEventReceiver instance : List.of(a, b)) {
                    both.add(pool.submit(() -> {
                        start.await();
                        return instance.receiveOnce(push.queryParameters(), push.body());
                    }));
                }
                int delivered = 0;
                for (Future<PushOutcome> f : both) {
                    delivered += f.get() instanceof PushOutcome.Delivered ? 1 : 0;
                }
                assertEquals(1, delivered, "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void firstSeen_whenTwoConnectionsRaceThroughTheSameKeys_eachKeyIsFirstSeenExactlyOnce() throws Exception {
        List<RedisPushReplayGuard> guards = List.of(guard(), guard());
        int keys = 5_000;
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> firsts = new ArrayList<>();
            for (RedisPushReplayGuard g : guards) {
                firsts.add(pool.submit(() -> {
                    start.await();
                    int n = 0;
                    for (int i = 0; i < keys; i++) {
                        n += g.firstSeen("push:" + i, Duration.ofMinutes(10)) ? 1 : 0;
                    }
                    return n;
                }));
            }
            assertEquals(keys, firsts.get(0).get() + firsts.get(1).get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void build_whenRedisIsUnreachable_throwsTransportException() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        RedisClient nowhere = RedisClient.create("redis://127.0.0.1:" + port);
        try {
            TransportException e = assertThrows(TransportException.class, () -> RedisPushReplayGuard.builder(nowhere).build());
            assertTrue(e.getMessage().contains("cannot connect to Redis"), e.getMessage());
        } finally {
            nowhere.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        }
    }
}
