package io.minidrama.port.service;

import io.minidrama.domain.AuditStatus;
import io.minidrama.domain.DramaId;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.drama.Drama;
import io.minidrama.domain.drama.DramaAuditDetail;
import io.minidrama.domain.drama.DramaInfoChange;
import io.minidrama.domain.drama.LatestAuditQuery;
import io.minidrama.domain.drama.MediaReplacement;
import io.minidrama.domain.drama.ReplacementApplication;
import io.minidrama.domain.drama.ReplacementRequest;
import io.minidrama.domain.error.PlatformException;
import io.minidrama.domain.error.Rule;
import io.minidrama.domain.event.AuditType;
import io.minidrama.domain.traffic.PackageQuery;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.List;

import static io.minidrama.port.service.PortAssertions.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CatalogServiceTest {
    private static final DramaId DRAMA = DramaId.of(77);
    private static final List<MediaId> EPISODES = List.of(MediaId.of(1), MediaId.of(2), MediaId.of(3));
    private static final MediaId FRESH = MediaId.of(20);

    private final RecordingPlatform platform = new RecordingPlatform();
    private final CatalogService service = CatalogService.of(platform, platform, platform);

    private void given(AuditStatus status) {
        platform.dramaById.put(DRAMA, Drama.builder(DRAMA).name("我的短剧").mediaIds(EPISODES)
                .auditDetail(new DramaAuditDetail(status, Instant.EPOCH, Instant.EPOCH)).build());
    }

    private static ReplacementRequest replace(MediaId old, MediaId fresh) {
        return new ReplacementRequest(DRAMA, List.of(new MediaReplacement(old, fresh)));
    }

    @Nested
    @DisplayName("R-27: replaceEpisodes reads the drama first and sends nothing when a rule is broken")
    class ReplaceEpisodes {

        @Test
        void replaceEpisodes_whenApprovedAndOwnEpisode_readsThenSubmitsR27() {
            given(AuditStatus.APPROVED);
            ReplacementRequest r = replace(MediaId.of(2), FRESH);

            service.replaceEpisodes(r);

            assertEquals(List.of(new RecordingPlatform.Call("getdrama", DRAMA), new RecordingPlatform.Call("submitreplacedramamedias", r)),
                    platform.calls);
        }

        @ParameterizedTest
        @EnumSource(value = AuditStatus.class, names = {"INVALID", "UNDER_REVIEW", "REJECTED", "REJECTED_RESUBMIT"})
        void replaceEpisodes_whenDramaNotApproved_rejectsWithR27AndSendsNothing(AuditStatus status) {
            given(status);

            assertRejected(Rule.R27, "drama_id", "only in an approved drama", () -> service.replaceEpisodes(replace(MediaId.of(2), FRESH)));

            assertEquals(List.of("getdrama"), platform.ops());
        }

        @Test
        void replaceEpisodes_whenOldIsForeign_rejectsWithR27AndSendsNothing() {
            given(AuditStatus.APPROVED);

            assertRejected(Rule.R27, "replace_media_list[0].old", "must be an episode of drama 77",
                    () -> service.replaceEpisodes(replace(MediaId.of(99), FRESH)));

            assertEquals(List.of("getdrama"), platform.ops());
        }

        @Test
        void replaceEpisodes_whenNewIsAlreadyAnEpisode_rejectsWithR27AndSendsNothing() {
            given(AuditStatus.APPROVED);

            assertRejected(Rule.R27, "replace_media_list[0].new", "already an episode",
                    () -> service.replaceEpisodes(replace(MediaId.of(1), MediaId.of(3))));

            assertEquals(List.of("getdrama"), platform.ops());
        }

        @Test
        void replaceEpisodes_whenDramaUnknown_surfacesThePlatformErrorAndSendsNoSubmission() {
            assertThrows(PlatformException.class, () -> service.replaceEpisodes(replace(MediaId.of(2), FRESH)));

            assertEquals(List.of("getdrama"), platform.ops());
        }

        @Test
        void applyReplacement_isSentAsItIsForThePlatformToJudge() {
            ReplacementApplication a = new ReplacementApplication(DRAMA, MediaId.of(2), FRESH);

            service.applyReplacement(a);

            assertEquals(List.of(new RecordingPlatform.Call("replacedramamedia", a)), platform.calls);
        }
    }

    @Nested
    @DisplayName("R-28: modifyInfo reads the drama first and sends nothing unless it is approved")
    class ModifyInfo {

        @Test
        void modifyInfo_whenApproved_readsThenSubmitsR28() {
            given(AuditStatus.APPROVED);
            DramaInfoChange change = DramaInfoChange.builder(DRAMA).description("新简介").build();

            service.modifyInfo(change);

            assertEquals(List.of(new RecordingPlatform.Call("getdrama", DRAMA), new RecordingPlatform.Call("modifydramabasicinfo", change)),
                    platform.calls);
        }

        @ParameterizedTest
        @EnumSource(value = AuditStatus.class, names = {"INVALID", "UNDER_REVIEW", "REJECTED", "REJECTED_RESUBMIT"})
        void modifyInfo_whenDramaNotApproved_rejectsWithR28AndSendsNothing(AuditStatus status) {
            given(status);

            assertRejected(Rule.R28, "drama_id", "only an approved drama",
                    () -> service.modifyInfo(DramaInfoChange.builder(DRAMA).description("新简介").build()));

            assertEquals(List.of("getdrama"), platform.ops());
        }
    }

    @Test
    void latestAudit_passesTheQueryThroughR29() {
        LatestAuditQuery q = new LatestAuditQuery(DRAMA, AuditType.INFO_CHANGE);

        assertEquals(AuditStatus.UNDER_REVIEW, service.latestAudit(q).status());
        assertEquals(List.of(new RecordingPlatform.Call("getdramalatestauditinfo", q)), platform.calls);
    }

    @Test
    void packages_passesTheQueryThroughR25() {
        PackageQuery q = PackageQuery.of(PackageQuery.Status.VALID);

        assertEquals(0, service.packages(q).totalCount());
        assertEquals(List.of(new RecordingPlatform.Call("listpackages", q)), platform.calls);
    }
}
