package io.minidrama.testkit;

import io.minidrama.domain.AuditStatus;
import io.minidrama.domain.DramaId;
import io.minidrama.domain.MaterialId;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.PageRequest;
import io.minidrama.domain.drama.Drama;
import io.minidrama.domain.drama.MediaReplacement;
import io.minidrama.domain.drama.Resubmission;
import io.minidrama.port.DramaAuditPort;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.minidrama.testkit.MiniDramaFixtures.aDrama;
import static io.minidrama.testkit.MiniDramaFixtures.episode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract of {@link DramaAuditPort} (R-14..R-19): a first submission puts a new drama under
 * review; the review (decided through {@link PlatformControl}) approves it, rejects it for good
 * (status 2, final) or sends it back for changes (status 4); only a drama sent back for changes
 * can be resubmitted (10093011 otherwise, a finally rejected one included), keeping its id and episode count
 * (10093014), replacing episodes; episodes must exist (10093030) and belong to no other drama
 * (10090040); at most 5 expedited first submissions a day (the sixth is 10093011); unknown dramas
 * are 10093030; lists are newest first and paged.
 *
 * <p>Extend it and implement {@link #createSubject()}.
 */
public abstract class DramaAuditPortContractTest extends PlatformContract<DramaAuditPort> {
    private List<MediaId> episodes(int count) {
        List<MediaId> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ids.add(control.seedMedia(episode(i), MiniDramaFixtures.tinyVideo()));
        }
        return ids;
    }

    private DramaId submitted(List<MediaId> episodes) {
        return port.submit(aDrama(episodes).build());
    }

    @Test
    void submit_firstSubmission_putsANewDramaUnderReview() {
        List<MediaId> eps = episodes(2);
        Instant now = control.now();

        Drama d = port.getDrama(submitted(eps));

        assertEquals(AuditStatus.UNDER_REVIEW, d.status());
        assertEquals(MiniDramaFixtures.DRAMA_NAME, d.name());
        assertEquals(eps, d.mediaIds());
        assertEquals(2, d.mediaCount());
        assertEquals(now.getEpochSecond(), d.createTime().getEpochSecond());
        assertEquals(now.getEpochSecond(), d.auditDetail().createTime().getEpochSecond());
    }

    @Test
    void getDrama_ofAnUnknownDrama_failsWithResourceNotFound() {
        Expect.platformError(10093030, () -> port.getDrama(DramaId.of(424_242L)));
    }

    @Test
    void submit_withAnUnknownMedia_failsWithResourceNotFound() {
        Expect.platformError(10093030, () -> port.submit(aDrama(List.of(MediaId.of(777_777_777L))).build()));
    }

    @Test
    void submit_withAnEpisodeOfAnotherDrama_failsWithEpisodeOccupied() {
        List<MediaId> eps = episodes(1);
        submitted(eps);

        Expect.platformError(10090040, () -> submitted(eps));
    }

    @Test
    void review_whenApproved_isFinalWithAnAuditTime() {
        DramaId id = submitted(episodes(1));
        control.advance(Duration.ofMinutes(30));

        control.approveDrama(id);

        Drama d = port.getDrama(id);
        assertEquals(AuditStatus.APPROVED, d.status());
        assertEquals(control.now().getEpochSecond(), d.auditDetail().auditTime().getEpochSecond());
        Expect.platformError(10093011, () -> port.submit(Resubmission.builder(id).description("changed").build()));
    }

    @Test
    void resubmit_afterBeingSentBackForChanges_isUnderReviewAgainWithTheSameId() {
        DramaId id = submitted(episodes(2));
        control.rejectDramaForChanges(id, "画面不清晰", List.of(MaterialId.of("evidence-1")));
        assertEquals(AuditStatus.REJECTED_RESUBMIT, port.getDrama(id).status());

        DramaId again = port.submit(Resubmission.builder(id).description("重新提交的简介").build());

        assertEquals(id, again);
        Drama d = port.getDrama(id);
        assertEquals(AuditStatus.UNDER_REVIEW, d.status());
        assertEquals("重新提交的简介", d.description());
    }

    @Test
    void resubmit_afterAFinalRejection_failsWithOperationFailedAndTheDramaStaysRejected() {
        DramaId id = submitted(episodes(1));
        control.rejectDrama(id, "内容违规", List.of());

        Expect.platformError(10093011, () -> port.submit(Resubmission.builder(id).description("再试一次").build()));
        assertEquals(AuditStatus.REJECTED, port.getDrama(id).status());
    }

    @Test
    void resubmit_whileUnderReview_failsWithOperationFailed() {
        DramaId id = submitted(episodes(1));

        Expect.platformError(10093011, () -> port.submit(Resubmission.builder(id).description("too early").build()));
    }

    @Test
    void resubmit_replacingARejectedEpisode_swapsItInPlace() {
        List<MediaId> eps = episodes(2);
        DramaId id = submitted(eps);
        control.rejectEpisode(eps.get(1), "第2集有违规内容", List.of());
        control.rejectDramaForChanges(id, "第2集有违规内容", List.of());
        MediaId replacement = control.seedMedia(episode(2), MiniDramaFixtures.tinyVideo());

        port.submit(Resubmission.builder(id).replacements(List.of(new MediaReplacement(eps.get(1), replacement))).build());

        assertEquals(List.of(eps.get(0), replacement), port.getDrama(id).mediaIds());
    }

    @Test
    void resubmit_withAnotherEpisodeCount_failsWithParameterError() {
        DramaId id = submitted(episodes(2));
        control.rejectDramaForChanges(id, "信息不全", List.of());

        Expect.platformError(10093014, () -> port.submit(Resubmission.builder(id).mediaCount(3).build()));
    }

    @Test
    void submit_expedited_allowsFiveADayAndRefusesTheSixth() {
        List<MediaId> eps = episodes(7);
        for (int i = 0; i < 5; i++) {
            port.submit(aDrama(List.of(eps.get(i))).expedited(true).build());
        }

        Expect.platformError(10093011, () -> port.submit(aDrama(List.of(eps.get(5))).expedited(true).build()));
        control.advance(Duration.ofDays(1));
        DramaId nextDay = port.submit(aDrama(List.of(eps.get(6))).expedited(true).build());
        assertTrue(port.getDrama(nextDay).expedited());
    }

    @Test
    void listDramas_isNewestFirstAndPaged() {
        List<MediaId> eps = episodes(3);
        List<DramaId> ids = new ArrayList<>();
        for (MediaId ep : eps) {
            ids.add(submitted(List.of(ep)));
            control.advance(Duration.ofSeconds(10));
        }

        List<DramaId> all = port.listDramas(PageRequest.first()).stream().map(Drama::id).toList();
        List<DramaId> second = port.listDramas(PageRequest.of(1, 1)).stream().map(Drama::id).toList();

        assertEquals(List.of(ids.get(2), ids.get(1), ids.get(0)), all);
        assertEquals(List.of(ids.get(1)), second);
    }
}
