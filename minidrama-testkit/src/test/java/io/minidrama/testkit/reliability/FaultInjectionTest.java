package io.minidrama.testkit.reliability;

import io.minidrama.adapter.jdkhttp.JdkHttpMiniDramaAdapter;
import io.minidrama.domain.error.UnexpectedResponseException;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.error.ErrorCode;
import io.minidrama.domain.error.PlatformException;
import io.minidrama.domain.media.MediaName;
import io.minidrama.port.upload.FileUploadRequest;
import io.minidrama.port.upload.FileUploadService;
import io.minidrama.port.upload.SeasonResult;
import io.minidrama.port.upload.SeasonUploader;
import io.minidrama.port.upload.UploadListener;
import io.minidrama.emulator.MiniDramaEmulator;
import io.minidrama.testkit.reliability.FaultProxy.Delay;
import io.minidrama.testkit.reliability.FaultProxy.Replace;
import io.minidrama.testkit.reliability.FaultProxy.Reset;
import io.minidrama.testkit.reliability.FaultProxy.Truncate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Faults between the HTTP adapter and the emulator, injected by the emulator's fault controls and
 * by {@link FaultProxy}: each upload must end as documented (success after retries, or a typed
 * error), leave exactly one media, and store bytes identical to the file.
 */
class FaultInjectionTest {
    @RegisterExtension
    static final SecretWatch WATCH = new SecretWatch();

    /** 10.5 MB: three parts of 5, 5 and 0.5 MB. */
    private static final long SIZE = 10 * Rig.MB + Rig.MB / 2;

    @TempDir
    static Path files;
    private static Path video;
    private static String videoSha;

    @TempDir
    Path checkpoints;
    private MiniDramaEmulator emulator;
    private FaultProxy proxy;
    private JdkHttpMiniDramaAdapter adapter;
    private FileUploadService uploads;
    private String test;

    @BeforeAll
    static void file() {
        video = Rig.randomFile(files.resolve("episode.mp4"), SIZE, 8);
        videoSha = Rig.sha256(video);
        WATCH.secret(Rig.SECRET);
    }

    @BeforeEach
    void start(TestInfo info) {
        test = info.getTestMethod().orElseThrow().getName();
        emulator = Rig.emulator();
        proxy = FaultProxy.to(emulator.baseUrl());
        adapter = Rig.adapter(proxy.baseUrl()).build();
        uploads = Rig.uploads(adapter, checkpoints);
    }

    @AfterEach
    void stop() {
        WATCH.secrets(emulator.issuedTokens());
        uploads.close();
        proxy.close();
        emulator.close();
    }

    private MediaName name() {
        return MediaName.of("可靠性", Math.abs(test.hashCode() % 900) + 1);
    }

    private FileUploadRequest request(UploadListener listener) {
        return FileUploadRequest.builder(video, name()).listener(listener).build();
    }

    /** Uploads the file, then checks identical bytes and exactly one media of that name. */
    private MediaId uploadAndVerify(UploadListener listener) {
        long t0 = System.nanoTime();
        MediaId id = uploads.upload(request(listener));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(videoSha, Rig.storedSha256(emulator, id), "bytes on the server differ from the file");
        assertEquals(1, Rig.mediaNamed(emulator, name().wire()).size(), "duplicate media");
        figures("ok in " + ms + " ms");
        return id;
    }

    private void figures(String outcome) {
        System.out.printf("[reliability] %s: %s; calls applyupload=%d uploadpart=%d commitupload=%d; token fetches=%d; proxy: %s%n",
                test, outcome, Rig.count(emulator, "applyupload"), Rig.count(emulator, "uploadpart"), Rig.count(emulator, "commitupload"),
                emulator.tokenFetches(), proxy.log());
    }

    private <T extends Throwable> T typed(Class<T> type, org.junit.jupiter.api.function.Executable call) {
        T e = assertThrows(type, call);
        WATCH.exception(e);
        return e;
    }

    @Test
    void upload_whenConnectionResetsInTheMiddleOfAPartBody_retriesThePartAndStoresIdenticalBytes() {
        proxy.inject("uploadpart", 2, new Reset(Rig.MB));

        uploadAndVerify(UploadListener.NONE);

        assertEquals(2, proxy.log().stream().filter(l -> l.contains("reset after")).count());
        assertTrue(Rig.count(emulator, "uploadpart") >= 3);
    }

