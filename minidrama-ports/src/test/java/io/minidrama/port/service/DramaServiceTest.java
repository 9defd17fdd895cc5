package io.minidrama.port.service;

import io.minidrama.domain.AuditStatus;
import io.minidrama.domain.DramaId;
import io.minidrama.domain.MaterialId;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.PageRequest;
import io.minidrama.domain.drama.Drama;
import io.minidrama.domain.drama.DramaAuditDetail;
import io.minidrama.domain.drama.FirstSubmission;
import io.minidrama.domain.drama.MediaReplacement;
import io.minidrama.domain.drama.Qualification;
import io.minidrama.domain.drama.Resubmission;
import io.minidrama.domain.error.PlatformException;
import io.minidrama.domain.error.Rule;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static io.minidrama.port.service.PortAssertions.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DramaServiceTest {
    private static final DramaId DRAMA = DramaId.of(77);
    private static final List<MediaId> EPISODES = List.of(MediaId.of(1), MediaId.of(2), MediaId.of(3));

    private final RecordingPlatform platform = new RecordingPlatform();
    private final DramaService service = MiniDrama.create(platform).dramas();

    private void given(AuditStatus status) {
        platform.dramaById.put(DRAMA, Drama.builder(DRAMA).name("我的短剧").mediaIds(EPISODES)
                .auditDetail(new DramaAuditDetail(status, Instant.EPOCH, Instant.EPOCH)).build());
    }

    private static Drama drama(long id) {
        return Drama.builder(DramaId.of(id)).name("剧" + id).build();
    }

    @Nested
    @DisplayName("R-18/R-19: resubmit reads the drama first and sends nothing when a rule is broken")
    class Resubmit {

        @Test
        void resubmit_whenDramaSentBackForChangesAndResubmissionValid_readsThenSubmitsR19() {
            given(AuditStatus.REJECTED_RESUBMIT);
            Resubmission r = Resubmission.builder(DRAMA).mediaCount(3)
                    .replacements(List.of(new MediaReplacement(MediaId.of(2), MediaId.of(20)))).build();

            assertEquals(DRAMA, service.resubmit(r));
            assertEquals(List.of(new RecordingPlatform.Call("getdrama", DRAMA), new RecordingPlatform.Call("auditdrama", r)), platform.calls);
        }

        @ParameterizedTest
        @EnumSource(value = AuditStatus.class, names = {"INVALID", "UNDER_REVIEW", "APPROVED"})
        void resubmit_whenDramaNotRejected_rejectsWithR19AndSendsNoSubmission(AuditStatus status) {
            given(status);

            assertRejected(Rule.R19, "drama_id", "only a drama sent back for changes", () -> service.resubmit(Resubmission.builder(DRAMA).build()));

            assertEquals(List.of("getdrama"), platform.ops());
        }

        @Test
        void resubmit_whenDramaFinallyRejected_rejectsWithR19AskingForANewFirstSubmissionAndSendsNothing() {
            given(AuditStatus.REJECTED);

            assertRejected(Rule.R19, "drama_id", "send a new first submission", () -> service.resubmit(Resubmission.builder(DRAMA).build()));

            assertEquals(List.of("getdrama"), platform.ops());
        }

        @Test
        void resubmit_whenMediaCountChanged_rejectsWithR18AndSendsNoSubmission() {
            given(AuditStatus.REJECTED_RESUBMIT);

            assertRejected(Rule.R18, "media_count", "must stay 3", () -> service.resubmit(Resubmission.builder(DRAMA).mediaCount(4).build()));

            assertEquals(List.of("getdrama"), platform.ops());
        }

        @Test
        void resubmit_whenReplacingAForeignEpisode_rejectsWithR18AndSendsNoSubmission() {
            given(AuditStatus.REJECTED_RESUBMIT);
            Resubmission r = Resubmission.builder(DRAMA).replacements(List.of(new MediaReplacement(MediaId.of(99), MediaId.of(20)))).build();

            assertRejected(Rule.R18, "replace_media_list[0].old", "must be an episode of drama 77", () -> service.resubmit(r));

            assertEquals(List.of("getdrama"), platform.ops());
        }

        @Test
        void resubmit_whenDramaUnknown_surfacesThePlatformErrorAndSendsNoSubmission() {
            PlatformException e = assertThrows(PlatformException.class, () -> service.resubmit(Resubmission.builder(DramaId.of(5)).build()));

            assertEquals(10093030, e.rawErrcode());
            assertEquals(List.of("getdrama"), platform.ops());
        }
    }

    @Test
    void submit_sendsTheFirstSubmissionAndReturnsTheNewId() {
        FirstSubmission s = FirstSubmission.builder().name("我的短剧").mediaIds(EPISODES).producer("某公司").description("简介")
                .coverMaterialId(MaterialId.of("c")).qualification(new Qualification.RegistrationNumber("备案-1"))
                .producerIsMiniProgramEntity().build();

        assertEquals(platform.nextDramaId, service.submit(s));
        assertEquals(List.of(new RecordingPlatform.Call("auditdrama", s)), platform.calls);
    }

    @Test
    void listAll_followsPagesUntilAShortPage() {
        IntStream.rangeClosed(1, 250).forEach(i -> platform.dramas.add(drama(i)));

        List<Drama> all = service.listAll(1000);

        assertEquals(250, all.size());
        assertEquals(DramaId.of(250), all.get(249).id());
        assertEquals(List.of(PageRequest.of(0, 100), PageRequest.of(100, 100), PageRequest.of(200, 100)),
                platform.args("listdramas", PageRequest.class));
    }

    @Test
    void listAll_whenExactlyFullPages_asksOnceMoreAndStopsOnTheEmptyPage() {
        IntStream.rangeClosed(1, 200).forEach(i -> platform.dramas.add(drama(i)));

        assertEquals(200, service.listAll(1000).size());
        assertEquals(3, platform.args("listdramas", PageRequest.class).size());
    }

    @Test
    void listAll_stopsAtMaxItems() {
        IntStream.rangeClosed(1, 250).forEach(i -> platform.dramas.add(drama(i)));

        List<Drama> some = service.listAll(150);

        assertEquals(150, some.size());
        assertEquals(DramaId.of(150), some.get(149).id());
        assertEquals(2, platform.args("listdramas", PageRequest.class).size());
    }

    @Test
    void getAndList_delegate() {
        given(AuditStatus.APPROVED);
        platform.dramas.add(drama(1));

        assertEquals(DRAMA, service.get(DRAMA).id());
        assertEquals(1, service.list(PageRequest.first()).size());
        assertEquals(List.of("getdrama", "listdramas"), platform.ops());
    }
}
