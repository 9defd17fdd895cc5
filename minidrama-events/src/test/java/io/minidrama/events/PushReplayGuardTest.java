package io.minidrama.events;

import io.minidrama.domain.event.UploadEvent;
import io.minidrama.events.PushRejectedException.Reason;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import static io.minidrama.events.Vectors.AES_KEY;
import static io.minidrama.events.Vectors.APPID;
import static io.minidrama.events.Vectors.CLOCK;
import static io.minidrama.events.Vectors.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PushReplayGuardTest {
    private static final String MESSAGE = "<xml><ToUserName>gh_1</ToUserName><FromUserName>o1</FromUserName><CreateTime>1714036504</CreateTime>"
            + "<MsgType>event</MsgType><Event>secvod_upload_event</Event><upload_event><media_id>7</media_id>"
            + "<errcode>0</errcode></upload_event></xml>";

    private static PushEventSigner signer(PushMode mode) {
        PushEventSigner.Builder b = PushEventSigner.builder().token(TOKEN).mode(mode).clock(CLOCK);
        return (mode == PushMode.PLAIN ? b : b.encryption(AES_KEY, APPID)).build();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A clock the test moves by hand. */
    private static final class MovableClock extends Clock {
        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2025-01-01T00:00:00Z"));

        void advance(Duration d) {
            now.updateAndGet(i -> i.plus(d));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    @Test
    void inMemory_whenKeyIsRepeatedWithinItsTtl_reportsItSeenOnce() {
        PushReplayGuard guard = PushReplayGuard.inMemory();

        assertTrue(guard.firstSeen("push:aa", Duration.ofMinutes(10)));
        assertFalse(guard.firstSeen("push:aa", Duration.ofMinutes(10)));
        assertTrue(guard.firstSeen("push:bb", Duration.ofMinutes(10)));
    }

    @Test
    void inMemory_whenTtlHasPassed_forgetsTheKey() {
        MovableClock clock = new MovableClock();
        InMemoryPushReplayGuard guard = InMemoryPushReplayGuard.builder().clock(clock).build();
        assertTrue(guard.firstSeen("k", Duration.ofMinutes(10)));

        clock.advance(Duration.ofMinutes(9));
        assertFalse(guard.firstSeen("k", Duration.ofMinutes(10)));
        clock.advance(Duration.ofMinutes(1).plusMillis(1));
        assertTrue(guard.firstSeen("k", Duration.ofMinutes(10)));
    }

    @Test
    void inMemory_whenFloodedWithKeys_holdsAtMostMaxEntries() {
        InMemoryPushReplayGuard guard = InMemoryPushReplayGuard.builder().maxEntries(1_000).build();

        for (int i = 0; i < 200_000; i++) {
            guard.firstSeen("push:" + i, Duration.ofHours(1));
        }

        assertTrue(guard.size() <= 1_000, "size " + guard.size());
    }

    @Test
    void receiveOnce_whenTheSamePushArrivesTwice_deliversItOnceThenReportsADuplicate() {
        for (PushMode mode : PushMode.values()) {
            PushEventReceiver receiver = Vectors.receiverAllowingPlain().replayGuard(PushReplayGuard.inMemory()).build();
            SignedPush push = signer(mode).signMessage(MESSAGE);

            PushOutcome first = receiver.receiveOnce(push.queryParameters(), utf8(push.body()));
            PushOutcome second = receiver.receiveOnce(push.queryParameters(), push.body());

            PushOutcome.Delivered delivered = assertInstanceOf(PushOutcome.Delivered.class, first, mode.name());
            assertInstanceOf(UploadEvent.class, delivered.event());
            PushOutcome.Duplicate duplicate = assertInstanceOf(PushOutcome.Duplicate.class, second, mode.name());
            assertEquals(delivered.replayKey(), duplicate.replayKey());
        }
    }

    @Test
    void receiveOnce_whenAnotherPushArrives_deliversIt() {
        PushEventReceiver receiver = Vectors.receiver().replayGuard(PushReplayGuard.inMemory()).build();
        SignedPush one = signer(PushMode.SAFE).signMessage(MESSAGE);
        SignedPush retry = signer(PushMode.SAFE).signMessage(MESSAGE); // the platform's retry: a new nonce

        assertInstanceOf(PushOutcome.Delivered.class, receiver.receiveOnce(one.queryParameters(), one.body()));
        assertInstanceOf(PushOutcome.Delivered.class, receiver.receiveOnce(retry.queryParameters(), retry.body()));
    }

    @Test
    void receiveOnce_whenAPlainReplayCarriesAnotherBody_reportsADuplicate() {
        PushEventReceiver receiver = Vectors.receiverAllowingPlain().replayGuard(PushReplayGuard.inMemory()).build();
        SignedPush push = signer(PushMode.PLAIN).signMessage(MESSAGE);

        receiver.receiveOnce(push.queryParameters(), push.body());
        PushOutcome swapped = receiver.receiveOnce(push.queryParameters(), MESSAGE.replace("<media_id>7", "<media_id>8"));

        assertInstanceOf(PushOutcome.Duplicate.class, swapped);
    }

    @Test
    void receiveOnce_whenASafePushIsReplayedAsPlainWithoutItsMsgSignature_reportsADuplicate() {
        PushEventReceiver receiver = Vectors.receiverAllowingPlain().replayGuard(PushReplayGuard.inMemory()).build();
        SignedPush push = signer(PushMode.SAFE).signMessage(MESSAGE);
        receiver.receiveOnce(push.queryParameters(), push.body());
        Map<String, String> downgraded = new HashMap<>(push.queryParameters());
        downgraded.remove("msg_signature");
        downgraded.remove("encrypt_type");

        PushOutcome replay = receiver.receiveOnce(downgraded, MESSAGE.replace("<media_id>7", "<media_id>8"));

        assertInstanceOf(PushOutcome.Duplicate.class, replay);
    }

    @Test
    void receiveOnce_whenAForgeryCarriesAGenuineSignatureFirst_stillDeliversTheGenuinePush() {
        PushEventReceiver receiver = Vectors.receiver().replayGuard(PushReplayGuard.inMemory()).build();
        SignedPush genuine = signer(PushMode.SAFE).signMessage(MESSAGE);
        SignedPush other = signer(PushMode.SAFE).signMessage(MESSAGE);

        PushRejectedException forged = assertThrows(PushRejectedException.class,
                () -> receiver.receiveOnce(genuine.queryParameters(), other.body()));

        assertEquals(Reason.BAD_SIGNATURE, forged.reason());
        assertInstanceOf(PushOutcome.Delivered.class, receiver.receiveOnce(genuine.queryParameters(), genuine.body()));
    }

    @Test
    void receive_whenAGuardIsConfiguredAndThePushIsReplayed_refusesTheReplay() {
        PushEventReceiver receiver = Vectors.receiver().replayGuard(PushReplayGuard.inMemory()).build();
        SignedPush push = signer(PushMode.SAFE).signMessage(MESSAGE);

        receiver.receive(push.queryParameters(), push.body());
        PushRejectedException e = assertThrows(PushRejectedException.class, () -> receiver.receive(push.queryParameters(), push.body()));

        assertEquals(Reason.REPLAYED, e.reason());
    }

    @Test
    void receive_whenNoGuardIsConfigured_acceptsARepeatAsBefore() {
        PushEventReceiver receiver = Vectors.receiver().build();
        SignedPush push = signer(PushMode.SAFE).signMessage(MESSAGE);

        receiver.receive(push.queryParameters(), push.body());
        assertInstanceOf(UploadEvent.class, receiver.receive(push.queryParameters(), push.body()));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> receiver.receiveOnce(push.queryParameters(), push.body()));
        assertTrue(e.getMessage().contains("replayGuard"), e.getMessage());
    }

    @Test
    void receiveOnce_recordsTheKeyForTwiceTheTimestampWindow() {
        List<Duration> ttls = new ArrayList<>();
        PushReplayGuard recording = (key, ttl) -> ttls.add(ttl);
        PushEventReceiver receiver = Vectors.receiver().maxAge(Duration.ofMinutes(3)).replayGuard(recording).build();
        SignedPush push = signer(PushMode.SAFE).signMessage(MESSAGE);

        receiver.receiveOnce(push.queryParameters(), push.body());

        assertEquals(List.of(Duration.ofMinutes(6)), ttls);
    }

    @Test
    void receiveOnce_whenTwoThreadsDeliverTheSamePush_exactlyOneGetsIt() throws Exception {
        PushEventReceiver receiver = Vectors.receiverAllowingPlain().replayGuard(PushReplayGuard.inMemory()).build();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 300; round++) {
                SignedPush push = signer(round % 2 == 0 ? PushMode.SAFE : PushMode.PLAIN).signMessage(MESSAGE);
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<PushOutcome>> both = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    both.add(pool.submit(() -> {
                        start.await();
                        return receiver.receiveOnce(new HashMap<>(push.queryParameters()), push.body());
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
    void inMemory_whenTwoThreadsRaceThroughTheSameKeys_eachKeyIsFirstSeenExactlyOnce() throws Exception {
        PushReplayGuard guard = InMemoryPushReplayGuard.builder().maxEntries(300_000).build();
        int keys = 200_000;
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> firsts = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                firsts.add(pool.submit(() -> {
                    start.await();
                    int n = 0;
                    for (int i = 0; i < keys; i++) {
                        n += guard.firstSeen("push:" + i, Duration.ofMinutes(10)) ? 1 : 0;
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
    void toString_saysWhetherReplaysAreGuarded() {
        assertTrue(Vectors.receiver().replayGuard(PushReplayGuard.inMemory()).build().toString().contains("guardsReplays=true"));
    }
}
