package io.minidrama.adapter.fake;

import io.minidrama.domain.AuditStatus;
import io.minidrama.domain.DramaId;
import io.minidrama.domain.MaterialId;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.drama.Copyright;
import io.minidrama.domain.drama.DramaType;
import io.minidrama.domain.drama.FirstSubmission;
import io.minidrama.domain.drama.Qualification;
import io.minidrama.domain.error.TransportException;
import io.minidrama.domain.event.AuditEvent;
import io.minidrama.domain.event.AuditType;
import io.minidrama.domain.event.UploadEvent;
import io.minidrama.domain.media.ByteSource;
import io.minidrama.domain.media.MediaName;
import io.minidrama.domain.media.MediaQuery;
import io.minidrama.domain.media.PullUpload;
import io.minidrama.domain.media.SingleFileUpload;
import io.minidrama.domain.media.VideoFormat;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InMemoryMiniDramaPlatformTest {
    private final MutableClock clock = MutableClock.create();
    /** Without retries: these tests are about the raw injected failures (the retried ones: FakeRetriesTest). */
    private final InMemoryMiniDramaPlatform platform = InMemoryMiniDramaPlatform.builder().clock(clock)
            .retryPolicy(io.minidrama.port.RetryPolicy.none()).build();
    private final FakeControl control = platform.control();

    private MediaId upload(byte[] video) {
        return platform.uploadSingle(SingleFileUpload.builder().name(MediaName.of("剧", 1)).format(VideoFormat.MP4)
                .video(ByteSource.ofBytes(video, "ep.mp4")).build());
    }

    private DramaId submit(MediaId ep) {
        return platform.submit(FirstSubmission.builder().name("剧").mediaIds(List.of(ep)).producer("p").description("d")
                .coverMaterialId(MaterialId.of("c")).qualification(new Qualification.Licensed("V1", MaterialId.of("l")))
                .dramaType(DramaType.ANIMATED).copyright(Copyright.withoutProtection(Copyright.Role.PRODUCER))
                .authorizedMaterialId(MaterialId.of("a")).build());
    }

    @Test
    void pullUpload_whenTheClockPassesItsFinish_notifiesUploadListenersAtOnce() {
        List<UploadEvent> events = new CopyOnWriteArrayList<>();
        control.onUploadEvent(events::add);
        platform.pullUpload(PullUpload.builder().name(MediaName.of("剧", 1)).mediaUrl("https://x.example/a.mp4").sourceContext("ctx").build());

        clock.advance(Duration.ofMinutes(1));

        assertEquals(1, events.size());
        assertTrue(events.get(0).succeeded());
        assertEquals("ctx", events.get(0).sourceContext());
        assertEquals(events, control.pushedEvents());
    }

    @Test
    void approveDrama_notifiesAuditListenersWithTheFirstSubmissionType() {
        List<AuditEvent> events = new CopyOnWriteArrayList<>();
        control.onAuditEvent(events::add);
        DramaId id = submit(upload(new byte[10]));

        control.approveDrama(id);

        assertEquals(1, events.size());
        assertEquals(AuditStatus.APPROVED, events.get(0).status());
        assertEquals(AuditType.FIRST_SUBMISSION, events.get(0).auditType());
    }

    @Test
    void approveDrama_whenNotUnderReview_isRefusedAsMisuse() {
        DramaId id = submit(upload(new byte[10]));
        control.approveDrama(id);

        assertThrows(IllegalStateException.class, () -> control.approveDrama(id));
    }

    @Test
    void failNextAfterProcessing_carriesTheCallOutThenFailsAmbiguously() {
        control.failNextAfterProcessing("singlefileupload", 1);

        TransportException e = assertThrows(TransportException.class, () -> upload(new byte[10]));

        assertTrue(e.ambiguous());
        assertEquals(1, platform.listMedia(MediaQuery.all()).size());
    }

    @Test
    void failNextWithTransportFault_doesNotCarryTheCallOut() {
        control.failNextWithTransportFault("singlefileupload", 1);

        TransportException e = assertThrows(TransportException.class, () -> upload(new byte[10]));

        assertFalse(e.ambiguous());
        assertTrue(platform.listMedia(MediaQuery.all()).isEmpty());
    }

    @Test
    void recordedCalls_listEveryCallWithItsOutcome() {
        control.failNext("singlefileupload", 1, -1);
        assertThrows(RuntimeException.class, () -> upload(new byte[10]));
        upload(new byte[10]);

        List<RecordedCall> calls = control.recordedCalls("singlefileupload");

        assertEquals(2, calls.size());
        assertEquals(-1, calls.get(0).errcode());
        assertTrue(calls.get(0).injected());
        assertTrue(calls.get(1).succeeded());
    }

    @Test
    void keepContentUpTo_keepsSmallMediaBytesAndOnlyDigestsOfLargerOnes() {
        InMemoryMiniDramaPlatform lean = InMemoryMiniDramaPlatform.builder().keepContentUpTo(100).build();
        byte[] small = new byte[100];
        MediaId a = lean.uploadSingle(SingleFileUpload.builder().name(MediaName.of("剧", 1)).format(VideoFormat.MP4)
                .video(ByteSource.ofBytes(small, "a.mp4")).build());
        MediaId b = lean.uploadSingle(SingleFileUpload.builder().name(MediaName.of("剧", 2)).format(VideoFormat.MP4)
                .video(ByteSource.ofBytes(new byte[101], "b.mp4")).build());

        assertArrayEquals(small, lean.control().content(a).orElseThrow());
        assertTrue(lean.control().content(b).isEmpty());
        assertEquals(101, lean.control().storedMedia(b).orElseThrow().size());
        assertFalse(lean.control().storedMedia(b).orElseThrow().contentKept());
    }

    @Test
    void duration_isOneSecondPerStartedMegabyteUnlessSet() {
        MediaId id = upload(new byte[3 * 1024 * 1024 + 1]);

        assertEquals(Duration.ofSeconds(4), platform.getMedia(id).duration());
        control.setDuration(id, Duration.ofSeconds(90));
        assertEquals(Duration.ofSeconds(90), platform.getMedia(id).duration());
    }

    @Test
    void latency_delaysCallsInRealTime() {
        control.latency("getmedia", Duration.ofMillis(50));
        MediaId id = upload(new byte[1]);
        long start = System.nanoTime();

        platform.getMedia(id);

        assertTrue(System.nanoTime() - start >= 50_000_000L);
    }

    @Test
    void failNext_withAnUnknownOperation_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> control.failNext("uploadeverything", 1, -1));
    }
}
