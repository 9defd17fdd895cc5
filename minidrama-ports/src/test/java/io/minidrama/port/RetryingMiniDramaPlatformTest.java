package io.minidrama.port;

import io.minidrama.domain.MediaId;
import io.minidrama.domain.UploadId;
import io.minidrama.domain.error.PlatformException;
import io.minidrama.domain.error.TransportException;
import io.minidrama.domain.media.CommitUpload;
import io.minidrama.domain.media.Media;
import io.minidrama.domain.media.MediaQuery;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RetryingMiniDramaPlatformTest {

    /** A small platform that answers three operations from a script of failures, then succeeds. */
    private static final class ScriptedPlatform extends ForwardingMiniDramaPlatform {
        final Map<PlatformOperation, Deque<RuntimeException>> failures = new java.util.HashMap<>();
        final List<PlatformOperation> calls = new ArrayList<>();
        final List<Media> media = List.of();

        ScriptedPlatform fail(PlatformOperation op, RuntimeException... next) {
            failures.computeIfAbsent(op, k -> new ArrayDeque<>()).addAll(List.of(next));
            return this;
        }

        private void answer(PlatformOperation op) {
            calls.add(op);
            RuntimeException next = failures.getOrDefault(op, new ArrayDeque<>()).poll();
            if (next != null) {
                throw next;
            }
        }

        @Override
        protected MiniDramaPlatform delegate() {
            throw new UnsupportedOperationException("not scripted");
        }

        @Override
        public List<Media> listMedia(MediaQuery query) {
            answer(PlatformOperation.LIST_MEDIA);
            return media;
        }

        @Override
        public MediaId commitUpload(CommitUpload request) {
            answer(PlatformOperation.COMMIT_UPLOAD);
            return MediaId.of(42);
        }

        @Override
        public void deleteMedia(MediaId mediaId) {
            answer(PlatformOperation.DELETE_MEDIA);
        }
    }

    /** A clock that only the sleeper moves. */
    private static final class SleptClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        final List<Duration> sleeps = new ArrayList<>();

        void sleep(Duration d) {
            sleeps.add(d);
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ScriptedPlatform scripted = new ScriptedPlatform();
    private final SleptClock clock = new SleptClock();

    private MiniDramaPlatform retrying(RetryPolicy policy) {
        return RetryingMiniDramaPlatform.wrap(scripted, policy, clock::sleep, clock, () -> 0.5);
    }

    private static PlatformException busy() {
        return new PlatformException("listmedia", -1, "system busy", 200);
    }

    private static CommitUpload commit() {
        return new CommitUpload(UploadId.of("u1"), List.of(new io.minidrama.domain.media.PartInfo(1, io.minidrama.domain.Etag.of("\"e1\""))), List.of());
    }

    @Test
    void aBusyReadIsRetried_withTheJitteredBackoff_andSucceeds() {
        scripted.fail(PlatformOperation.LIST_MEDIA, busy(), busy());

        List<Media> got = retrying(RetryPolicy.defaults()).listMedia(MediaQuery.builder().build());

        assertSame(scripted.media, got);
        assertEquals(3, scripted.calls.size());
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200)), clock.sleeps);
    }

    @Test
    void beyondMaxAttempts_theLastFailureSurfaces_carryingTheEarlierOnesOldestFirst() {
        PlatformException[] four = {busy(), busy(), busy(), busy()};
        scripted.fail(PlatformOperation.LIST_MEDIA, four);

        PlatformException e = assertThrows(PlatformException.class,
                () -> retrying(RetryPolicy.defaults()).listMedia(MediaQuery.builder().build()));

        assertSame(four[3], e);
        assertArrayEquals(new Throwable[] {four[0], four[1], four[2]}, e.getSuppressed());
        assertEquals(4, scripted.calls.size());
        assertEquals(3, clock.sleeps.size());
    }

    @Test
    void anAmbiguousFailureOfARepeatUnsafeOperation_isNotRetried_unlessTheUserAllowsIt() {
        TransportException lost = new TransportException("commitupload", "connection reset", true, null);
        scripted.fail(PlatformOperation.COMMIT_UPLOAD, lost);

        assertSame(lost, assertThrows(TransportException.class, () -> retrying(RetryPolicy.defaults()).commitUpload(commit())));
        assertEquals(1, scripted.calls.size());
        assertEquals(List.of(), clock.sleeps);

        scripted.fail(PlatformOperation.COMMIT_UPLOAD, new TransportException("commitupload", "connection reset", true, null));
        assertEquals(MediaId.of(42), retrying(RetryPolicy.defaults().withRetryAmbiguous(true)).commitUpload(commit()));
        assertEquals(3, scripted.calls.size());
    }

    @Test
    void aRefusedConnection_isRetriedEvenForARepeatUnsafeOperation_andVoidCallsAreRetriedToo() {
        scripted.fail(PlatformOperation.COMMIT_UPLOAD, new TransportException("commitupload", "connection refused", false, null));
        scripted.fail(PlatformOperation.DELETE_MEDIA, new TransportException("deletemedia", "connection reset", true, null));

        assertEquals(MediaId.of(42), retrying(RetryPolicy.defaults()).commitUpload(commit()));
        retrying(RetryPolicy.defaults()).deleteMedia(MediaId.of(7));

        assertEquals(List.of(PlatformOperation.COMMIT_UPLOAD, PlatformOperation.COMMIT_UPLOAD,
                PlatformOperation.DELETE_MEDIA, PlatformOperation.DELETE_MEDIA), scripted.calls);
    }

    @Test
    void anInterruptedWait_stopsWithTheLastFailure() {
        PlatformException first = busy();
        scripted.fail(PlatformOperation.LIST_MEDIA, first);
        CancellationException interrupted = new CancellationException("interrupted while waiting to retry");
        MiniDramaPlatform platform = RetryingMiniDramaPlatform.wrap(scripted, RetryPolicy.defaults(), d -> {
            throw interrupted;
        }, clock, () -> 0.5);

        PlatformException e = assertThrows(PlatformException.class, () -> platform.listMedia(MediaQuery.builder().build()));

        assertSame(first, e);
        assertArrayEquals(new Throwable[] {interrupted}, e.getSuppressed());
        assertEquals(1, scripted.calls.size());
    }

    @Test
    void theDeadline_stopsRetriesWhoseWaitWouldEndPastIt() {
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(10).baseDelay(Duration.ofSeconds(1)).maxDelay(Duration.ofSeconds(1))
                .deadline(Duration.ofMillis(1200)).build();
        scripted.fail(PlatformOperation.LIST_MEDIA, busy(), busy(), busy(), busy(), busy());

        assertThrows(PlatformException.class, () -> retrying(policy).listMedia(MediaQuery.builder().build()));

        assertEquals(List.of(Duration.ofMillis(500), Duration.ofMillis(500)), clock.sleeps, "a third wait would end at 1.5 s");
        assertEquals(3, scripted.calls.size());
    }

    @Test
    void noneMakesOneAttempt() {
        PlatformException first = busy();
        scripted.fail(PlatformOperation.LIST_MEDIA, first);

        assertSame(first, assertThrows(PlatformException.class,
                () -> retrying(RetryPolicy.none()).listMedia(MediaQuery.builder().build())));
        assertEquals(1, scripted.calls.size());
        assertEquals(0, first.getSuppressed().length);
    }

    @Test
    void withListener_toldOfEachRetry_withOperationAttemptFailureAndWait_notOfTheFinalFailure() {
        PlatformException first = busy();
        PlatformException second = busy();
        PlatformException last = busy();
        scripted.fail(PlatformOperation.LIST_MEDIA, first, second, last, busy());
        List<String> heard = new ArrayList<>();
        MiniDramaPlatform platform = RetryingMiniDramaPlatform.wrap(scripted, RetryPolicy.defaults().withMaxAttempts(3), clock::sleep, clock, () -> 0.5)
                .withListener((op, attempt, failure, wait) -> heard.add(op.wireName() + "#" + attempt + " " + (failure == first ? "first" : failure == second ? "second" : "other") + " " + wait));

        assertThrows(PlatformException.class, () -> platform.listMedia(MediaQuery.builder().build()));

        assertEquals(List.of("listmedia#1 first " + clock.sleeps.get(0), "listmedia#2 second " + clock.sleeps.get(1)), heard);
    }

    @Test
    void withListener_whoseListenerThrows_stillRetries() {
        scripted.fail(PlatformOperation.LIST_MEDIA, busy());
        MiniDramaPlatform platform = RetryingMiniDramaPlatform.wrap(scripted, RetryPolicy.defaults(), clock::sleep, clock, () -> 0.5)
                .withListener((op, attempt, failure, wait) -> {
                    throw new IllegalStateException("listener broke");
                });

        assertSame(scripted.media, platform.listMedia(MediaQuery.builder().build()));
        assertEquals(2, scripted.calls.size());
    }
}
