package io.minidrama.testkit;

import io.minidrama.adapter.fake.Playback;
import io.minidrama.domain.AuditStatus;
import io.minidrama.domain.DramaId;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.drama.DramaAuditDetail;
import io.minidrama.domain.drama.DramaInfoChange;
import io.minidrama.domain.drama.LatestAuditQuery;
import io.minidrama.domain.drama.MediaReplacement;
import io.minidrama.domain.drama.ReplacementApplication;
import io.minidrama.domain.drama.ReplacementRequest;
import io.minidrama.domain.event.AuditType;
import io.minidrama.domain.media.PlayLink;
import io.minidrama.domain.media.PlayLinkRequest;
import io.minidrama.port.DramaAuditPort;
import io.minidrama.port.DramaMaintenancePort;
import io.minidrama.port.MediaCatalogPort;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.minidrama.testkit.MiniDramaFixtures.aDrama;
import static io.minidrama.testkit.MiniDramaFixtures.episode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract of {@link DramaMaintenancePort} (R-27..R-29), keeping an approved drama alive:
 * a replacement of episodes goes to review (audit type 2) and, once approved through
 * {@link PlatformControl}, is applied one episode at a time within 7 days; links to a replaced
 * episode keep working for 7 days after. An information change goes to review (audit type 3) and
 * takes effect only once approved. Only approved dramas can change (10093011), one review of each
 * kind at a time (10093011); a replaced media must be an episode and the new one not (10093014),
 * nor an episode of another drama (10090040); applying what is not approved, or too late, is
 * 10093011. The latest audit of each type is kept; a type never audited, or an unknown drama, is
 * 10093030.
 *
 * <p>The subject also submits and reads dramas and hands out play links (to set up approved dramas
 * and follow links). Extend it and implement {@link #createSubject()}.
 *
 * @param <P> the port under test
 */
public abstract class DramaMaintenancePortContractTest<P extends DramaMaintenancePort & DramaAuditPort & MediaCatalogPort> extends PlatformContract<P> {
    private List<MediaId> media(int from, int count) {
        List<MediaId> ids = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            ids.add(control.seedMedia(episode(i), MiniDramaFixtures.tinyVideo()));
        }
        return ids;
    }

    private DramaId approvedDrama(List<MediaId> episodes) {
        DramaId id = port.submit(aDrama(episodes).build());
        control.approveDrama(id);
        return id;
    }

    private static ReplacementRequest replacing(DramaId drama, MediaId old, MediaId fresh) {
        return new ReplacementRequest(drama, List.of(new MediaReplacement(old, fresh)));
    }

    private DramaAuditDetail latest(DramaId id, AuditType type) {
        return port.latestAudit(new LatestAuditQuery(id, type));
    }

    @Test
    void submitReplacement_ofAnApprovedDrama_isUnderReviewAsAuditType2() {
        List<MediaId> eps = media(1, 2);
        DramaId id = approvedDrama(eps);
        MediaId fresh = media(3, 1).get(0);
        control.advance(Duration.ofMinutes(5));
        Instant at = control.now();

        port.submitReplacement(replacing(id, eps.get(1), fresh));

        DramaAuditDetail audit = latest(id, AuditType.REPLACEMENT);
        assertEquals(AuditStatus.UNDER_REVIEW, audit.status());
        assertEquals(at.getEpochSecond(), audit.createTime().getEpochSecond());
        assertEquals(eps, port.getDrama(id).mediaIds(), "nothing changes before the replacement is approved and applied");
    }

    @Test
    void submitReplacement_ofADramaUnderReview_failsWithOperationFailed() {
        List<MediaId> eps = media(1, 1);
        DramaId id = port.submit(aDrama(eps).build());

        Expect.platformError(10093011, () -> port.submitReplacement(replacing(id, eps.get(0), media(2, 1).get(0))));
    }

    @Test
    void submitReplacement_ofAMediaThatIsNotAnEpisode_failsWithParameterError() {
        DramaId id = approvedDrama(media(1, 1));
        List<MediaId> strangers = media(2, 2);

        Expect.platformError(10093014, () -> port.submitReplacement(replacing(id, strangers.get(0), strangers.get(1))));
    }

    @Test
    void submitReplacement_withANewMediaOfAnotherDrama_failsWithEpisodeOccupied() {
        List<MediaId> eps = media(1, 1);
        DramaId id = approvedDrama(eps);
        List<MediaId> other = media(2, 1);
        port.submit(aDrama(other).build());

        Expect.platformError(10090040, () -> port.submitReplacement(replacing(id, eps.get(0), other.get(0))));
    }

    @Test
    void submitReplacement_whileAnotherIsUnderReview_failsWithOperationFailed() {
        List<MediaId> eps = media(1, 2);
        DramaId id = approvedDrama(eps);
        List<MediaId> fresh = media(3, 2);
        port.submitReplacement(replacing(id, eps.get(0), fresh.get(0)));

        Expect.platformError(10093011, () -> port.submitReplacement(replacing(id, eps.get(1), fresh.get(1))));
    }

    @Test
    void applyReplacement_beforeApproval_failsWithOperationFailed() {
        List<MediaId> eps = media(1, 1);
        DramaId id = approvedDrama(eps);
        MediaId fresh = media(2, 1).get(0);
        port.submitReplacement(replacing(id, eps.get(0), fresh));

        Expect.platformError(10093011, () -> port.applyReplacement(new ReplacementApplication(id, eps.get(0), fresh)));
    }

    @Test
    void applyReplacement_afterApproval_swapsTheEpisodeInPlace() {
        List<MediaId> eps = media(1, 3);
        DramaId id = approvedDrama(eps);
        List<MediaId> fresh = media(4, 2);
        port.submitReplacement(new ReplacementRequest(id, List.of(new MediaReplacement(eps.get(0), fresh.get(0)),
                new MediaReplacement(eps.get(2), fresh.get(1)))));
        control.advance(Duration.ofHours(1));

        control.approveReplacement(id);
        port.applyReplacement(new ReplacementApplication(id, eps.get(2), fresh.get(1)));

        assertEquals(List.of(eps.get(0), eps.get(1), fresh.get(1)), port.getDrama(id).mediaIds());
        assertEquals(AuditStatus.APPROVED, port.getDrama(id).status());
        DramaAuditDetail audit = latest(id, AuditType.REPLACEMENT);
        assertEquals(AuditStatus.APPROVED, audit.status());
        assertEquals(control.now().getEpochSecond(), audit.auditTime().getEpochSecond());
        port.applyReplacement(new ReplacementApplication(id, eps.get(0), fresh.get(0)));
        assertEquals(List.of(fresh.get(0), eps.get(1), fresh.get(1)), port.getDrama(id).mediaIds());
    }

    @Test
    void applyReplacement_ofAPairNotInTheApprovedReplacement_failsWithParameterError() {
        List<MediaId> eps = media(1, 2);
        DramaId id = approvedDrama(eps);
        MediaId fresh = media(3, 1).get(0);
        port.submitReplacement(replacing(id, eps.get(0), fresh));
        control.approveReplacement(id);

        Expect.platformError(10093014, () -> port.applyReplacement(new ReplacementApplication(id, eps.get(1), fresh)));
    }

    @Test
    void applyReplacement_moreThanSevenDaysAfterApproval_failsWithOperationFailed() {
        List<MediaId> eps = media(1, 1);
        DramaId id = approvedDrama(eps);
        MediaId fresh = media(2, 1).get(0);
        port.submitReplacement(replacing(id, eps.get(0), fresh));
        control.approveReplacement(id);

        control.advance(Duration.ofDays(7).plusMinutes(1));

        Expect.platformError(10093011, () -> port.applyReplacement(new ReplacementApplication(id, eps.get(0), fresh)));
        assertEquals(eps, port.getDrama(id).mediaIds());
    }

    @Test
    void applyReplacement_afterRejection_failsWithOperationFailed_andTheNewMediaIsFreeAgain() {
        List<MediaId> eps = media(1, 1);
        DramaId id = approvedDrama(eps);
        MediaId fresh = media(2, 1).get(0);
        port.submitReplacement(replacing(id, eps.get(0), fresh));

        control.rejectReplacement(id, "新剧集画面不清晰");

        assertEquals(AuditStatus.REJECTED, latest(id, AuditType.REPLACEMENT).status());
        Expect.platformError(10093011, () -> port.applyReplacement(new ReplacementApplication(id, eps.get(0), fresh)));
        port.submit(aDrama(List.of(fresh)).build());
    }

    @Test
    void applyReplacement_linksToTheOldEpisodeKeepWorkingForSevenDays() {
        List<MediaId> eps = media(1, 1);
        DramaId id = approvedDrama(eps);
        MediaId fresh = media(2, 1).get(0);
        port.submitReplacement(replacing(id, eps.get(0), fresh));
        control.approveReplacement(id);
        port.applyReplacement(new ReplacementApplication(id, eps.get(0), fresh));

        control.advance(Duration.ofDays(7).minusHours(1));
        PlayLink late = port.getPlayLink(PlayLinkRequest.builder(eps.get(0)).expiresIn(Duration.ofHours(2)).build(control.clock()));
        Playback before = control.play(late.mp4Url(), "10.0.0.1", "", 10);
        control.advance(Duration.ofMinutes(90));
        Playback after = control.play(late.mp4Url(), "10.0.0.1", "", 10);

        assertTrue(before.served(), before.refusal());
        assertFalse(after.served(), "the old episode's links end 7 days after the replacement");
        Expect.platformError(10093011, () -> port.getPlayLink(
                PlayLinkRequest.builder(eps.get(0)).expiresIn(Duration.ofHours(1)).build(control.clock())));
        port.getPlayLink(PlayLinkRequest.builder(fresh).expiresIn(Duration.ofHours(1)).build(control.clock()));
    }

    @Test
    void modifyInfo_ofAnApprovedDrama_takesEffectOnlyOnceApproved() {
        DramaId id = approvedDrama(media(1, 1));
        String before = port.getDrama(id).description();

        port.modifyInfo(DramaInfoChange.builder(id).description("新的简介").recommendations("好看").build());

        assertEquals(before, port.getDrama(id).description());
        assertEquals(AuditStatus.UNDER_REVIEW, latest(id, AuditType.INFO_CHANGE).status());
        control.approveInfoChange(id);
        assertEquals("新的简介", port.getDrama(id).description());
        assertEquals("好看", port.getDrama(id).recommendations());
        assertEquals(AuditStatus.APPROVED, latest(id, AuditType.INFO_CHANGE).status());
        assertEquals(AuditStatus.APPROVED, port.getDrama(id).status(), "the drama itself stays approved");
    }

    @Test
    void modifyInfo_whenRejected_changesNothing() {
        DramaId id = approvedDrama(media(1, 1));
        String before = port.getDrama(id).description();
        port.modifyInfo(DramaInfoChange.builder(id).description("违规的简介").build());

        control.rejectInfoChange(id);

        assertEquals(before, port.getDrama(id).description());
        assertEquals(AuditStatus.REJECTED, latest(id, AuditType.INFO_CHANGE).status());
        port.modifyInfo(DramaInfoChange.builder(id).description("改过的简介").build());
    }

    @Test
    void modifyInfo_ofADramaNotApproved_failsWithOperationFailed() {
        DramaId id = port.submit(aDrama(media(1, 1)).build());

        Expect.platformError(10093011, () -> port.modifyInfo(DramaInfoChange.builder(id).description("太早了").build()));
    }

    @Test
    void modifyInfo_whileAnotherIsUnderReview_failsWithOperationFailed() {
        DramaId id = approvedDrama(media(1, 1));
        port.modifyInfo(DramaInfoChange.builder(id).description("第一次修改").build());

        Expect.platformError(10093011, () -> port.modifyInfo(DramaInfoChange.builder(id).description("第二次修改").build()));
    }

    @Test
    void modifyInfo_ofAnUnknownDrama_failsWithResourceNotFound() {
        Expect.platformError(10093030, () -> port.modifyInfo(DramaInfoChange.builder(DramaId.of(424_242L)).description("x").build()));
    }

    @Test
    void latestAudit_keepsTheLatestOfEachTypeAndRefusesATypeNeverAudited() {
        List<MediaId> eps = media(1, 1);
        DramaId id = port.submit(aDrama(eps).build());
        Instant submitted = control.now();
        control.advance(Duration.ofHours(2));
        control.approveDrama(id);

        DramaAuditDetail first = latest(id, AuditType.FIRST_SUBMISSION);

        assertEquals(AuditStatus.APPROVED, first.status());
        assertEquals(submitted.getEpochSecond(), first.createTime().getEpochSecond());
        assertEquals(control.now().getEpochSecond(), first.auditTime().getEpochSecond());
        Expect.platformError(10093030, () -> latest(id, AuditType.RESUBMISSION));
        Expect.platformError(10093030, () -> latest(id, AuditType.REPLACEMENT));
        port.modifyInfo(DramaInfoChange.builder(id).description("改").build());
        assertEquals(AuditStatus.UNDER_REVIEW, latest(id, AuditType.INFO_CHANGE).status());
        assertEquals(AuditStatus.APPROVED, latest(id, AuditType.FIRST_SUBMISSION).status());
    }

    @Test
    void latestAudit_ofAnUnknownDrama_failsWithResourceNotFound() {
        Expect.platformError(10093030, () -> latest(DramaId.of(424_242L), AuditType.FIRST_SUBMISSION));
    }
}
