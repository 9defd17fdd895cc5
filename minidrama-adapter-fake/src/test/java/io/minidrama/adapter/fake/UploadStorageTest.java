package io.minidrama.adapter.fake;

import io.minidrama.domain.Etag;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.UploadId;
import io.minidrama.domain.error.PlatformException;
import io.minidrama.domain.media.ApplyUpload;
import io.minidrama.domain.media.ByteSource;
import io.minidrama.domain.media.CommitUpload;
import io.minidrama.domain.media.MediaName;
import io.minidrama.domain.media.PartInfo;
import io.minidrama.domain.media.PartUpload;
import io.minidrama.domain.media.ResourceType;
import io.minidrama.domain.media.UploadLimits;
import io.minidrama.domain.media.VideoFormat;
import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the fake stores uploaded parts: digested in order, bytes held only while needed, abandoned uploads freed by the wall clock. */
class UploadStorageTest {
    private static final int PART = (int) UploadLimits.PART_SIZE;
    private final Random random = new Random(42);

    private static InMemoryMiniDramaPlatform.Builder fake() {
        return InMemoryMiniDramaPlatform.builder().clock(MutableClock.create());
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static Etag put(InMemoryMiniDramaPlatform p, UploadId id, int number, byte[] data) {
        return p.uploadPart(new PartUpload(id, number, ResourceType.VIDEO, ByteSource.ofBytes(data, "ep.mp4")));
    }

    private static MediaId commit(InMemoryMiniDramaPlatform p, UploadId id, List<Etag> etags) {
        List<PartInfo> infos = new ArrayList<>();
        for (int i = 0; i < etags.size(); i++) {
            infos.add(new PartInfo(i + 1, etags.get(i)));
        }
        return p.commitUpload(new CommitUpload(id, infos, List.of()));
    }

    private static UploadId apply(InMemoryMiniDramaPlatform p) {
        return p.applyUpload(ApplyUpload.of(MediaName.of("剧", 1), VideoFormat.MP4));
    }

    private static String sha256(List<byte[]> parts) throws Exception {
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        parts.forEach(d::update);
        return HexFormat.of().formatHex(d.digest());
    }

    @Test
    void uploadPart_answersTheDocumentedEtag_theFirst16BytesOfThePartsSha256InQuotes_andANewOneForNewBytes() throws Exception {
        InMemoryMiniDramaPlatform p = fake().build();
        UploadId id = apply(p);
        byte[] first = bytes(PART);
        byte[] second = bytes(PART);

        Etag etag = put(p, id, 1, first);
        String sha = sha256(List.of(first));
        assertEquals('"' + sha.substring(0, 32) + '"', etag.value());
        Etag replaced = put(p, id, 1, second);
        assertEquals('"' + sha256(List.of(second)).substring(0, 32) + '"', replaced.value());
        assertFalse(etag.equals(replaced), "a part uploaded again with other bytes gets another etag");
        assertEquals(etag, put(p, id, 1, first), "the same bytes give the same etag");
    }

    @Test
    void uploadPart_inOrderAboveTheContentCap_holdsNoPartBytesAndTheMediaKeepsOnlySizeAndDigest() throws Exception {
        InMemoryMiniDramaPlatform p = fake().keepContentUpTo(6L * PART).build();
        UploadId id = apply(p);
        List<byte[]> parts = new ArrayList<>();
        List<Etag> etags = new ArrayList<>();
        long mostHeld = 0;
        for (int i = 1; i <= 12; i++) {
            byte[] data = bytes(i == 12 ? 1234 : PART);
            parts.add(data);
            etags.add(put(p, id, i, data));
            mostHeld = Math.max(mostHeld, p.control().partBytesInMemory());
        }

        assertEquals(0, p.control().partBytesInMemory(), "once past the cap, digested parts are dropped");
        assertTrue(mostHeld <= 6L * PART, "held at most the cap while it could still be kept: " + mostHeld);
        MediaId media = commit(p, id, etags);
        StoredMedia stored = p.control().storedMedia(media).orElseThrow();
        assertEquals(11L * PART + 1234, stored.size());
        assertEquals(sha256(parts), stored.sha256());
        assertFalse(stored.contentKept());
        assertTrue(p.control().content(media).isEmpty());
    }

    @Test
    void uploadPart_outOfOrderBeyondTheMemoryBudget_spillsAndStillDigestsAndKeepsTheBytes() throws Exception {
        InMemoryMiniDramaPlatform p = fake().partMemoryBudget(0).build();
        UploadId id = apply(p);
        List<byte[]> parts = List.of(bytes(PART), bytes(PART), bytes(PART), bytes(777));
        Etag[] etags = new Etag[4];
        for (int i : new int[] {4, 2, 3, 1}) {
            etags[i - 1] = put(p, id, i, parts.get(i - 1));
            assertEquals(0, p.control().partBytesInMemory(), "a zero budget holds nothing in memory");
        }

        MediaId media = commit(p, id, List.of(etags));

        assertEquals(sha256(parts), p.control().storedMedia(media).orElseThrow().sha256());
        byte[] whole = p.control().content(media).orElseThrow();
        assertArrayEquals(parts.get(2), java.util.Arrays.copyOfRange(whole, 2 * PART, 3 * PART));
        assertEquals(3L * PART + 777, whole.length);
    }

    @Test
    void uploadPart_replacingADigestedPartWithOtherBytes_digestsTheBytesOfTheLastUploads() throws Exception {
        InMemoryMiniDramaPlatform p = fake().build();
        UploadId id = apply(p);
        List<byte[]> parts = new ArrayList<>(List.of(bytes(PART), bytes(PART), bytes(10)));
        List<Etag> etags = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            etags.add(put(p, id, i, parts.get(i - 1)));
        }
        parts.set(1, bytes(PART));
        etags.set(1, put(p, id, 2, parts.get(1)));
        put(p, id, 3, parts.get(2)); // the same bytes again: a retried part

        MediaId media = commit(p, id, etags);

        assertEquals(sha256(parts), p.control().storedMedia(media).orElseThrow().sha256());
        assertArrayEquals(concat(parts), p.control().content(media).orElseThrow());
    }

