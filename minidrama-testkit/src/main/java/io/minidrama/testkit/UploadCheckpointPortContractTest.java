package io.minidrama.testkit;

import io.minidrama.domain.Etag;
import io.minidrama.domain.UploadId;
import io.minidrama.domain.media.ApplyUpload;
import io.minidrama.domain.media.ResourceType;
import io.minidrama.domain.media.UploadLimits;
import io.minidrama.domain.media.UploadSession;
import io.minidrama.domain.media.VideoFormat;
import io.minidrama.domain.MediaId;
import io.minidrama.port.FileIdentity;
import io.minidrama.port.Namesakes;
import io.minidrama.port.UploadCheckpoint;
import io.minidrama.port.UploadCheckpointPort;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.minidrama.testkit.MiniDramaFixtures.episode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract of {@link UploadCheckpointPort}: what is saved loads back; concurrent saves of one
 * upload never lose a part another save recorded (the later etag wins for a part both recorded);
 * a save for another upload id replaces the checkpoint; the {@link Namesakes} load back as saved
 * (unknown, none or some); unknown keys load empty and delete quietly.
 *
 * <p>Extend it and implement {@link #createPort()}; a fresh, empty store for every test.
 */
public abstract class UploadCheckpointPortContractTest {
    private static final long VIDEO = 10 * UploadLimits.PART_SIZE;
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    /** The port under test, set before each test. */
    protected UploadCheckpointPort port;

    /** A fresh, empty store. */
    protected abstract UploadCheckpointPort createPort();

    @BeforeEach
    final void openPort() {
        port = createPort();
    }

    private static UploadCheckpoint checkpoint(String key, UploadSession session) {
        return new UploadCheckpoint(key, new FileIdentity("/videos/ep1.mp4", VIDEO, T0, "abc123"),
                ApplyUpload.of(episode(1), VideoFormat.MP4), session, T0);
    }

    private static UploadSession session(String uploadId) {
        return UploadSession.start(UploadId.of(uploadId), VIDEO);
    }

    private static Etag etag(int n, String salt) {
        return Etag.of("\"" + salt + n + "\"");
    }

    @Test
    void load_ofAnUnknownKey_isEmpty() {
        assertTrue(port.load("nothing-here").isEmpty());
    }

    @Test
    void save_thenLoad_returnsTheCheckpoint() {
        UploadSession s = session("u-1").recordPart(ResourceType.VIDEO, 1, UploadLimits.PART_SIZE, etag(1, "a"));

        port.save(checkpoint("ep1", s));

        UploadCheckpoint loaded = port.load("ep1").orElseThrow();
        assertEquals("ep1", loaded.key());
        assertEquals(s.recordedParts(), loaded.session().recordedParts());
        assertEquals(s.uploadId(), loaded.session().uploadId());
    }

    @Test
    void save_thenLoad_keepsTheNamesakesKnownEmptyOrUnknown() {
        UploadCheckpoint plain = checkpoint("ep1", session("u-1"));
        UploadCheckpoint some = new UploadCheckpoint("ep2", plain.video(), plain.request(), plain.session(), T0,
                Namesakes.of(List.of(MediaId.of(7L), MediaId.of(1_234_567_890_123_456_789L))));
        UploadCheckpoint none = new UploadCheckpoint("ep3", plain.video(), plain.request(), plain.session(), T0, Namesakes.of(List.of()));

        port.save(plain);
        port.save(some);
        port.save(none);

        assertEquals(Namesakes.unknown(), port.load("ep1").orElseThrow().namesakes());
        assertEquals(some.namesakes(), port.load("ep2").orElseThrow().namesakes());
        assertEquals(Namesakes.of(List.of()), port.load("ep3").orElseThrow().namesakes());
        port.save(some.withSession(some.session().recordPart(ResourceType.VIDEO, 1, UploadLimits.PART_SIZE, etag(1, "a")), T0));
        assertEquals(some.namesakes(), port.load("ep2").orElseThrow().namesakes(), "a later save of the same upload keeps them");
    }

    @Test
    void save_ofTheSameUploadConcurrently_keepsEveryRecordedPart() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<?>> saves = new ArrayList<>();
            for (int n = 1; n <= 10; n++) {
                int part = n;
                saves.add(pool.submit(() -> {
                    go.await();
                    port.save(checkpoint("ep1", session("u-1").recordPart(ResourceType.VIDEO, part, UploadLimits.PART_SIZE, etag(part, "a"))));
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : saves) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(10, port.load("ep1").orElseThrow().session().recordedParts().size());
        assertTrue(port.load("ep1").orElseThrow().session().isComplete());
    }

    @Test
    void save_ofAPartRecordedAgain_keepsTheLaterEtag() {
        port.save(checkpoint("ep1", session("u-1").recordPart(ResourceType.VIDEO, 1, UploadLimits.PART_SIZE, etag(1, "old"))));

        port.save(checkpoint("ep1", session("u-1").recordPart(ResourceType.VIDEO, 1, UploadLimits.PART_SIZE, etag(1, "new"))));

        assertEquals(etag(1, "new"), port.load("ep1").orElseThrow().session().recordedParts().get(0).etag());
    }

    @Test
    void save_ofAnotherUploadId_replacesTheCheckpoint() {
        port.save(checkpoint("ep1", session("u-1").recordPart(ResourceType.VIDEO, 1, UploadLimits.PART_SIZE, etag(1, "a"))));

        port.save(checkpoint("ep1", session("u-2")));

        UploadCheckpoint loaded = port.load("ep1").orElseThrow();
        assertEquals(UploadId.of("u-2"), loaded.session().uploadId());
        assertTrue(loaded.session().recordedParts().isEmpty());
    }

    @Test
    void delete_removesTheCheckpoint_andIgnoresUnknownKeys() {
        port.save(checkpoint("ep1", session("u-1")));

        port.delete("ep1");
        port.delete("never-saved");

        assertTrue(port.load("ep1").isEmpty());
    }
}
