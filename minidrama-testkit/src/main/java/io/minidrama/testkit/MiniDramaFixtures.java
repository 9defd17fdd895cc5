package io.minidrama.testkit;

import io.minidrama.domain.MaterialId;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.drama.Copyright;
import io.minidrama.domain.drama.DramaType;
import io.minidrama.domain.drama.FirstSubmission;
import io.minidrama.domain.drama.Qualification;
import io.minidrama.domain.media.ByteSource;
import io.minidrama.domain.media.CoverFormat;
import io.minidrama.domain.media.MediaName;
import io.minidrama.domain.media.SingleFileUpload;
import io.minidrama.domain.media.VideoFormat;

import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Ready-made test data: valid requests with every required field filled, tiny but well-formed
 * video and cover bytes, deterministic content of any size. Every method returns a new object;
 * builders can be changed freely. Stateless and thread-safe.
 *
 * <pre>{@code
 * MediaId ep1 = platform.uploadSingle(MiniDramaFixtures.anEpisode(1).build());
 * DramaId id = platform.submit(MiniDramaFixtures.aDrama().mediaIds(List.of(ep1)).build());
 * }</pre>
 */
public final class MiniDramaFixtures {
    /** The drama name the fixtures use. */
    public static final String DRAMA_NAME = "测试短剧";

    // ftyp (isom) + free + mdat: the boxes every MP4 starts with, 48 bytes in all.
    private static final byte[] TINY_MP4 = {
            0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm', 'm', 'p', '4', '1',
            0, 0, 0, 8, 'f', 'r', 'e', 'e',
            0, 0, 0, 16, 'm', 'd', 'a', 't', 0, 0, 0, 1, 0x09, 0x10, 0, 0};
    // A 1x1 PNG.
    private static final byte[] TINY_PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private MiniDramaFixtures() {
    }

    /** A tiny MP4 (the ftyp, free and mdat boxes): enough for an upload, not for a player. */
    public static byte[] tinyVideo() {
        return TINY_MP4.clone();
    }

    /** A 1x1 PNG, a valid cover image. */
    public static byte[] tinyCover() {
        return TINY_PNG.clone();
    }

    /** {@code size} pseudo-random bytes, the same for the same {@code seed}. */
    public static byte[] bytes(int size, long seed) {
        byte[] b = new byte[size];
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < size; i += 8) {
            long v = r.nextLong();
            for (int j = 0; j < 8 && i + j < size; j++) {
                b[i + j] = (byte) (v >>> (8 * j));
            }
        }
        return b;
    }

    /** The name of episode {@code n} of {@link #DRAMA_NAME}: {@code 测试短剧 - 第n集}. */
    public static MediaName episode(int n) {
        return MediaName.of(DRAMA_NAME, n);
    }

    /** A temporary-material id. */
    public static MaterialId material(String id) {
        return MaterialId.of(id);
    }

    /** A single-file upload of episode {@code n}: the tiny video, MP4, no cover. */
    public static SingleFileUpload.Builder anEpisode(int n) {
        return SingleFileUpload.builder().name(episode(n)).format(VideoFormat.MP4)
                .video(ByteSource.ofBytes(tinyVideo(), "ep" + n + ".mp4"));
    }

    /** As {@link #anEpisode}, with the tiny PNG as cover. */
    public static SingleFileUpload.Builder anEpisodeWithCover(int n) {
        return anEpisode(n).cover(CoverFormat.PNG, ByteSource.ofBytes(tinyCover(), "cover.png"));
    }

    /**
     * A first submission in the current schema, every required field filled: name
     * {@link #DRAMA_NAME}, an animated drama with a licence (qualification type 1), the producer's
     * own copyright without protection and an authorisation letter. Add the episodes with
     * {@code .mediaIds(...)}.
     */
    public static FirstSubmission.Builder aDrama() {
        return FirstSubmission.builder()
                .name(DRAMA_NAME)
                .producer("测试影业有限公司")
                .description("一部用于测试的短剧。")
                .coverMaterialId(material("cover-material-1"))
                .qualification(new Qualification.Licensed("V123456788888888", material("licence-material-1")))
                .dramaType(DramaType.ANIMATED)
                .copyright(Copyright.withoutProtection(Copyright.Role.PRODUCER))
                .authorizedMaterialId(material("authorisation-letter-1"));
    }

    /** {@link #aDrama()} with these episodes. */
    public static FirstSubmission.Builder aDrama(List<MediaId> episodes) {
        return aDrama().mediaIds(episodes);
    }

    /**
     * {@link #aDrama(List)} applying for copyright protection (as the producer, with one proof of
     * production): the kind of drama whose copyright can be authorised.
     */
    public static FirstSubmission.Builder aProtectedDrama(List<MediaId> episodes) {
        return FirstSubmission.builder()
                .name(DRAMA_NAME)
                .producer("测试影业有限公司")
                .description("一部申请了版权保护的测试短剧。")
                .coverMaterialId(material("cover-material-1"))
                .qualification(new Qualification.Licensed("V123456788888888", material("licence-material-1")))
                .dramaType(DramaType.ANIMATED)
                .copyright(Copyright.withProtection(Copyright.Role.PRODUCER, Copyright.Verification.PROOF_MATERIALS,
                        List.of(material("proof-of-production-1")), List.of()))
                .mediaIds(episodes);
    }
}