    @Test
    void upload_when5xxAnswersPartsAndCommit_retriesAndStoresIdenticalBytes() {
        proxy.inject("uploadpart", 1, new Replace(503, "text/plain", "Service Unavailable"));
        proxy.inject("uploadpart", 1, Replace.json(500, "{\"errcode\":-1,\"errmsg\":\"system error\"}"));
        emulator.control().failNext("commitupload", 1, -1);

        uploadAndVerify(UploadListener.NONE);

        assertEquals(2, proxy.log().size());
        assertTrue(Rig.count(emulator, "uploadpart") >= 4, "the parts answered 5xx were sent again");
    }

    @Test
    void upload_whenResponsesAreSlow_succeedsWithoutRetries() {
        proxy.inject("uploadpart", 3, new Delay(400));
        proxy.inject("commitupload", 1, new Delay(400));

        uploadAndVerify(UploadListener.NONE);

        assertEquals(3, Rig.count(emulator, "uploadpart"));
    }

    @Test
    void upload_whenAPartAnswerOutlastsTheRequestTimeout_timesOutRetriesAndStoresIdenticalBytes() {
        adapter = Rig.adapter(proxy.baseUrl()).requestTimeout(Duration.ofSeconds(1)).build();
        uploads.close();
        uploads = Rig.uploads(adapter, checkpoints);
        proxy.inject("uploadpart", 1, new Delay(3_000));

        uploadAndVerify(UploadListener.NONE);

        assertEquals(1, proxy.log().size());
        assertTrue(Rig.count(emulator, "uploadpart") >= 3, "the timed-out part was sent again");
    }

    @Test
    void upload_whenPartAnswersAreTruncatedOrMalformed_retriesAndStoresIdenticalBytes() {
        proxy.inject("uploadpart", 1, new Truncate());
        proxy.inject("uploadpart", 1, Replace.json(200, "{\"errcode\":0,\"errmsg\":\"ok\",\"etag\":\"\\\"d89"));

        uploadAndVerify(UploadListener.NONE);

        assertEquals(2, proxy.log().size());
        assertTrue(Rig.count(emulator, "uploadpart") >= 5);
    }

    @Test
    void upload_whenAPartAnswerHasAWrongTypedEtag_failsTypedRecordsNoEtagAndTheRerunCompletes() {
        // Complete JSON of the wrong shape is not asked again (RetryPolicy: UNMAPPABLE never); no
        // retry sits on top of the adapter's any more, so the run fails and the re-run sends the part.
        proxy.inject("uploadpart", 1, Replace.json(200, "{\"errcode\":0,\"errmsg\":\"ok\",\"etag\":[1,2]}"));

        UnexpectedResponseException e = typed(UnexpectedResponseException.class, () -> uploads.upload(request(UploadListener.NONE)));

        assertEquals(UnexpectedResponseException.Kind.UNMAPPABLE, e.kind());
        assertEquals(0, Rig.mediaNamed(emulator, name().wire()).size());
        figures("typed UNMAPPABLE after " + Rig.count(emulator, "uploadpart") + " uploadpart calls");
        uploadAndVerify(UploadListener.NONE);
        assertEquals(1, proxy.log().size());
        assertEquals(1, Rig.count(emulator, "applyupload"), "the re-run resumed the same upload");
    }

    @Test
    void upload_whenAGatewayAnswersAnHtmlErrorPage_retriesAndStoresIdenticalBytes() {
        proxy.inject("uploadpart", 2, Replace.html(500));
        proxy.inject("stable_token", 1, Replace.html(503));

        uploadAndVerify(UploadListener.NONE);

        assertEquals(2, emulator.tokenFetches(), "the token fetch answered by HTML was processed, then retried");
    }

    @Test
    void getMedia_whenEveryAttemptIsAnHtmlPage_failsTypedAfterFourAttempts() {
        MediaId id = uploads.upload(request(UploadListener.NONE));
        proxy.inject("getmedia", 10, Replace.html(502));

        UnexpectedResponseException e = typed(UnexpectedResponseException.class, () -> adapter.getMedia(id));

        assertTrue(e.getMessage().contains("HTML"), e.getMessage());
        assertEquals(4, emulator.control().recordedCalls("getmedia").size());
        figures("typed " + e.getClass().getSimpleName() + " after 4 attempts");
    }