    @Test
    void uploadPart_replacingADroppedDigestedPart_foldsAgainOnceTheLaterPartsAreResent() throws Exception {
        InMemoryMiniDramaPlatform p = fake().keepContentUpTo(0).build();
        UploadId id = apply(p);
        List<byte[]> parts = new ArrayList<>(List.of(bytes(PART), bytes(PART), bytes(10)));
        List<Etag> etags = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            etags.add(put(p, id, i, parts.get(i - 1)));
        }
        parts.set(0, bytes(PART));
        etags.set(0, put(p, id, 1, parts.get(0)));

        UploadId second = apply(p);
        List<Etag> secondEtags = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            secondEtags.add(put(p, second, i, parts.get(i - 1)));
        }
        put(p, second, 1, bytes(PART));
        secondEtags.set(0, put(p, second, 1, parts.get(0)));

        // The first upload's parts 2 and 3 were dropped: its digest is unknown, never wrong.
        assertEquals("", p.control().storedMedia(commit(p, id, etags)).orElseThrow().sha256());
        put(p, second, 2, parts.get(1));
        put(p, second, 3, parts.get(2));
        assertEquals(sha256(parts), p.control().storedMedia(commit(p, second, secondEtags)).orElseThrow().sha256());
    }

    @Test
    void upload_abandonedLongerThanTheWallClockTtl_isFreedAndAnswered10093030WhateverTheFakeClock() {
        AtomicLong nanos = new AtomicLong();
        InMemoryMiniDramaPlatform p = fake().abandonedUploadsExpireAfter(Duration.ofHours(1)).wallTicker(nanos::get).build();
        UploadId kept = apply(p);
        UploadId abandoned = apply(p);
        Etag first = put(p, abandoned, 1, bytes(100));
        assertEquals(100, p.control().partBytesInMemory());

        nanos.addAndGet(Duration.ofMinutes(50).toNanos());
        Etag keptEtag = put(p, kept, 1, bytes(10)); // activity keeps an upload alive
        nanos.addAndGet(Duration.ofMinutes(20).toNanos());
        p.control().tick();

        assertEquals(10, p.control().partBytesInMemory(), "the abandoned upload's part is freed");
        PlatformException part = assertThrows(PlatformException.class, () -> put(p, abandoned, 2, bytes(10)));
        assertEquals(10093030, part.rawErrcode());
        PlatformException commit = assertThrows(PlatformException.class, () -> commit(p, abandoned, List.of(first)));
        assertEquals(10093030, commit.rawErrcode());
        assertTrue(p.control().storedMedia(commit(p, kept, List.of(keptEtag))).isPresent());
        assertEquals(0, p.control().partBytesInMemory());
    }

    @Test
    void recordedCalls_keepTheMostRecent100000Only() {
        InMemoryMiniDramaPlatform p = fake().build();
        for (int i = 0; i < 100_005; i++) {
            assertThrows(PlatformException.class, () -> p.getTask(io.minidrama.domain.TaskId.of(1)));
        }
        p.applyUpload(ApplyUpload.of(MediaName.of("剧", 1), VideoFormat.MP4));

        List<RecordedCall> calls = p.control().recordedCalls();
        assertEquals(100_000, calls.size());
        assertEquals("applyupload", calls.get(calls.size() - 1).operation());
    }

    private static byte[] concat(List<byte[]> parts) {
        int n = parts.stream().mapToInt(b -> b.length).sum();
        byte[] out = new byte[n];
        int pos = 0;
        for (byte[] b : parts) {
            System.arraycopy(b, 0, out, pos, b.length);
            pos += b.length;
        }
        return out;
    }
}
