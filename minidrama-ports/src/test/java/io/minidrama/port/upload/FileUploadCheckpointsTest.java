package io.minidrama.port.upload;

import io.minidrama.domain.Etag;
import io.minidrama.domain.UploadId;
import io.minidrama.domain.media.ApplyUpload;
import io.minidrama.domain.media.CoverFormat;
import io.minidrama.domain.media.MediaName;
import io.minidrama.domain.media.ResourceType;
import io.minidrama.domain.media.UploadLimits;
import io.minidrama.domain.media.UploadSession;
import io.minidrama.domain.media.VideoFormat;
import io.minidrama.domain.MediaId;
import io.minidrama.port.FileIdentity;
import io.minidrama.port.Namesakes;
import io.minidrama.port.UploadCheckpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileUploadCheckpointsTest {
    private static final long MB = UploadLimits.MB;

    @TempDir
    Path dir;

    private static UploadCheckpoint checkpoint(String uploadId, UploadSession session) {
        ApplyUpload req = ApplyUpload.of(MediaName.of("我的短剧", 3), VideoFormat.MP4).withCover(CoverFormat.JPG).withSourceContext("ctx=1&x");
        return new UploadCheckpoint("/videos/ep3.mp4#我的短剧 - 第3集", new FileIdentity("/videos/ep3.mp4", 50 * MB,
                Instant.parse("2026-11-20T10:15:30.123456Z"), "ab12"), req, session, Instant.parse("2026-11-24T00:00:00Z"));
    }

    @Test
    void save_thenLoad_roundTripsEveryFieldIncludingQuotedEtags() {
        FileUploadCheckpoints store = FileUploadCheckpoints.in(dir);
        UploadSession s = UploadSession.start(UploadId.of("wx-up-1"), 50 * MB, 2 * MB)
                .recordPart(ResourceType.VIDEO, 2, 5 * MB, Etag.of("\"d899e1b2\""))
                .recordPart(ResourceType.COVER, 1, 2 * MB, Etag.of("\"c0\""));
        UploadCheckpoint c = checkpoint("wx-up-1", s);

        store.save(c);
        UploadCheckpoint back = store.load(c.key()).orElseThrow();

        assertEquals(c.key(), back.key());
        assertEquals(c.video(), back.video());
        assertEquals(c.request().name(), back.request().name());
        assertEquals(c.request().coverFormat(), back.request().coverFormat());
        assertEquals(c.request().sourceContext(), back.request().sourceContext());
        assertEquals(s.recordedParts(), back.session().recordedParts());
        assertEquals("\"d899e1b2\"", back.session().recordedParts().get(0).etag().value());
        assertEquals(c.updatedAt(), back.updatedAt());
    }

    @Test
    void save_thenLoad_roundTripsTheNamesakesAndReadsAnOlderCheckpointAsUnknown() {
        FileUploadCheckpoints store = FileUploadCheckpoints.in(dir);
        UploadCheckpoint older = checkpoint("wx-up-1", UploadSession.start(UploadId.of("wx-up-1"), 50 * MB, 2 * MB));
        UploadCheckpoint c = new UploadCheckpoint(older.key(), older.video(), older.request(), older.session(), older.updatedAt(),
                Namesakes.of(List.of(MediaId.of(42L), MediaId.of(9_007_199_254_740_993L))));

        store.save(c);
        assertEquals(c.namesakes(), store.load(c.key()).orElseThrow().namesakes());
        store.delete(c.key());
        store.save(older);
        assertEquals(Namesakes.unknown(), store.load(c.key()).orElseThrow().namesakes());
        assertEquals(Namesakes.of(List.of()), Namesakes.decode(Namesakes.encode(java.util.Set.of())));
    }

    @Test
    void checkWritable_whenTheDirectoryIsWritable_leavesNoFileButTheLock_andWhenGone_failsTypedSayingNothingWasSent() throws IOException {
        Path cp = dir.resolve("cp");
        FileUploadCheckpoints store = FileUploadCheckpoints.in(cp);

        store.checkWritable("k");
        try (var files = Files.list(cp)) {
            assertEquals(List.of(".lock"), files.map(f -> f.getFileName().toString().replaceAll("^[0-9a-f]+", "")).toList());
        }
        try (var files = Files.list(cp)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(cp);
        Files.writeString(cp, "a file where the directory was");

        io.minidrama.port.CheckpointStorageException e = org.junit.jupiter.api.Assertions.assertThrows(
                io.minidrama.port.CheckpointStorageException.class, () -> store.checkWritable("k"));
        assertTrue(e.getMessage().startsWith("cannot save upload state in " + cp.toAbsolutePath().normalize() + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("nothing was sent"), e.getMessage());
        assertTrue(e.uploadInProgress().isEmpty());
    }

    @Test
    void load_whenKeyUnknown_isEmpty_andDeleteOfUnknownKeyDoesNothing() {
        FileUploadCheckpoints store = FileUploadCheckpoints.in(dir);
        assertTrue(store.load("nope").isEmpty());
        store.delete("nope");
        assertTrue(store.load("nope").isEmpty());
    }

    @Test
    void save_whenManyThreadsRecordDifferentParts_keepsEveryPart() throws Exception {
        FileUploadCheckpoints store = FileUploadCheckpoints.in(dir);
        UploadSession start = UploadSession.start(UploadId.of("wx-up-2"), 100 * MB);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> fs = new ArrayList<>();
        for (int part = 1; part <= 20; part++) {
            int p = part;
            fs.add(pool.submit(() -> store.save(checkpoint("wx-up-2",
                    start.recordPart(ResourceType.VIDEO, p, 5 * MB, Etag.of("\"e" + p + "\""))))));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        pool.shutdown();

        UploadSession merged = store.load(checkpoint("wx-up-2", start).key()).orElseThrow().session();
        assertTrue(merged.isComplete(), "all 20 parts kept: " + merged);
    }

    @Test
    void save_whenUploadIdDiffers_replacesInsteadOfMerging() {
        FileUploadCheckpoints store = FileUploadCheckpoints.in(dir);
        store.save(checkpoint("a", UploadSession.start(UploadId.of("a"), 10 * MB).recordPart(ResourceType.VIDEO, 1, 5 * MB, Etag.of("x"))));
        UploadCheckpoint fresh = checkpoint("b", UploadSession.start(UploadId.of("b"), 10 * MB));

        store.save(fresh);

        UploadSession now = store.load(fresh.key()).orElseThrow().session();
        assertEquals("b", now.uploadId().value());
        assertTrue(now.recordedParts().isEmpty());
    }

    @Test
    void save_leavesNoTemporaryFilesAndDeleteRemovesTheCheckpoint() throws IOException {
        FileUploadCheckpoints store = FileUploadCheckpoints.in(dir);
        UploadCheckpoint c = checkpoint("a", UploadSession.start(UploadId.of("a"), 10 * MB));
        store.save(c);
        store.save(c);
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.toString().endsWith(".tmp")));
        }
        store.delete(c.key());
        assertTrue(store.load(c.key()).isEmpty());
    }

    private static UploadSession parts(String uploadId, int... numbers) {
        UploadSession s = UploadSession.start(UploadId.of(uploadId), 100 * MB);
        for (int n : numbers) {
            s = s.recordPart(ResourceType.VIDEO, n, 5 * MB, Etag.of("\"e" + n + " %#+\\n\""));
        }
        return s;
    }

    private Path checkpointFile() throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".checkpoint")).findFirst().orElseThrow();
        }
    }

    private static List<Integer> partNumbers(UploadCheckpoint c) {
        return c.session().recordedParts().stream().map(UploadSession.RecordedPart::partNumber).toList();
    }

    @Test
    void save_ofMorePartsOfTheSameUpload_appendsToTheFileInPlace_andLoadReadsEveryPartAndTheLatestTime() throws IOException {
        FileUploadCheckpoints store = FileUploadCheckpoints.in(dir);
        store.save(checkpoint("a", parts("a")));
        Path file = checkpointFile();
        Object inode = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        String first = Files.readString(file);

        store.save(checkpoint("a", parts("a", 2)));
        assertEquals(inode, Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey(), "not renamed over");
        store.save(checkpoint("a", parts("a", 1, 3)).withSession(parts("a", 1, 3), Instant.parse("2026-11-25T01:02:03Z")));

        String now = Files.readString(file);
        assertTrue(now.startsWith(first) && now.substring(first.length()).lines().count() == 2,
                "two lines appended, the file not rewritten: " + now);
        UploadCheckpoint back = store.load(checkpoint("a", parts("a")).key()).orElseThrow();
        assertEquals(List.of(1, 2, 3), partNumbers(back));
        assertEquals(parts("a", 1, 2, 3).recordedParts(), back.session().recordedParts(), "etags with quotes, spaces, %, # and \\ intact");
        assertEquals(Instant.parse("2026-11-25T01:02:03Z"), back.updatedAt());

        // what a line cannot carry (here the namesakes) rewrites the file, keeping the parts
        UploadCheckpoint plain = checkpoint("a", parts("a", 4));
        store.save(new UploadCheckpoint(plain.key(), plain.video(), plain.request(), plain.session(), plain.updatedAt(),
                Namesakes.of(List.of(MediaId.of(7L)))));
        UploadCheckpoint rewritten = store.load(plain.key()).orElseThrow();
        assertEquals(Namesakes.of(List.of(MediaId.of(7L))), rewritten.namesakes());
        assertEquals(List.of(1, 2, 3, 4), partNumbers(rewritten));
    }

    @Test
    void load_ignoresAnAppendedLineThatIsTornOrFailsItsCheck_andTheNextSaveRewritesTheFileKeepingEveryPart() throws IOException {
        FileUploadCheckpoints store = FileUploadCheckpoints.in(dir);
        UploadCheckpoint c = checkpoint("a", parts("a", 1));
        store.save(c);
        store.save(checkpoint("a", parts("a", 2)));
        Path file = checkpointFile();
        String good = Files.readString(file);
        String line = good.substring(good.lastIndexOf("\n+ ") + 1);

        // a complete line whose check fails (part 2 became part 7), then a torn one without its end
        Files.writeString(file, good + line.replace(" 1.2:", " 1.7:") + line.substring(0, line.length() / 2));
        assertEquals(List.of(1, 2), partNumbers(store.load(c.key()).orElseThrow()));
        Files.writeString(file, good + line.substring(0, line.length() / 2));
        assertEquals(List.of(1, 2), partNumbers(store.load(c.key()).orElseThrow()));

        FileUploadCheckpoints.in(dir).save(checkpoint("a", parts("a", 3)));   // as another process would
        assertEquals(List.of(1, 2, 3), partNumbers(store.load(c.key()).orElseThrow()));
        assertTrue(Files.readString(file).lines().allMatch(l -> !l.startsWith("+ ")), "rewritten whole: " + Files.readString(file));
    }

    @Test
    void save_afterAnotherStoreWroteTheSameUpload_mergesTheirPartsInsteadOfTrustingWhatThisStoreLastWrote() {
        FileUploadCheckpoints one = FileUploadCheckpoints.in(dir);
        FileUploadCheckpoints other = FileUploadCheckpoints.in(dir);   // another process on the same directory
        String key = checkpoint("a", parts("a")).key();

        one.save(checkpoint("a", parts("a", 1)));
        other.save(checkpoint("a", parts("a", 2)));
        one.save(checkpoint("a", parts("a", 3)));
        assertEquals(List.of(1, 2, 3), partNumbers(one.load(key).orElseThrow()));

        other.delete(key);
        other.save(checkpoint("b", UploadSession.start(UploadId.of("b"), 100 * MB).recordPart(ResourceType.VIDEO, 9, 5 * MB, Etag.of("x"))));
        one.save(checkpoint("b", UploadSession.start(UploadId.of("b"), 100 * MB).recordPart(ResourceType.VIDEO, 4, 5 * MB, Etag.of("y"))));
        UploadCheckpoint now = one.load(key).orElseThrow();
        assertEquals("b", now.session().uploadId().value());
        assertEquals(List.of(4, 9), partNumbers(now));
    }

    @Test
    void load_whenFileIsCorrupt_isEmptySoTheUploadStartsOver() throws IOException {
        FileUploadCheckpoints store = FileUploadCheckpoints.in(dir);
        UploadCheckpoint c = checkpoint("a", UploadSession.start(UploadId.of("a"), 10 * MB));
        store.save(c);
        try (var files = Files.list(dir)) {
            Path f = files.filter(p -> p.toString().endsWith(".checkpoint")).findFirst().orElseThrow();
            Files.writeString(f, "upload_id=\nvideo_size=banana\n");
        }
        assertTrue(store.load(c.key()).isEmpty());
    }

    @Test
    void fileIdentity_whenContentChangesAtTheEnd_fingerprintDiffers() throws IOException {
        Path f = dir.resolve("v.mp4");
        byte[] b = new byte[(int) (3 * MB)];
        Files.write(f, b);
        FileIdentity before = FileIdentities.of(f);
        b[b.length - 1] = 7;
        Files.write(f, b);
        FileIdentity after = FileIdentities.of(f);

        assertEquals(before.size(), after.size());
        assertNotEquals(before.fingerprint(), after.fingerprint());
    }
    @Test
    void storeFailures_areCheckpointStorageExceptions_neverUncheckedIo() throws IOException {
        Path aFile = Files.writeString(dir.resolve("a-file"), "x");

        io.minidrama.port.CheckpointStorageException in = org.junit.jupiter.api.Assertions.assertThrows(
                io.minidrama.port.CheckpointStorageException.class, () -> FileUploadCheckpoints.in(aFile));
        assertTrue(in.getMessage().startsWith("cannot create checkpoint directory " + aFile), in.getMessage());
        assertTrue(in.getCause() instanceof IOException && in.uploadInProgress().isEmpty(), String.valueOf(in.getCause()));

        Path cp = dir.resolve("cp");
        FileUploadCheckpoints store = FileUploadCheckpoints.in(cp);
        store.save(checkpoint("wx-up-1", UploadSession.start(UploadId.of("wx-up-1"), 50 * MB, 2 * MB)));
        try (var files = Files.list(cp)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(cp);
        Files.writeString(cp, "a file where the directory was");
        io.minidrama.port.CheckpointStorageException save = org.junit.jupiter.api.Assertions.assertThrows(
                io.minidrama.port.CheckpointStorageException.class, () -> store.save(checkpoint("wx-up-1", UploadSession.start(UploadId.of("wx-up-1"), 50 * MB, 2 * MB))));
        assertTrue(save.getMessage().startsWith("cannot update the checkpoint of /videos/ep3.mp4#"), save.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(io.minidrama.port.CheckpointStorageException.class, () -> store.delete("k"));
        org.junit.jupiter.api.Assertions.assertThrows(io.minidrama.port.CheckpointStorageException.class, () -> store.load("k"));
    }

    @Test
    void fileIdentity_whenTheFileIsMissing_isInvalidRequestNamingItWithTheIoCause() {
        Path missing = dir.resolve("missing.mp4");

        io.minidrama.domain.error.InvalidRequestException e = org.junit.jupiter.api.Assertions.assertThrows(
                io.minidrama.domain.error.InvalidRequestException.class, () -> FileIdentities.of(missing));

        assertEquals(missing.toAbsolutePath().normalize().toString(), e.violations().get(0).rejected());
        assertTrue(e.getMessage().contains("no such file or directory") && e.getMessage().contains("nothing was sent"), e.getMessage());
        assertTrue(e.getCause() instanceof java.nio.file.NoSuchFileException, String.valueOf(e.getCause()));
    }
}
