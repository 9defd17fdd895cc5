package io.minidrama.domain.drama;

import io.minidrama.domain.AuditStatus;
import io.minidrama.domain.DramaId;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.List;

import static io.minidrama.domain.RuleAssertions.assertRejected;
import static io.minidrama.domain.RuleAssertions.violation;
import static io.minidrama.domain.drama.Submissions.media;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResubmissionTest {
    private static final DramaId DRAMA = DramaId.of(77);
    private static final List<MediaId> EPISODES = media(3);
    private static final MediaId FRESH = MediaId.of(9001);

    private static Drama drama(AuditStatus status) {
        return Drama.builder(DRAMA).name("我的短剧").mediaIds(EPISODES)
                .auditDetail(new DramaAuditDetail(status, Instant.EPOCH, Instant.EPOCH)).build();
    }

    @Nested
    @DisplayName("R-18: drama_id required, every other field optional, each old episode replaced once")
    class R18Build {

        @Test
        void build_whenOnlyDramaId_acceptsR18() {
            Resubmission r = Resubmission.builder(DRAMA).build();

            assertEquals(DRAMA, r.dramaId());
            assertTrue(r.mediaCount().isEmpty());
            assertTrue(r.replacements().isEmpty());
            assertTrue(r.name().isEmpty());
        }

        @Test
        void build_whenDramaIdMissing_rejectsWithR18() {
            assertRejected(Rule.R18, "drama_id", "names the drama_id of the first submission", () -> Resubmission.builder(null).build());
        }

        @Test
        void build_whenSameOldEpisodeReplacedTwice_rejectsWithR18() {
            List<MediaReplacement> reps = List.of(new MediaReplacement(EPISODES.get(0), FRESH),
                    new MediaReplacement(EPISODES.get(0), MediaId.of(9002)));

            assertRejected(Rule.R18, "replace_media_list[1].old", "replaced at most once", () -> Resubmission.builder(DRAMA).replacements(reps).build());
        }

        @Test
        void build_whenSameNewMediaReplacesTwoEpisodes_rejectsWithR18() {
            List<MediaReplacement> reps = List.of(new MediaReplacement(EPISODES.get(0), FRESH),
                    new MediaReplacement(EPISODES.get(1), FRESH));

            assertRejected(Rule.R18, "replace_media_list[1].new", "replaces one episode only",
                    () -> Resubmission.builder(DRAMA).replacements(reps).build());
        }

        @Test
        void build_whenDistinctReplacements_acceptsR18() {
            List<MediaReplacement> reps = List.of(new MediaReplacement(EPISODES.get(0), FRESH),
                    new MediaReplacement(EPISODES.get(1), MediaId.of(9002)));

            assertEquals(reps, Resubmission.builder(DRAMA).replacements(reps).build().replacements());
        }

        @Test
        void build_whenMediaCountDiffersFromMediaIds_rejectsWithR18() {
            assertRejected(Rule.R18, "media_count", "must equal the number of media ids (3)",
                    () -> Resubmission.builder(DRAMA).mediaIds(EPISODES).mediaCount(2).build());
        }

        @Test
        void build_whenMediaIdsGiven_derivesMediaCount() {
            assertEquals(3, Resubmission.builder(DRAMA).mediaIds(EPISODES).build().mediaCount().getAsInt());
        }

        @Test
        void build_whenMediaIdRepeats_rejectsWithR14() {
            assertRejected(Rule.R14, "media_id_list[1]", "must not repeat",
                    () -> Resubmission.builder(DRAMA).mediaIds(List.of(FRESH, FRESH)).build());
        }

        @Test
        void build_whenDescriptionOver200_rejectsWithS6_1() {
            assertRejected(Rule.S6_1, "description", "at most 200", () -> Resubmission.builder(DRAMA).description("简".repeat(201)).build());
            assertEquals(200, Resubmission.builder(DRAMA).description("简".repeat(200)).build().description().orElseThrow().length());
        }

        @Test
        void build_whenNameBlank_rejectsWithR18() {
            assertRejected(Rule.R18, "name", "must not be blank", () -> Resubmission.builder(DRAMA).name(" ").build());
        }

        @Test
        void replacement_whenOldEqualsNew_rejectsWithR27() {
            assertRejected(Rule.R27, "new", "must differ from the episode it replaces", () -> new MediaReplacement(FRESH, FRESH));
        }
    }

    @Nested
    @DisplayName("R-18: Drama.checkResubmission against the drama: same media_count, own episodes only")
    class R18CheckAgainstDrama {

        @Test
        void checkResubmission_whenSameCountAndOwnEpisodeReplaced_acceptsR18() {
            Resubmission r = Resubmission.builder(DRAMA).mediaCount(3)
                    .replacements(List.of(new MediaReplacement(EPISODES.get(1), FRESH))).build();

            drama(AuditStatus.REJECTED_RESUBMIT).checkResubmission(r);
            assertEquals(3, drama(AuditStatus.REJECTED_RESUBMIT).mediaCount());
        }

        @Test
        void checkResubmission_whenMediaCountChanged_rejectsWithR18() {
            Resubmission r = Resubmission.builder(DRAMA).mediaCount(4).build();

            InvalidRequestException e = assertRejected(Rule.R18, "media_count", "must stay 3",
                    () -> drama(AuditStatus.REJECTED_RESUBMIT).checkResubmission(r));
            assertEquals("4", e.violations().get(0).rejected());
        }

        @Test
        void checkResubmission_whenNewMediaListHasAnotherLength_rejectsWithR18() {
            Resubmission r = Resubmission.builder(DRAMA).mediaIds(media(2)).build();

            assertRejected(Rule.R18, "media_count", "must stay 3", () -> drama(AuditStatus.REJECTED_RESUBMIT).checkResubmission(r));
        }

        @Test
        void checkResubmission_whenReplacingAForeignEpisode_rejectsWithR18() {
            Resubmission r = Resubmission.builder(DRAMA).replacements(List.of(new MediaReplacement(MediaId.of(5555), FRESH))).build();

            assertRejected(Rule.R18, "replace_media_list[0].old", "must be an episode of drama 77",
                    () -> drama(AuditStatus.REJECTED_RESUBMIT).checkResubmission(r));
        }

        @Test
        void checkResubmission_whenNewMediaAlreadyAnEpisode_rejectsWithR27() {
            Resubmission r = Resubmission.builder(DRAMA).replacements(List.of(new MediaReplacement(EPISODES.get(0), EPISODES.get(2)))).build();

            assertRejected(Rule.R27, "replace_media_list[0].new", "already an episode", () -> drama(AuditStatus.REJECTED_RESUBMIT).checkResubmission(r));
        }

        @Test
        void checkResubmission_whenForAnotherDrama_rejectsWithR18() {
            Resubmission r = Resubmission.builder(DramaId.of(78)).build();

            assertRejected(Rule.R18, "drama_id", "names another drama (77)", () -> drama(AuditStatus.REJECTED_RESUBMIT).checkResubmission(r));
        }

        @Test
        void checkResubmission_whenSeveralRulesBroken_listsEveryOne() {
            Resubmission r = Resubmission.builder(DRAMA).mediaCount(5)
                    .replacements(List.of(new MediaReplacement(MediaId.of(5555), FRESH))).build();

            InvalidRequestException e = assertRejected(Rule.R19, "drama_id", "only a drama sent back for changes (status 4)",
                    () -> drama(AuditStatus.UNDER_REVIEW).checkResubmission(r));
            violation(e, Rule.R18, "media_count", "must stay 3");
            violation(e, Rule.R18, "replace_media_list[0].old", "must be an episode");
            assertEquals(3, e.violations().size());
        }
    }

    @Nested
    @DisplayName("R-19: only a drama sent back for changes (4) can be resubmitted; 2 is final; transitions follow the status")
    class R19Status {

        @ParameterizedTest
        @EnumSource(value = AuditStatus.class, names = {"INVALID", "UNDER_REVIEW", "APPROVED"})
        void checkResubmission_whenNotRejected_rejectsWithR19(AuditStatus status) {
            Resubmission r = Resubmission.builder(DRAMA).build();

            assertRejected(Rule.R19, "drama_id", "only a drama sent back for changes (status 4) can be resubmitted", () -> drama(status).checkResubmission(r));
        }

        @Test
        void checkResubmission_whenFinallyRejected_rejectsWithR19AskingForANewFirstSubmission() {
            Resubmission r = Resubmission.builder(DRAMA).description("再试一次").build();

            InvalidRequestException e = assertRejected(Rule.R19, "drama_id", "status 2 is final",
                    () -> drama(AuditStatus.REJECTED).checkResubmission(r));
            assertTrue(e.getMessage().contains("new first submission"), e::getMessage);
            assertEquals(1, e.violations().size());
        }

        @Test
        void canRequestLinks_onlyWhenApproved() {
            assertFalse(drama(AuditStatus.UNDER_REVIEW).canRequestLinks());
            assertFalse(drama(AuditStatus.REJECTED).canRequestLinks());
            assertTrue(drama(AuditStatus.APPROVED).canRequestLinks());
        }
    }
}