    @Test
    void upload_whenTheTokenIsRevokedMidUpload_refreshesOnceAndSucceeds() {
        AtomicBoolean revoked = new AtomicBoolean();
        uploadAndVerify(p -> {
            if (p.partsDone() >= 1 && revoked.compareAndSet(false, true)) {
                emulator.revokeTokens();
            }
        });

        assertTrue(revoked.get());
        assertEquals(2, emulator.tokenFetches());
    }

    @Test
    void upload_whenThePlatformRejectsATokenStableTokenStillHandsOut_forcesARefreshAndSucceeds() {
        AtomicBoolean rejected = new AtomicBoolean();
        uploadAndVerify(p -> {
            if (p.partsDone() >= 1 && rejected.compareAndSet(false, true)) {
                proxy.rejectToken(emulator.issuedTokens().get(0));
            }
        });

        assertTrue(rejected.get());
        assertEquals(3, emulator.tokenFetches(), "first fetch, a normal refetch handing back the rejected token, a forced one");
    }

    @Test
    void upload_whenBurstsOfMinus1AndTooFrequentHitEveryStep_retriesAndStoresIdenticalBytes() {
        emulator.control().failNext("applyupload", 2, -1);
        emulator.control().failNext("uploadpart", 3, -1);
        emulator.control().failNext("uploadpart", 3, 10093023);
        emulator.control().failNext("commitupload", 2, 10093023);

        uploadAndVerify(UploadListener.NONE);

        assertEquals(3, Rig.count(emulator, "applyupload"));
        assertEquals(9, Rig.count(emulator, "uploadpart"));
        assertEquals(3, Rig.count(emulator, "commitupload"));
    }

    @Test
    void upload_whenABurstOfMinus2HitsApplyAndParts_waitsOnTheInitialisingScheduleAndSucceeds() {
        emulator.control().failNext("applyupload", 3, -2);
        emulator.control().failNext("uploadpart", 2, -2);

        uploadAndVerify(UploadListener.NONE);

        assertEquals(4, Rig.count(emulator, "applyupload"));
    }

    @Test
    void upload_whenABurstOfMinus1OutlastsEveryRetry_failsTypedKeepsTheCheckpointAndTheRerunCompletes() {
        // 3 parts in flight, each sent at most 4 times (the adapter's retries; the service adds none):
        // 10 or more failures make one part give up however they fall among the parts; 60 leave no doubt.
        emulator.control().failNext("uploadpart", 60, -1);

        PlatformException e = typed(PlatformException.class, () -> uploads.upload(request(UploadListener.NONE)));

        assertEquals(ErrorCode.SYSTEM_BUSY, e.errorCode());
        assertEquals(0, Rig.mediaNamed(emulator, name().wire()).size());
        figures("typed PlatformException(-1) after the burst");
        emulator.control().clearFaults();
        uploadAndVerify(UploadListener.NONE);
        assertEquals(1, Rig.count(emulator, "applyupload"), "the re-run resumed the same upload");
    }

    @Test
    void commit_whenItsAnswerIsLost_asksAgainFindsTheCommittedMediaAndNeverUploadsTwice() {
        proxy.inject("commitupload", 1, new Truncate());

        MediaId id = uploadAndVerify(UploadListener.NONE);

        assertEquals(1, Rig.count(emulator, "applyupload"));
        assertEquals(3, Rig.count(emulator, "uploadpart"));
        SeasonResult r = SeasonUploader.create(uploads, adapter, 1).uploadRequests(name().dramaName(), List.of(request(UploadListener.NONE)));
        assertEquals(SeasonResult.Status.ALREADY_UPLOADED, r.episodes().get(0).status());
        assertEquals(id, r.episodes().get(0).mediaId().orElseThrow());
        assertEquals(1, Rig.mediaNamed(emulator, name().wire()).size());
    }

    @Test
    void applyUpload_whenItsAnswerIsLost_isRetriedAndLeavesOneMedia() {
        proxy.inject("applyupload", 1, new Truncate());

        uploadAndVerify(UploadListener.NONE);

        assertEquals(2, Rig.count(emulator, "applyupload"));
    }
}
