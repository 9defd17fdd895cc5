package io.minidrama.testkit;

import io.minidrama.adapter.fake.StoredMedia;
import io.minidrama.domain.Etag;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.UploadId;
import io.minidrama.domain.media.ApplyUpload;
import io.minidrama.domain.media.ByteSource;
import io.minidrama.domain.media.CommitUpload;
import io.minidrama.domain.media.CoverFormat;
import io.minidrama.domain.media.PartInfo;
import io.minidrama.domain.media.PartUpload;
import io.minidrama.domain.media.ResourceType;
import io.minidrama.domain.media.UploadLimits;
import io.minidrama.domain.media.VideoFormat;
import io.minidrama.port.MediaUploadPort;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.minidrama.testkit.MiniDramaFixtures.bytes;
import static io.minidrama.testkit.MiniDramaFixtures.episode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract of {@link MediaUploadPort} (API.md R-4..R-7): single-file upload, and chunked
 * upload with parts in any order, concurrent and replaced, etags checked at commit, 5 MB parts
 * but the last, cover parts exactly when applied; errcodes 10093014 (parameter error), 10093030
 * (unknown upload) and 10090005 (cover part without a cover type); an injected errcode surfaces as
 * {@link io.minidrama.domain.error.PlatformException}. What was stored is checked through
 * {@link PlatformControl#storedMedia}: size and SHA-256 of the bytes.
 *
 * <p>Extend it and implement {@link #createSubject()}; the subject is created before and closed
 * after each test. Opting out of a test is an override with a comment saying why.
 */
public abstract class MediaUploadPortContractTest extends PlatformContract<MediaUploadPort> {
    private static final int FIVE_MB = (int) UploadLimits.PART_SIZE;

    private StoredMedia stored(MediaId id) {
        return control.storedMedia(id).orElseThrow(() -> new AssertionError("media " + id + " is not stored"));
    }

    private UploadId apply() {
        return port.applyUpload(ApplyUpload.of(episode(1), VideoFormat.MP4));
    }

    private Etag part(UploadId id, int n, byte[] data) {
        return port.uploadPart(new PartUpload(id, n, ResourceType.VIDEO, ByteSource.ofBytes(data, "ep1.mp4")));
    }

    @Test
    void uploadSingle_whenValid_storesTheBytesWithSizeAndChecksum() {
        byte[] video = bytes(300_000, 1);

        MediaId id = port.uploadSingle(MiniDramaFixtures.anEpisode(1).video(ByteSource.ofBytes(video, "ep1.mp4")).build());

        StoredMedia m = stored(id);
        assertEquals(video.length, m.size());
        assertEquals(Expect.sha256(video), m.sha256());
        assertTrue(m.duration().toSeconds() > 0, "a duration is derived or set");
    }

    @Test
    void uploadSingle_withCover_storesTheCover() {
        MediaId id = port.uploadSingle(MiniDramaFixtures.anEpisodeWithCover(1).build());

        StoredMedia m = stored(id);
        assertEquals(MiniDramaFixtures.tinyCover().length, m.coverSize());
        assertEquals(Expect.sha256(MiniDramaFixtures.tinyCover()), m.coverSha256());
    }

    @Test
    void uploadSingle_twice_givesTwoMediaIds() {
        MediaId a = port.uploadSingle(MiniDramaFixtures.anEpisode(1).build());
        MediaId b = port.uploadSingle(MiniDramaFixtures.anEpisode(1).build());

        assertNotEquals(a, b);
    }

    @Test
    void uploadPart_returnsTheEtagWithItsLiteralQuotes() {
        Etag etag = part(apply(), 1, bytes(1000, 2));

        assertTrue(etag.value().length() > 2 && etag.value().startsWith("\"") && etag.value().endsWith("\""),
                "an etag carries literal double quotes: " + etag.value());
    }

    @Test
    void chunkedUpload_whenPartsArriveOutOfOrder_commitsTheAssembledBytes() {
        byte[] p1 = bytes(FIVE_MB, 11);
        byte[] p2 = bytes(12_345, 12);
        UploadId id = apply();

        Etag e2 = part(id, 2, p2);
        Etag e1 = part(id, 1, p1);
        MediaId media = port.commitUpload(new CommitUpload(id, List.of(new PartInfo(1, e1), new PartInfo(2, e2)), List.of()));

        StoredMedia m = stored(media);
        assertEquals(FIVE_MB + 12_345L, m.size());
        assertEquals(Expect.sha256(p1, p2), m.sha256());
    }

    @Test
    void uploadPart_whenReuploaded_theLastUploadWins() {
        byte[] first = bytes(4000, 21);
        byte[] second = bytes(4000, 22);
        UploadId id = apply();

        part(id, 1, first);
        Etag last = part(id, 1, second);
        MediaId media = port.commitUpload(new CommitUpload(id, List.of(new PartInfo(1, last)), List.of()));

        assertEquals(Expect.sha256(second), stored(media).sha256());
    }

    @Test
    void commitUpload_withTheEtagOfAReplacedUpload_failsWithParameterError() {
        UploadId id = apply();
        Etag stale = part(id, 1, bytes(4000, 31));
        part(id, 1, bytes(4000, 32));

        Expect.platformError(10093014, () -> port.commitUpload(new CommitUpload(id, List.of(new PartInfo(1, stale)), List.of())));
    }

    @Test
    void commitUpload_listingAPartNeverUploaded_failsWithParameterError() {
        UploadId id = apply();
        Etag e1 = part(id, 1, bytes(FIVE_MB, 41));

        Expect.platformError(10093014, () -> port.commitUpload(new CommitUpload(id,
                List.of(new PartInfo(1, e1), new PartInfo(2, Etag.of("\"0123456789abcdef0123456789abcdef\""))), List.of())));
    }

    @Test
    void commitUpload_whenAPartButTheLastIsNotFiveMegabytes_failsWithParameterError() {
        UploadId id = apply();
        Etag e1 = part(id, 1, bytes(1000, 51));
        Etag e2 = part(id, 2, bytes(10, 52));

        Expect.platformError(10093014, () -> port.commitUpload(new CommitUpload(id, List.of(new PartInfo(1, e1), new PartInfo(2, e2)), List.of())));
    }

    @Test
    void commitUpload_withoutCoverPartsAfterApplyingWithACover_failsWithParameterError() {
        UploadId id = port.applyUpload(ApplyUpload.of(episode(1), VideoFormat.MP4).withCover(CoverFormat.PNG));
        Etag e1 = part(id, 1, bytes(1000, 61));

        Expect.platformError(10093014, () -> port.commitUpload(new CommitUpload(id, List.of(new PartInfo(1, e1)), List.of())));
    }

    @Test
    void commitUpload_withCoverParts_storesVideoAndCover() {
        UploadId id = port.applyUpload(ApplyUpload.of(episode(1), VideoFormat.MP4).withCover(CoverFormat.PNG));
        byte[] video = bytes(2000, 71);
        byte[] cover = MiniDramaFixtures.tinyCover();
        Etag v = part(id, 1, video);
        Etag c = port.uploadPart(new PartUpload(id, 1, ResourceType.COVER, ByteSource.ofBytes(cover, "cover.png")));

        MediaId media = port.commitUpload(new CommitUpload(id, List.of(new PartInfo(1, v)), List.of(new PartInfo(1, c))));

        StoredMedia m = stored(media);
        assertEquals(Expect.sha256(video), m.sha256());
        assertEquals(Expect.sha256(cover), m.coverSha256());
    }

    @Test
    void uploadPart_ofACoverWithoutACoverType_failsWithResourceTypeInvalid() {
        UploadId id = apply();

        Expect.platformError(10090005, () -> port.uploadPart(new PartUpload(id, 1, ResourceType.COVER,
                ByteSource.ofBytes(MiniDramaFixtures.tinyCover(), "cover.png"))));
    }

    @Test
    void uploadPart_toAnUnknownUpload_failsWithResourceNotFound() {
        Expect.platformError(10093030, () -> part(UploadId.of("no-such-upload"), 1, bytes(10, 81)));
    }

    @Test
    void commitUpload_ofAnUnknownUpload_failsWithResourceNotFound() {
        Expect.platformError(10093030, () -> port.commitUpload(new CommitUpload(UploadId.of("no-such-upload"),
                List.of(new PartInfo(1, Etag.of("\"00\""))), List.of())));
    }

    @Test
    void commitUpload_twice_theSecondFailsWithResourceNotFound() {
        UploadId id = apply();
        Etag e1 = part(id, 1, bytes(100, 91));
        CommitUpload commit = new CommitUpload(id, List.of(new PartInfo(1, e1)), List.of());
        port.commitUpload(commit);

        Expect.platformError(10093030, () -> port.commitUpload(commit));
    }

    @Test
    void uploadPart_concurrently_recordsEveryPart() throws Exception {
        UploadId id = apply();
        byte[][] parts = {bytes(FIVE_MB, 101), bytes(FIVE_MB, 102), bytes(777, 103)};
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Etag>> etags = List.of(
                    pool.submit(() -> part(id, 3, parts[2])),
                    pool.submit(() -> part(id, 1, parts[0])),
                    pool.submit(() -> part(id, 2, parts[1])));
            MediaId media = port.commitUpload(new CommitUpload(id, List.of(new PartInfo(1, etags.get(1).get()),
                    new PartInfo(2, etags.get(2).get()), new PartInfo(3, etags.get(0).get())), List.of()));

            assertEquals(Expect.sha256(parts[0], parts[1], parts[2]), stored(media).sha256());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void applyUpload_whenThePlatformAnswersAnErrcode_throwsPlatformExceptionCarryingIt() {
        control.failNext("applyupload", 1, 47003);

        Expect.platformError(47003, this::apply);
        assertTrue(apply().value().length() > 0, "the fault is used up; the next call succeeds");
    }
}
