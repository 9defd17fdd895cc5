package io.minidrama.testkit;

import io.minidrama.adapter.fake.Playback;
import io.minidrama.domain.AuditStatus;
import io.minidrama.domain.DramaId;
import io.minidrama.domain.MaterialId;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.PageRequest;
import io.minidrama.domain.TimeWindow;
import io.minidrama.domain.media.Media;
import io.minidrama.domain.media.MediaQuery;
import io.minidrama.domain.media.MediaName;
import io.minidrama.domain.media.PlayLink;
import io.minidrama.domain.media.PlayLinkRequest;
import io.minidrama.port.MiniDramaPlatform;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.minidrama.testkit.MiniDramaFixtures.aDrama;
import static io.minidrama.testkit.MiniDramaFixtures.episode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract of {@link io.minidrama.port.MediaCatalogPort} (R-9..R-13, R-20, R-21): media are
 * read with name, size, duration, upload time and episode audit; listed newest first, filtered by
 * drama, exact or fuzzy name and upload window, paged; deleted; unknown ids are 10093030. Play
 * links are issued only when the episode's drama is approved (10093011 otherwise, even for an
 * approved episode), and the CDN honours the link's expiry, {@code rlimit}, {@code whref},
 * {@code bkref} and preview length (simulated through {@link PlatformControl#play}).
 *
 * <p>The subject is the whole platform: uploads and drama submissions arrange the state the
 * catalog is read from. Extend it and implement {@link #createSubject()}.
 */
public abstract class MediaCatalogPortContractTest extends PlatformContract<MiniDramaPlatform> {
    private MediaId upload(MediaName name) {
        return port.uploadSingle(MiniDramaFixtures.anEpisode(1).name(name).build());
    }

    private MediaId approvedEpisode() {
        MediaId ep = upload(episode(1));
        DramaId drama = port.submit(aDrama(List.of(ep)).build());
        control.approveDrama(drama);
        return ep;
    }

    private PlayLinkRequest.Builder link(MediaId id) {
        return PlayLinkRequest.builder(id).expiresIn(Duration.ofHours(1));
    }

    @Test
    void getMedia_afterUpload_reportsNameSizeDurationAndUploadTime() {
        Instant now = control.now();
        MediaId id = upload(episode(3));

        Media m = port.getMedia(id);

        assertEquals(id, m.id());
        assertEquals(episode(3).wire(), m.name());
        assertEquals(MiniDramaFixtures.tinyVideo().length, m.fileSize());
        assertTrue(m.duration().toSeconds() > 0);
        assertEquals(now.getEpochSecond(), m.createTime().getEpochSecond());
        assertTrue(m.dramaId().isEmpty());
    }

    @Test
    void getMedia_ofAnUnknownMedia_failsWithResourceNotFound() {
        Expect.platformError(10093030, () -> port.getMedia(MediaId.of(31_337L)));
    }

    @Test
    void listMedia_isNewestFirstAndPaged() {
        MediaId a = upload(episode(1));
        control.advance(Duration.ofSeconds(5));
        MediaId b = upload(episode(2));
        control.advance(Duration.ofSeconds(5));
        MediaId c = upload(episode(3));

        assertEquals(List.of(c, b, a), ids(port.listMedia(MediaQuery.all())));
        assertEquals(List.of(b), ids(port.listMedia(MediaQuery.builder().page(PageRequest.of(1, 1)).build())));
    }

    @Test
    void listMedia_filtersByExactAndFuzzyName() {
        MediaId a = upload(MediaName.of("甲剧", 1));
        MediaId b = upload(MediaName.of("乙剧", 1));
        MediaId c = upload(MediaName.of("甲剧", 2));

        assertEquals(List.of(a), ids(port.listMedia(MediaQuery.builder().name("甲剧 - 第1集").build())));
        assertEquals(List.of(), ids(port.listMedia(MediaQuery.builder().name("甲剧").build())), "media_name is exact: no prefix match");
        assertEquals(List.of(c, a), ids(port.listMedia(MediaQuery.builder().nameFuzzy("甲剧").build())));
        assertEquals(List.of(b, a), ids(port.listMedia(MediaQuery.builder().nameFuzzy("第1集").build())));
        assertEquals(List.of(c, b, a), ids(port.listMedia(MediaQuery.builder().nameFuzzy("剧").build())));
        assertEquals(List.of(a), ids(port.listMedia(MediaQuery.builder().name("甲剧 - 第1集").nameFuzzy("甲剧").build())));
    }

    @Test
    void listMedia_filtersByUploadWindowStartInclusiveEndExclusive() {
        upload(episode(1));
        control.advance(Duration.ofMinutes(1));
        Instant from = control.now();
        MediaId inside = upload(episode(2));
        control.advance(Duration.ofMinutes(1));
        Instant to = control.now();
        upload(episode(3));

        assertEquals(List.of(inside), ids(port.listMedia(MediaQuery.builder().uploadedWithin(TimeWindow.of(from, to)).build())));
    }

    @Test
    void listMedia_filtersByDrama() {
        MediaId inDrama = upload(episode(1));
        upload(episode(2));
        DramaId drama = port.submit(aDrama(List.of(inDrama)).build());

        assertEquals(List.of(inDrama), ids(port.listMedia(MediaQuery.builder().dramaId(drama).build())));
        assertEquals(drama, port.getMedia(inDrama).dramaId().orElseThrow());
    }

    @Test
    void deleteMedia_removesIt() {
        MediaId id = upload(episode(1));

        port.deleteMedia(id);

        Expect.platformError(10093030, () -> port.getMedia(id));
        Expect.platformError(10093030, () -> port.deleteMedia(id));
    }

    @Test
    void episodeAudit_followsTheDramaUnlessDecidedOnItsOwn() {
        MediaId good = upload(episode(1));
        MediaId bad = upload(episode(2));
        DramaId drama = port.submit(aDrama(List.of(good, bad)).build());
        assertEquals(AuditStatus.UNDER_REVIEW, port.getMedia(good).auditDetail().status());

        control.rejectEpisode(bad, "含有违规画面", List.of(MaterialId.of("evidence-7")));
        control.approveDrama(drama);

        assertEquals(AuditStatus.APPROVED, port.getMedia(good).auditDetail().status());
        Media rejected = port.getMedia(bad);
        assertEquals(AuditStatus.REJECTED, rejected.auditDetail().status());
        assertEquals("含有违规画面", rejected.auditDetail().reason());
        assertEquals(List.of(MaterialId.of("evidence-7")), rejected.auditDetail().evidenceMaterialIds());
    }

    @Test
    void getPlayLink_forMediaOfNoDrama_failsWithOperationFailed() {
        MediaId id = upload(episode(1));

        Expect.platformError(10093011, () -> port.getPlayLink(link(id).build(control.clock())));
    }

    @Test
    void getPlayLink_whenOnlyTheEpisodeIsApproved_failsWithOperationFailed() {
        MediaId id = upload(episode(1));
        port.submit(aDrama(List.of(id)).build());
        control.approveEpisode(id);

        Expect.platformError(10093011, () -> port.getPlayLink(link(id).build(control.clock())));
    }

    @Test
    void getPlayLink_whenTheDramaIsApproved_returnsTemporaryUrlsAndTheDuration() {
        MediaId id = approvedEpisode();
        control.setDuration(id, Duration.ofSeconds(95));

        PlayLink l = port.getPlayLink(link(id).us("channel1").build(control.clock()));

        assertEquals(id, l.mediaId());
        assertEquals(95, l.duration().toSeconds());
        assertFalse(l.mp4Url().isEmpty());
        assertFalse(l.hlsUrl().isEmpty());
        assertTrue(control.play(l.mp4Url(), "10.0.0.1", "", 100).served());
    }

    @Test
    void getPlayLink_withAPreviewLongerThanTheVideo_isRefused() {
        MediaId id = approvedEpisode();
        control.setDuration(id, Duration.ofSeconds(10));

        Expect.platformError(10093014, () -> port.getPlayLink(link(id).previewSeconds(20).build(control.clock())));
    }

    @Test
    void playLink_afterItsExpiry_isNotServed() {
        MediaId id = approvedEpisode();
        PlayLink l = port.getPlayLink(PlayLinkRequest.builder(id).expiresIn(Duration.ofMinutes(10)).build(control.clock()));
        assertTrue(control.play(l.mp4Url(), "10.0.0.1", "", 100).served());

        control.advance(Duration.ofMinutes(10));

        Playback p = control.play(l.mp4Url(), "10.0.0.1", "", 100);
        assertFalse(p.served());
        assertEquals("expired", p.refusal());
    }

    @Test
    void playLink_withRlimit_servesThatManyClientAddressesOnly() {
        MediaId id = approvedEpisode();
        PlayLink l = port.getPlayLink(link(id).rlimit(2).build(control.clock()));

        assertTrue(control.play(l.mp4Url(), "10.0.0.1", "", 10).served());
        assertTrue(control.play(l.mp4Url(), "10.0.0.2", "", 10).served());
        assertTrue(control.play(l.mp4Url(), "10.0.0.1", "", 10).served());
        assertEquals("rlimit", control.play(l.mp4Url(), "10.0.0.3", "", 10).refusal());
    }

    @Test
    void playLink_withWhref_servesListedReferersOnly() {
        MediaId id = approvedEpisode();
        PlayLink l = port.getPlayLink(link(id).whref(List.of("www.example.com", "*.example.org")).build(control.clock()));

        assertTrue(control.play(l.mp4Url(), "10.0.0.1", "https://www.example.com/watch", 10).served());
        assertTrue(control.play(l.mp4Url(), "10.0.0.1", "https://m.example.org/", 10).served());
        assertEquals("whref", control.play(l.mp4Url(), "10.0.0.1", "https://evil.example.net/", 10).refusal());
        assertEquals("whref", control.play(l.mp4Url(), "10.0.0.1", "", 10).refusal());
    }

    @Test
    void playLink_withBkref_refusesListedReferers() {
        MediaId id = approvedEpisode();
        PlayLink l = port.getPlayLink(link(id).bkref(List.of("*.pirate.example")).build(control.clock()));

        assertTrue(control.play(l.mp4Url(), "10.0.0.1", "https://www.example.com/", 10).served());
        assertEquals("bkref", control.play(l.mp4Url(), "10.0.0.1", "https://cdn.pirate.example/x", 10).refusal());
    }

    @Test
    void playLink_withAPreview_servesOnlyThePreviewShareOfTheVideo() {
        MediaId id = upload(episode(1));
        control.setDuration(id, Duration.ofSeconds(48));
        DramaId drama = port.submit(aDrama(List.of(id)).build());
        control.approveDrama(drama);
        long size = port.getMedia(id).fileSize();

        PlayLink l = port.getPlayLink(link(id).previewSeconds(12).build(control.clock()));

        assertEquals(size * 12 / 48, control.play(l.mp4Url(), "10.0.0.1", "", size).bytesServed());
    }

    private static List<MediaId> ids(List<Media> media) {
        return media.stream().map(Media::id).toList();
    }
}
