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

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.minidrama.domain.RuleAssertions.assertRejected;
import static io.minidrama.domain.RuleAssertions.violation;
import static io.minidrama.domain.drama.Submissions.media;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplacementTest {
    private static final DramaId DRAMA = DramaId.of(77);
    private static final List<MediaId> EPISODES = media(3);
    private static final MediaId E1 = EPISODES.get(0);
    private static final MediaId E2 = EPISODES.get(1);
    private static final MediaId FRESH = MediaId.of(9001);
    private static final MediaId FRESH2 = MediaId.of(9002);
    private static final Instant SUBMITTED = Instant.parse("2024-06-01T00:00:00Z");
    private static final Instant APPROVED = SUBMITTED.plus(Duration.ofDays(1));

    private static Drama drama(AuditStatus status) {
        return Drama.builder(DRAMA).name("我的短剧").mediaIds(EPISODES)
                .auditDetail(new DramaAuditDetail(status, Instant.EPOCH, Instant.EPOCH)).build();
    }

    private static ReplacementRequest request(MediaReplacement... reps) {
        return new ReplacementRequest(DRAMA, List.of(reps));
    }

    /** An approved drama whose replacement {@code reps} is in {@code status} (reviewed at APPROVED unless under review). */
    private static Drama withReplacement(AuditStatus status, MediaReplacement... reps) {
        Instant reviewed = status == AuditStatus.UNDER_REVIEW ? Instant.EPOCH : APPROVED;
        return drama(AuditStatus.APPROVED).toBuilder()
                .replacement(new PendingReplacement(List.of(reps), status, SUBMITTED, reviewed)).build();
    }

    private static Drama approvedReplacementOf(MediaReplacement... reps) {
        return withReplacement(AuditStatus.APPROVED, reps);
    }

    @Nested
    @DisplayName("R-27: a replacement request names each episode once and each new media once")
    class R27Request {

        @Test
        void new_whenDistinctPairs_acceptsR27() {
            ReplacementRequest r = request(new MediaReplacement(E1, FRESH), new MediaReplacement(E2, FRESH2));

            assertEquals(2, r.replacements().size());
        }

        @Test
        void new_whenSameEpisodeTwice_rejectsWithR27() {
            assertRejected(Rule.R27, "replace_media_list[1].old", "replaced at most once",
                    () -> request(new MediaReplacement(E1, FRESH), new MediaReplacement(E1, FRESH2)));
        }

        @Test
        void new_whenSameNewMediaTwice_rejectsWithR27() {
            assertRejected(Rule.R27, "replace_media_list[1].new", "cannot replace two episodes",
                    () -> request(new MediaReplacement(E1, FRESH), new MediaReplacement(E2, FRESH)));
        }

        @Test
        void new_whenListEmpty_rejectsWithR27() {
            assertRejected(Rule.R27, "replace_media_list", "at least one episode", () -> new ReplacementRequest(DRAMA, List.of()));
        }

        @Test
        void new_whenDramaMissing_rejectsWithR27() {
            assertRejected(Rule.R27, "drama_id", "required", () -> new ReplacementRequest(null, List.of(new MediaReplacement(E1, FRESH))));
        }

        @Test
        void application_whenNewEqualsOld_rejectsWithR27() {
            assertRejected(Rule.R27, "new_media_id", "must differ", () -> new ReplacementApplication(DRAMA, E1, E1));
        }
    }

    @Nested
    @DisplayName("R-27: Drama.checkReplacement — an approved drama, its own episode as old, a media that is not an episode as new")
    class R27CheckAgainstDrama {

        @Test
        void checkReplacement_whenApprovedAndOwnEpisodeReplacedByFreshMedia_acceptsR27() {
            drama(AuditStatus.APPROVED).checkReplacement(request(new MediaReplacement(E1, FRESH)));
        }

        @ParameterizedTest
        @EnumSource(value = AuditStatus.class, names = {"INVALID", "UNDER_REVIEW", "REJECTED", "REJECTED_RESUBMIT"})
        void checkReplacement_whenDramaNotApproved_rejectsWithR27(AuditStatus status) {
            assertRejected(Rule.R27, "drama_id", "only in an approved drama",
                    () -> drama(status).checkReplacement(request(new MediaReplacement(E1, FRESH))));
        }

        @Test
        void checkReplacement_whenOldIsForeign_rejectsWithR27() {
            assertRejected(Rule.R27, "replace_media_list[0].old", "must be an episode of drama 77",
                    () -> drama(AuditStatus.APPROVED).checkReplacement(request(new MediaReplacement(MediaId.of(4242), FRESH))));
        }

        @Test
        void checkReplacement_whenNewIsAlreadyAnEpisode_rejectsWithR27() {
            assertRejected(Rule.R27, "replace_media_list[0].new", "already an episode",
                    () -> drama(AuditStatus.APPROVED).checkReplacement(request(new MediaReplacement(E1, E2))));
        }

        @Test
        void checkReplacement_whenAnotherReplacementUnderReview_rejectsWithR27() {
            Drama d = withReplacement(AuditStatus.UNDER_REVIEW, new MediaReplacement(E1, FRESH));

            assertRejected(Rule.R27, "drama_id", "already under review", () -> d.checkReplacement(request(new MediaReplacement(E2, FRESH2))));
        }

        @Test
        void checkReplacement_whenTheEarlierReplacementWasRejected_acceptsANewOneR27() {
            Drama d = withReplacement(AuditStatus.REJECTED, new MediaReplacement(E1, FRESH));

            d.checkReplacement(request(new MediaReplacement(E1, FRESH2)));
            assertRejected(Rule.R27, "old_media_id", "no approved replacement",
                    () -> d.checkApplication(new ReplacementApplication(DRAMA, E1, FRESH), APPROVED));
        }

        @Test
        void checkReplacement_whenForAnotherDrama_rejectsWithR27() {
            ReplacementRequest other = new ReplacementRequest(DramaId.of(78), List.of(new MediaReplacement(E1, FRESH)));

            assertRejected(Rule.R27, "drama_id", "names another drama", () -> drama(AuditStatus.APPROVED).checkReplacement(other));
        }

        @Test
        void checkReplacement_whenSeveralRulesBroken_listsEveryOne() {
            InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> drama(AuditStatus.REJECTED)
                    .checkReplacement(request(new MediaReplacement(MediaId.of(4242), FRESH), new MediaReplacement(E1, E2))));

            violation(e, Rule.R27, "drama_id", "approved drama");
            violation(e, Rule.R27, "replace_media_list[0].old", "must be an episode");
            violation(e, Rule.R27, "replace_media_list[1].new", "already an episode");
        }
    }

    @Nested
    @DisplayName("R-27: replacedramamedia applies an approved pair within 7 days of approval")
    class R27Apply {

        @Test
        void checkApplication_whenUnderReviewStill_rejectsWithR27() {
            Drama d = withReplacement(AuditStatus.UNDER_REVIEW, new MediaReplacement(E1, FRESH));

            assertRejected(Rule.R27, "old_media_id", "no approved replacement",
                    () -> d.checkApplication(new ReplacementApplication(DRAMA, E1, FRESH), APPROVED));
        }

        @Test
        void checkApplication_whenNoReplacementAtAll_rejectsWithR27() {
            assertRejected(Rule.R27, "old_media_id", "submit one and wait for its approval",
                    () -> drama(AuditStatus.APPROVED).checkApplication(new ReplacementApplication(DRAMA, E1, FRESH), APPROVED));
        }

        @Test
        void checkApplication_whenPairNotInTheReplacement_rejectsWithR27() {
            Drama d = approvedReplacementOf(new MediaReplacement(E1, FRESH));

            assertRejected(Rule.R27, "new_media_id", "not in the approved replacement",
                    () -> d.checkApplication(new ReplacementApplication(DRAMA, E1, FRESH2), APPROVED));
            assertRejected(Rule.R27, "new_media_id", "not in the approved replacement",
                    () -> d.checkApplication(new ReplacementApplication(DRAMA, E2, FRESH), APPROVED));
        }

        @Test
        void checkApplication_whenExactly7DaysAfterApproval_acceptsR27() {
            Drama d = approvedReplacementOf(new MediaReplacement(E1, FRESH));

            d.checkApplication(new ReplacementApplication(DRAMA, E1, FRESH), APPROVED.plus(Duration.ofDays(7)));
            assertEquals(APPROVED.plus(Duration.ofDays(7)), d.replacement().orElseThrow().applyDeadline());
        }

        @Test
        void checkApplication_when7DaysAnd1SecondAfterApproval_rejectsWithR27() {
            Drama d = approvedReplacementOf(new MediaReplacement(E1, FRESH));

            assertRejected(Rule.R27, "old_media_id", "within 7 days of approval",
                    () -> d.checkApplication(new ReplacementApplication(DRAMA, E1, FRESH), APPROVED.plus(Duration.ofDays(7)).plusSeconds(1)));
        }

        @Test
        void checkApplication_whenForAnotherDrama_rejectsWithR27() {
            Drama d = approvedReplacementOf(new MediaReplacement(E1, FRESH));

            assertRejected(Rule.R27, "drama_id", "names another drama",
                    () -> d.checkApplication(new ReplacementApplication(DramaId.of(78), E1, FRESH), APPROVED));
        }
    }
}
