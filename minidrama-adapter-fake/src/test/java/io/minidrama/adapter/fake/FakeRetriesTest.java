package io.minidrama.adapter.fake;

import io.minidrama.domain.MediaId;
import io.minidrama.domain.error.PlatformException;
import io.minidrama.domain.error.TransportException;
import io.minidrama.domain.media.ByteSource;
import io.minidrama.domain.media.MediaName;
import io.minidrama.domain.media.MediaQuery;
import io.minidrama.domain.media.SingleFileUpload;
import io.minidrama.domain.media.VideoFormat;
import io.minidrama.port.DramaPlayerPort;
import io.minidrama.port.PlatformOperation;
import io.minidrama.port.RetryPolicy;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FakeRetriesTest {
    private final MutableClock clock = MutableClock.create();
    private final InMemoryMiniDramaPlatform platform = InMemoryMiniDramaPlatform.builder().clock(clock).build();
    private final FakeControl control = platform.control();

    private MediaId upload() {
        return platform.uploadSingle(SingleFileUpload.builder().name(MediaName.of("剧", 1)).format(VideoFormat.MP4)
                .video(ByteSource.ofBytes(new byte[10], "ep.mp4")).build());
    }

    @Test
    void byDefault_aBusyAnswerIsRetried_eachAttemptRecorded_theWaitAdvancingTheFakeClock() {
        Instant before = clock.instant();
        control.failNext(PlatformOperation.LIST_MEDIA, 2, -1);

        assertTrue(platform.listMedia(MediaQuery.all()).isEmpty());

        List<RecordedCall> calls = control.recordedCalls("listmedia");
        assertEquals(3, calls.size());
        assertEquals(-1, calls.get(0).errcode());
        assertTrue(calls.get(2).succeeded());
        assertEquals(Duration.ofMillis(100 + 200), Duration.between(before, clock.instant()), "half of the 200 ms and 400 ms caps");
    }

    @Test
    void byDefault_errcodeMinus2IsRetriedOnTheLongSchedule() {
        Instant before = clock.instant();
        control.failNext(PlatformOperation.GET_MEDIA, 1, -2);

        assertThrows(PlatformException.class, () -> platform.getMedia(MediaId.of(999)), "then the real answer: 10093030");

        assertEquals(Duration.ofSeconds(15), Duration.between(before, clock.instant()));
        assertEquals(2, control.recordedCalls("getmedia").size());
    }

    @Test
    void byDefault_aCreatingCallIsNotRepeatedAfterAnAmbiguousFailure() {
        control.failNextAfterProcessing("singlefileupload", 1);

        TransportException e = assertThrows(TransportException.class, this::upload);

        assertTrue(e.ambiguous());
        assertEquals(1, control.recordedCalls("singlefileupload").size());
        assertEquals(1, platform.listMedia(MediaQuery.all()).size(), "the first call was carried out, and only it");
    }

    @Test
    void retryPolicyNone_letsTheInjectedFailureSurfaceAtOnce() {
        InMemoryMiniDramaPlatform raw = InMemoryMiniDramaPlatform.builder().retryPolicy(RetryPolicy.none()).build();
        raw.control().failNext(PlatformOperation.LIST_MEDIA, 1, -1);

        assertEquals(-1, assertThrows(PlatformException.class, () -> raw.listMedia(MediaQuery.all())).rawErrcode());
        assertEquals(1, raw.control().recordedCalls("listmedia").size());
    }

    @Test
    void injected61007_onAPlayerOperation_namesPermissionSet157_andIsNotRetried() {
        control.failNext(DramaPlayerPort.GET_FINDER_EVENT, 1, 61007);

        PlatformException e = assertThrows(PlatformException.class,
                () -> platform.finderEvents(io.minidrama.domain.player.FinderEventQuery.all()));

        assertEquals(java.util.OptionalInt.of(157), e.missingPermissionSet());
        assertTrue(e.getMessage().contains("permission set 157"), e.getMessage());
        assertEquals(1, control.recordedCalls("getfinderevent").size());
    }
}
