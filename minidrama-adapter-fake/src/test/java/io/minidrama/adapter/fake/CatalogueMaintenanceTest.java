package io.minidrama.adapter.fake;

import io.minidrama.domain.AuditStatus;
import io.minidrama.domain.DramaId;
import io.minidrama.domain.MaterialId;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.drama.Copyright;
import io.minidrama.domain.drama.DramaInfoChange;
import io.minidrama.domain.drama.DramaType;
import io.minidrama.domain.drama.FirstSubmission;
import io.minidrama.domain.drama.MediaReplacement;
import io.minidrama.domain.drama.Qualification;
import io.minidrama.domain.drama.ReplacementRequest;
import io.minidrama.domain.event.AuditEvent;
import io.minidrama.domain.event.AuditType;
import io.minidrama.domain.media.ByteSource;
import io.minidrama.domain.media.MediaName;
import io.minidrama.domain.media.PlayLink;
import io.minidrama.domain.media.PlayLinkRequest;
import io.minidrama.domain.media.SingleFileUpload;
import io.minidrama.domain.media.UploadLimits;
import io.minidrama.domain.media.VideoFormat;
import io.minidrama.domain.traffic.PackageQuery;
import io.minidrama.domain.traffic.TrafficPackage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the fake does beyond the contract suites for the operations of API.md §7. */
class CatalogueMaintenanceTest {
    private final MutableClock clock = MutableClock.create();
    private final InMemoryMiniDramaPlatform platform = InMemoryMiniDramaPlatform.builder().clock(clock).build();
    private final FakeControl control = platform.control();
    private int episodes;

    private MediaId upload(int size) {
        return platform.uploadSingle(SingleFileUpload.builder().name(MediaName.of("剧", ++episodes)).format(VideoFormat.MP4)
                .video(ByteSource.ofBytes(new byte[size], "ep.mp4")).build());
    }

    private DramaId approved(MediaId ep, Copyright copyright) {
        FirstSubmission.Builder b = FirstSubmission.builder().name("剧").mediaIds(List.of(ep)).producer("p").description("d")
                .coverMaterialId(MaterialId.of("c")).qualification(new Qualification.Licensed("V1", MaterialId.of("l")))
                .dramaType(DramaType.ANIMATED).copyright(copyright);
        if (!copyright.applyForProtection()) {
            b.authorizedMaterialId(MaterialId.of("a"));
        }
        DramaId id = platform.submit(b.build());
        control.approveDrama(id);
        return id;
    }

    private DramaId approved(MediaId ep) {
        return approved(ep, Copyright.withoutProtection(Copyright.Role.PRODUCER));
    }

    @Test
    void replacementAndInfoChangeReviews_notifyAuditListenersWithTypes2And3() {
        List<AuditEvent> events = new CopyOnWriteArrayList<>();
        MediaId ep = upload(10);
        DramaId id = approved(ep);
        control.onAuditEvent(events::add);
        platform.submitReplacement(new ReplacementRequest(id, List.of(new MediaReplacement(ep, upload(10)))));
        Instant submitted = clock.instant();
        clock.advance(Duration.ofMinutes(10));

        control.approveReplacement(id);
        platform.modifyInfo(DramaInfoChange.builder(id).description("新简介").build());
        control.rejectInfoChange(id);

        assertEquals(List.of(AuditType.REPLACEMENT, AuditType.INFO_CHANGE), events.stream().map(AuditEvent::auditType).toList());
        assertEquals(List.of(AuditStatus.APPROVED, AuditStatus.REJECTED), events.stream().map(AuditEvent::status).toList());
        assertEquals(submitted, events.get(0).createTime());
        assertEquals(clock.instant(), events.get(0).auditTime());
        assertEquals(id, events.get(1).dramaId());
    }

    @Test
    void approveReplacement_whenNoneIsUnderReview_isRefusedAsMisuse() {
        DramaId id = approved(upload(10));

        assertThrows(IllegalStateException.class, () -> control.approveReplacement(id));
        assertThrows(IllegalStateException.class, () -> control.rejectInfoChange(id));
    }

    @Test
    void packageUsage_followsTheBilledTrafficServedWhileThePackageIsValid() {
        MediaId ep = upload((int) (3 * UploadLimits.MB));
        approved(ep);
        Instant now = clock.instant();
        String first = control.addPackage(2, now, now.plus(Duration.ofDays(30)));
        String second = control.addPackage(100, now, now.plus(Duration.ofDays(30)));
        control.addPackage(100, now, now.plus(Duration.ofDays(30)), true);
        PlayLink link = platform.getPlayLink(PlayLinkRequest.builder(ep).expiresIn(Duration.ofHours(1)).build(clock));

        control.play(link.mp4Url(), "10.0.0.1", "", 3 * UploadLimits.MB);

        List<TrafficPackage> general = platform.listPackages(PackageQuery.of(PackageQuery.Status.ALL)).packages();
        assertEquals(first, general.get(0).packageId());
        assertEquals(2, general.get(0).usedMb(), "the oldest package fills up first");
        assertEquals(PackageQuery.Status.INVALID.code(), general.get(0).status());
        assertEquals(second, general.get(1).packageId());
        assertEquals(2, general.get(1).usedMb(), "3 MB served, billed 3.3 MB: 1.3 MB spill over, rounded up");
        List<TrafficPackage> directed = platform.listPackages(new PackageQuery(PackageQuery.Status.ALL, 0, 100,
                PackageQuery.QueryType.DIRECTED)).packages();
        assertEquals(0, directed.get(0).usedMb(), "directed packages are not used by general traffic");
    }

    @Test
    void appliedForCopyrightProtection_isRememberedFromTheFirstSubmission() {
        DramaId plain = approved(upload(10));
        DramaId protectedDrama = approved(upload(10), Copyright.withProtection(Copyright.Role.PRODUCER,
                Copyright.Verification.PROOF_MATERIALS, List.of(MaterialId.of("proof")), List.of()));

        assertFalse(control.appliedForCopyrightProtection(plain));
        assertTrue(control.appliedForCopyrightProtection(protectedDrama));
    }

    @Test
    void appId_defaultsToAFakeAppIdAndCanBeConfigured() {
        assertEquals("wxfake000000000001", platform.appId().value());
        assertEquals("wxother00000000001", InMemoryMiniDramaPlatform.builder()
                .appId(io.minidrama.domain.AppId.of("wxother00000000001")).build().appId().value());
    }
}
