package io.minidrama.port.upload;

import io.minidrama.domain.MediaId;
import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.PlatformException;
import io.minidrama.domain.error.Rule;
import io.minidrama.domain.media.MediaName;
import io.minidrama.domain.media.UploadLimits;
import io.minidrama.port.CheckpointStorageException;
import io.minidrama.port.RetryPolicy;
import io.minidrama.port.UploadCheckpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileUploadServiceTest {
    private static final long MB = UploadLimits.MB;

    @TempDir
    Path dir;
    private ScriptedUploadPort port;
    private FileUploadCheckpoints checkpoints;
    private FileUploadService service;

    @BeforeEach
    void setUp() {
        port = new ScriptedUploadPort();
        checkpoints = FileUploadCheckpoints.in(dir.resolve("checkpoints"));
        service = newService(4);
    }

    private FileUploadService newService(int concurrency) {
        return FileUploadService.builder(port.retrying(RetryPolicy.defaults()), checkpoints).partConcurrency(concurrency)
                .maxParallelParts(concurrency).build();
    }

    @AfterEach
    void tearDown() {
        service.close();
    }

    private Path file(String name, long size, long seed) throws IOException {
        byte[] b = new byte[(int) size];
        new Random(seed).nextBytes(b);
        Path p = dir.resolve(name);
        Files.write(p, b);
        return p;
    }

    /**
     * A video file this process cannot read: mode 000, or (as root, who reads it anyway) a link to
     * a write-only sysfs file; the test is skipped only where neither exists.
     */
    static Path unreadableVideo(Path dir) throws IOException {
        Path f = Files.write(dir.resolve("ep1.mp4"), new byte[1000]);
        try {
            Files.setPosixFilePermissions(f, java.util.Set.of());
        } catch (UnsupportedOperationException notPosix) {
            // the fallback below
        }
        if (!canRead(f)) {
            return f;
        }
        Files.delete(f);
        Path writeOnly = Path.of("/sys/bus/pci/rescan");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(writeOnly) && !canRead(writeOnly),
                "needs a file this process cannot read");
        return Files.createSymbolicLink(f, writeOnly);
    }

    private static boolean canRead(Path f) {
        try (java.nio.channels.SeekableByteChannel ch = Files.newByteChannel(f)) {
            ch.read(java.nio.ByteBuffer.allocate(1));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private FileUploadRequest request(Path video, UploadListener listener) {
        return FileUploadRequest.builder(video, MediaName.of("我的短剧", 1)).listener(listener).build();
    }

    @Test
    void servicesOnASharedExecutor_closingOneLeavesTheThreadsToTheirOwner() throws IOException {
        Path video = file("ep1.mp4", 12 * MB, 7);
        FileUploadService other;
        UploadExecutor shared = UploadExecutor.create(2);
        try {
            FileUploadService first = FileUploadService.builder(port.retrying(RetryPolicy.defaults()), checkpoints).executor(shared).build();
            other = FileUploadService.builder(port.retrying(RetryPolicy.defaults()),
                    FileUploadCheckpoints.in(dir.resolve("other"))).executor(shared).build();

            first.close();

            assertFalse(shared.isShutdown(), "a service does not stop threads it does not own");
            assertThrows(IllegalStateException.class, () -> first.start(request(video, UploadListener.NONE)), "closed");
            assertTrue(other.upload(request(video, UploadListener.NONE)).value() > 0, "the other service still uploads");
        } finally {
            shared.close();
        }
        assertTrue(shared.isShutdown());
        assertThrows(IllegalStateException.class, () -> other.start(request(video, UploadListener.NONE)));
    }

    @Test
    void upload_whenUnderTenMegabytes_usesSingleFileUpload() throws IOException {
        Path video = file("ep1.mp4", 3 * MB, 1);
        List<UploadProgress> seen = new CopyOnWriteArrayList<>();

        MediaId id = service.upload(request(video, seen::add));

        assertEquals(1, port.singleCalls.get());
        assertEquals(0, port.applyCalls.get());
        assertArrayEquals(Files.readAllBytes(video), port.media.get(id.value()));
        UploadProgress last = seen.get(seen.size() - 1);
        assertEquals(3 * MB, last.bytesSent());
        assertEquals(1, last.partsDone());
    }

    @Test
    void upload_whenTenMegabytesOrMore_uploadsFiveMegabytePartsConcurrentlyAndCommitsInOrder() throws IOException {
        Path video = file("ep1.mp4", 23 * MB + 17, 2);
        List<UploadProgress> seen = new CopyOnWriteArrayList<>();

        MediaId id = service.upload(request(video, seen::add));

        assertEquals(0, port.singleCalls.get());
        assertEquals(5, port.partCalls.size());
        assertArrayEquals(Files.readAllBytes(video), port.media.get(id.value()));
        assertTrue(port.maxInFlight.get() <= 4, "at most 4 parts in flight, saw " + port.maxInFlight.get());
        UploadProgress last = seen.get(seen.size() - 1);
        assertEquals(23 * MB + 17, last.bytesSent());
        assertEquals(5, last.partsDone());
        assertEquals(5, last.partsTotal());
        assertTrue(checkpoints.load(request(video, UploadListener.NONE).checkpointKey()).isEmpty(), "checkpoint removed after commit");
    }

    @Test
    void upload_whenThresholdLowered_usesChunkedForSmallFiles() throws IOException {
        Path video = file("ep1.mp4", 2 * MB, 3);
        try (FileUploadService chunkedOnly = FileUploadService.builder(port, checkpoints).singleUploadThreshold(0).build()) {
            MediaId id = chunkedOnly.upload(request(video, UploadListener.NONE));
            assertEquals(1, port.applyCalls.get());
            assertArrayEquals(Files.readAllBytes(video), port.media.get(id.value()));
        }
    }

    @Test
    void upload_whenTenPercentOfPartsFailOnce_retriesThemAndBytesAreIdentical() throws IOException {
        Path video = file("ep1.mp4", 100 * MB, 4);
        Set<String> failedOnce = ConcurrentHashMap.newKeySet();
        port.partFault = k -> {
            int part = Integer.parseInt(k.substring(k.lastIndexOf('.') + 1));
            return part % 10 == 3 && failedOnce.add(k) ? ScriptedUploadPort.reset("uploadpart") : null;
        };

        MediaId id = service.upload(request(video, UploadListener.NONE));

        assertEquals(2, failedOnce.size());
        assertEquals(20 + 2, port.partCalls.size());
        assertArrayEquals(Files.readAllBytes(video), port.media.get(id.value()));
    }

    @Test
    void upload_whenAPartFailsForGood_keepsCheckpointAndRerunSendsOnlyMissingParts() throws IOException {
        Path video = file("ep1.mp4", 31 * MB, 5);
        port.partFault = k -> k.endsWith(":1.4") ? new PlatformException("uploadpart", 47003, "argument invalid", 200) : null;

        PlatformException e = assertThrows(PlatformException.class, () -> service.upload(request(video, UploadListener.NONE)));
        assertEquals(47003, e.rawErrcode());
        String key = request(video, UploadListener.NONE).checkpointKey();
        UploadCheckpoint kept = checkpoints.load(key).orElseThrow();
        assertFalse(kept.session().isComplete());
        Set<Integer> recorded = Set.copyOf(kept.session().recordedParts().stream().map(p -> p.partNumber()).toList());
        assertFalse(recorded.contains(4));

        port.partFault = k -> null;
        port.partCalls.clear();
        MediaId id = service.upload(request(video, UploadListener.NONE));

        assertEquals(1, port.applyCalls.get(), "resumed the same upload id");
        for (String call : port.partCalls) {
            int part = Integer.parseInt(call.substring(call.lastIndexOf('.') + 1));
            assertFalse(recorded.contains(part), "part " + part + " was in the checkpoint and must not be re-sent");
        }
        assertEquals(7 - recorded.size(), port.partCalls.size());
        assertArrayEquals(Files.readAllBytes(video), port.media.get(id.value()));
        assertTrue(checkpoints.load(key).isEmpty());
    }

    @Test
    void upload_whenFileChangedSinceCheckpoint_startsOver() throws IOException {
        Path video = file("ep1.mp4", 12 * MB, 6);
        port.partFault = k -> k.endsWith(":1.3") ? new PlatformException("uploadpart", 47003, "argument invalid", 200) : null;
        assertThrows(PlatformException.class, () -> service.upload(request(video, UploadListener.NONE)));

        byte[] changed = Files.readAllBytes(video);
        changed[0] ^= 1;
        Files.write(video, changed);
        Files.setLastModifiedTime(video, FileTime.from(Instant.now().plusSeconds(5)));
        port.partFault = k -> null;
        port.partCalls.clear();
        MediaId id = service.upload(request(video, UploadListener.NONE));

        assertEquals(2, port.applyCalls.get(), "a changed file gets a new upload");
        assertEquals(3, port.partCalls.size());
        assertArrayEquals(changed, port.media.get(id.value()));
    }

    @Test
    void upload_whenPlatformForgotTheUploadId_startsOverCleanly() throws IOException {
        Path video = file("ep1.mp4", 12 * MB, 7);
        port.partFault = k -> k.endsWith(":1.3") ? new PlatformException("uploadpart", 47003, "argument invalid", 200) : null;
        assertThrows(PlatformException.class, () -> service.upload(request(video, UploadListener.NONE)));
        port.partFault = k -> null;
        port.forgetUploads();

        MediaId id = service.upload(request(video, UploadListener.NONE));

        assertEquals(2, port.applyCalls.get());
        assertArrayEquals(Files.readAllBytes(video), port.media.get(id.value()));
    }

    @Test
    void cancel_whilePartsInFlight_leavesResumableCheckpoint() throws Exception {
        Path video = file("ep1.mp4", 40 * MB, 8);
        CountDownLatch firstPart = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        port.partFault = k -> {
            firstPart.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        };
        try (FileUploadService oneAtATime = newService(1)) {
            UploadHandle handle = oneAtATime.start(request(video, UploadListener.NONE));
            assertTrue(firstPart.await(5, TimeUnit.SECONDS));
            handle.cancel();
            release.countDown();

            CompletionException e = assertThrows(CompletionException.class, () -> handle.result().join());
            assertInstanceOf(CancellationException.class, e.getCause());
            UploadCheckpoint kept = checkpoints.load(request(video, UploadListener.NONE).checkpointKey()).orElseThrow();
            assertEquals(1, kept.session().recordedParts().size());

            port.partFault = k -> null;
            port.partCalls.clear();
            MediaId id = oneAtATime.upload(request(video, UploadListener.NONE));
            assertEquals(7, port.partCalls.size());
            assertArrayEquals(Files.readAllBytes(video), port.media.get(id.value()));
        }
    }

    @Test
    void upload_whenCommitAnswerIsLost_findsTheCommittedMediaInsteadOfUploadingTwice() throws IOException {
        Path video = file("ep1.mp4", 12 * MB, 10);
        port.commitAnswersLost.set(1);

        MediaId id = service.upload(request(video, UploadListener.NONE));

        assertEquals(2, port.commitCalls.get(), "the commit was sent again, answered 10093030, then the media was looked up");
        assertEquals(1, port.media.size(), "exactly one media exists");
        assertArrayEquals(Files.readAllBytes(video), port.media.get(id.value()));
        assertEquals(1, port.applyCalls.get());
    }

    @Test
    void upload_whenCommitAnswerArrivesCutOff_findsTheCommittedMediaInsteadOfUploadingTwice() throws IOException {
        Path video = file("ep1.mp4", 12 * MB, 11);
        port.commitAnswersCutOff.set(1);

        MediaId id = service.upload(request(video, UploadListener.NONE));

        assertEquals(2, port.commitCalls.get(), "the commit was sent again, answered 10093030, then the media was looked up");
        assertEquals(1, port.media.size(), "exactly one media exists");
        assertArrayEquals(Files.readAllBytes(video), port.media.get(id.value()));
    }

    @Test
    void upload_whenAPartAnswerCannotBeMapped_failsWithoutRecordingItAndTheRerunSendsItAgain() throws IOException {
        // PartRetry used to re-send such a part at once; now no retry sits on top of the port's
        // policy, which does not repeat an unmappable answer: the run fails, nothing is lost.
        Path video = file("ep1.mp4", 12 * MB, 13);
        Set<String> failedOnce = ConcurrentHashMap.newKeySet();
        port.partFault = k -> k.endsWith(":1.2") && failedOnce.add(k)
                ? new io.minidrama.domain.error.UnexpectedResponseException("uploadpart", 200, "the JSON does not fit", "", true,
                        io.minidrama.domain.error.UnexpectedResponseException.Kind.UNMAPPABLE)
                : null;

        io.minidrama.domain.error.UnexpectedResponseException e = assertThrows(io.minidrama.domain.error.UnexpectedResponseException.class,
                () -> service.upload(request(video, UploadListener.NONE)));
        assertEquals(io.minidrama.domain.error.UnexpectedResponseException.Kind.UNMAPPABLE, e.kind());
        assertEquals(1, port.partCalls.stream().filter(c -> c.endsWith(":1.2")).count(), "an unmappable answer is not repeated");
        UploadCheckpoint kept = checkpoints.load(request(video, UploadListener.NONE).checkpointKey()).orElseThrow();
        assertFalse(kept.session().recordedParts().stream().anyMatch(p -> p.partNumber() == 2), "no etag recorded for part 2");

        MediaId id = service.upload(request(video, UploadListener.NONE));

        assertEquals(2, port.partCalls.stream().filter(c -> c.endsWith(":1.2")).count(), "the rerun sent part 2 again");
        assertEquals(1, port.applyCalls.get(), "resumed the same upload");
        assertArrayEquals(Files.readAllBytes(video), port.media.get(id.value()));
    }

    @Test
    void upload_whenAPartKeepsFailing_sendsItAtMostMaxAttemptsTimes() throws IOException {
        Path video = file("ep1.mp4", 12 * MB, 14);
        port.partFault = k -> k.endsWith(":1.2") ? new PlatformException("uploadpart", -1, "system busy", 200) : null;

        PlatformException e = assertThrows(PlatformException.class, () -> service.upload(request(video, UploadListener.NONE)));

        assertEquals(-1, e.rawErrcode());
        assertEquals(RetryPolicy.defaults().maxAttempts(), port.partCalls.stream().filter(c -> c.endsWith(":1.2")).count(),
                "one part is sent at most maxAttempts times in all: no retry on top of the port's");
        assertEquals(RetryPolicy.defaults().maxAttempts() - 1, e.getSuppressed().length, "the earlier failures travel along");
    }

    @Test
    void upload_whenAnEarlierRunCommittedButDiedBeforeDeletingItsCheckpoint_returnsThatMediaWithoutUploadingAgain() throws IOException {
        Path video = file("ep1.mp4", 12 * MB, 12);
        port.commitAnswersLost.set(1);
        // the run dies after its commit went through: the answer is lost, the connection for the re-sent commit refused
        java.util.concurrent.atomic.AtomicInteger commits = new java.util.concurrent.atomic.AtomicInteger();
        io.minidrama.port.MiniDramaPlatform dying = new io.minidrama.port.ForwardingMiniDramaPlatform() {
            @Override
            protected io.minidrama.port.MiniDramaPlatform delegate() {
                return port.asPlatform();
            }

            @Override
            public MediaId commitUpload(io.minidrama.domain.media.CommitUpload request) {
                if (commits.incrementAndGet() > 1) {
                    throw new io.minidrama.domain.error.TransportException("commitupload", "connection refused", false, null);
                }
                return super.commitUpload(request);
            }
        };
        try (FileUploadService noCommitRetry = FileUploadService.builder(dying, checkpoints).build()) {
            assertThrows(io.minidrama.domain.error.TransportException.class, () -> noCommitRetry.upload(request(video, UploadListener.NONE)));
        }
        assertEquals(1, port.media.size(), "the first run's commit went through; only its answer was lost");

        MediaId id = service.upload(request(video, UploadListener.NONE));

        assertEquals(1, port.media.size(), "no second media");
        assertEquals(1, port.applyCalls.get(), "no second upload");
        assertArrayEquals(Files.readAllBytes(video), port.media.get(id.value()));
        assertTrue(checkpoints.load(request(video, UploadListener.NONE).checkpointKey()).isEmpty());
    }

    @Test
    void upload_whenTheUploadIdExpiredBeforeItsCommitAndAnOlderNamesakeExists_startsOverInsteadOfTakingTheOlderMedia() throws IOException {
        Path video = file("ep1.mp4", 12 * MB, 13);
        MediaId older = service.upload(FileUploadRequest.builder(file("old.mp4", MB, 14), MediaName.of("我的短剧", 1)).build());
        FileUploadRequest request = request(video, UploadListener.NONE);
        io.minidrama.domain.media.UploadSession done = io.minidrama.domain.media.UploadSession.start(
                io.minidrama.domain.UploadId.of("up-expired"), 12 * MB);
        for (io.minidrama.domain.media.PartPlan p : done.plannedParts()) {
            done = done.recordPart(p.resourceType(), p.partNumber(), p.length(), io.minidrama.domain.Etag.of("\"e" + p.partNumber() + "\""));
        }
        checkpoints.save(new UploadCheckpoint(request.checkpointKey(), FileIdentities.of(video),
                io.minidrama.domain.media.ApplyUpload.of(request.name(), request.format()), done, Instant.now(),
                io.minidrama.port.Namesakes.of(List.of(older))));

        MediaId id = service.upload(request);

        assertTrue(id.value() != older.value(), "the older namesake is not this upload's media");
        assertEquals(2, port.media.size());
        assertEquals(1, port.applyCalls.get(), "the expired upload started over once");
        assertArrayEquals(Files.readAllBytes(video), port.media.get(id.value()));
    }

    @Test
    void upload_whenTheCheckpointDirectoryCannotBeWritten_failsTypedBeforeAnyCallSayingNothingWasSent() throws IOException {
        Path video = file("ep1.mp4", 12 * MB, 15);
        Path gone = dir.resolve("cp-gone");
        FileUploadCheckpoints broken = FileUploadCheckpoints.in(gone);
        Files.delete(gone);
        Files.writeString(gone, "a file where the directory was");

        CheckpointStorageException e;
        try (FileUploadService s = FileUploadService.builder(port.retrying(RetryPolicy.defaults()), broken).build()) {
            e = assertThrows(CheckpointStorageException.class, () -> s.upload(request(video, UploadListener.NONE)));
        }

        assertTrue(e.getMessage().contains("nothing was sent"), e.getMessage());
        assertTrue(e.getMessage().contains(gone.toString()), e.getMessage());
        assertTrue(e.uploadInProgress().isEmpty());
        assertEquals(0, port.applyCalls.get());
        assertTrue(port.partCalls.isEmpty());
    }

    @Test
    void upload_whenTheStoreReportsItCannotBeWritten_sendsNothing() throws IOException {
        Path video = file("ep1.mp4", 12 * MB, 17);
        io.minidrama.port.UploadCheckpointPort readOnly = new io.minidrama.port.UploadCheckpointPort() {
            @Override
            public java.util.Optional<UploadCheckpoint> load(String key) {
                return checkpoints.load(key);
            }

            @Override
            public void save(UploadCheckpoint checkpoint) {
                throw new java.io.UncheckedIOException(new java.nio.file.AccessDeniedException("/cp/x.tmp"));
            }

            @Override
            public void delete(String key) {
                checkpoints.delete(key);
            }

            @Override
            public void checkWritable(String key) {
                throw CheckpointStorageException.beforeSending("/cp", new java.io.UncheckedIOException(
                        new java.nio.file.AccessDeniedException("/cp/probe.tmp")));
            }
        };

        CheckpointStorageException e;
        try (FileUploadService s = FileUploadService.builder(port.retrying(RetryPolicy.defaults()), readOnly).build()) {
            e = assertThrows(CheckpointStorageException.class, () -> s.upload(request(video, UploadListener.NONE)));
        }

        assertEquals(0, port.applyCalls.get(), "checked before applyupload");
        assertTrue(e.getMessage().contains("permission denied (/cp/probe.tmp); nothing was sent"), e.getMessage());
    }

    @Test
    void upload_whenSavingFailsAfterApply_reportsTheUploadInProgressAndWhatToDo() throws IOException {
        Path video = file("ep1.mp4", 12 * MB, 16);
        io.minidrama.port.UploadCheckpointPort failing = new io.minidrama.port.UploadCheckpointPort() {
            @Override
            public java.util.Optional<UploadCheckpoint> load(String key) {
                return java.util.Optional.empty();
            }

            @Override
            public void save(UploadCheckpoint checkpoint) {
                throw new java.io.UncheckedIOException(new java.nio.file.FileSystemException("/cp/x.tmp", null, "No space left on device"));
            }

            @Override
            public void delete(String key) {
            }
        };

        CheckpointStorageException e;
        try (FileUploadService s = FileUploadService.builder(port.retrying(RetryPolicy.defaults()), failing).build()) {
            e = assertThrows(CheckpointStorageException.class, () -> s.upload(request(video, UploadListener.NONE)));
        }

        assertEquals(1, port.applyCalls.get());
        assertTrue(e.uploadInProgress().isPresent());
        assertTrue(e.getMessage().contains("in progress on the platform"), e.getMessage());
        assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
        assertTrue(e.getMessage().contains("run again"), e.getMessage());
    }

    @Test
    void upload_whenTheVideoCannotBeRead_refusesWithTheReasonBeforeAnyCall() throws IOException {
        Path notAFile = unreadableVideo(dir);

        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> service.upload(request(notAFile, UploadListener.NONE)));

        assertEquals("media_data", e.violations().get(0).field());
        assertTrue(e.violations().get(0).message().startsWith("cannot read the file: "), e.getMessage());
        assertEquals(0, port.singleCalls.get());
        assertEquals(0, port.applyCalls.get());
    }

    @Test
    void upload_whenTheNameHoldsAPercentSign_isChunkedWithoutAskingForItsNamesakes() throws IOException {
        Path video = file("ep1.mp4", 12 * MB, 18);

        MediaId id = service.upload(FileUploadRequest.builder(video, MediaName.of("100%纯爱", 1)).build());

        assertArrayEquals(Files.readAllBytes(video), port.media.get(id.value()));
        assertEquals(1, port.applyCalls.get());
    }

    @Test
    void upload_whenApplysAnswerIsLost_asksOnceMoreAndSucceeds_butNotTwice() throws IOException {
        Path video = file("ep1.mp4", 11 * MB, 15);
        port.applyAnswersLost.set(1);

        MediaId id = service.upload(request(video, UploadListener.NONE));

        assertEquals(2, port.applyCalls.get(), "the policy does not repeat applyupload after an ambiguous failure; the service asks once more");
        assertArrayEquals(Files.readAllBytes(video), port.media.get(id.value()));

        port.applyAnswersLost.set(2);
        Path other = file("ep2.mp4", 11 * MB, 16);
        io.minidrama.domain.error.TransportException e = assertThrows(io.minidrama.domain.error.TransportException.class,
                () -> service.upload(FileUploadRequest.builder(other, MediaName.of("剧", 2)).build()));
        assertEquals(4, port.applyCalls.get(), "one more, not a loop");
        assertEquals(1, e.getSuppressed().length);
    }

    @Test
    void upload_whenApplyFailsInTransit_retriesItAndSucceeds() throws IOException {
        Path video = file("ep1.mp4", 11 * MB, 11);
        port.applyFailures.set(2);

        MediaId id = service.upload(request(video, UploadListener.NONE));

        assertEquals(3, port.applyCalls.get());
        assertArrayEquals(Files.readAllBytes(video), port.media.get(id.value()));
    }

    @Test
    void upload_whenVideoOverFiveHundredMegabytes_refusesBeforeAnyCall() throws IOException {
        Path video = dir.resolve("big.mp4");
        try (var ch = java.nio.channels.FileChannel.open(video, java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {1}), 500 * MB);
        }

        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> service.upload(request(video, UploadListener.NONE)));

        assertTrue(e.violates(Rule.R5));
        assertEquals(0, port.applyCalls.get());
    }

    @Test
    void request_whenExtensionUnknown_rejectsWithR2() throws IOException {
        Path video = file("ep1.txt", 10, 9);

        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> FileUploadRequest.builder(video, MediaName.of("剧", 1)).build());

        assertTrue(e.violates(Rule.R2));
        assertTrue(e.getMessage().contains("media_type"));
    }
}
