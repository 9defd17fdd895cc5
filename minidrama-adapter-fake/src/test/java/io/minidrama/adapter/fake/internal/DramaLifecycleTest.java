package io.minidrama.adapter.fake.internal;

import io.minidrama.domain.AuditStatus;
import io.minidrama.domain.DramaId;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.drama.Drama;
import io.minidrama.domain.drama.DramaAuditDetail;
import io.minidrama.domain.drama.DramaInfoChange;
import io.minidrama.domain.drama.MediaReplacement;
import io.minidrama.domain.drama.PendingReplacement;
import io.minidrama.domain.drama.ReplacementApplication;
import io.minidrama.domain.drama.ReplacementRequest;
import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;
import io.minidrama.domain.error.RuleViolation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.minidrama.adapter.fake.internal.DramaLifecycle.infoChangeReviewed;
import static io.minidrama.adapter.fake.internal.DramaLifecycle.infoChangeSubmitted;
import static io.minidrama.adapter.fake.internal.DramaLifecycle.replacementApplied;
import static io.minidrama.adapter.fake.internal.DramaLifecycle.replacementReviewed;
import static io.minidrama.adapter.fake.internal.DramaLifecycle.replacementSubmitted;
import static io.minidrama.adapter.fake.internal.DramaLifecycle.reviewed;
import static io.minidrama.adapter.fake.internal.DramaLifecycle.submittedForReview;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The platform's moves of a drama, moved here from the domain's
 * {@code ResubmissionTest}, {@code ReplacementTest} and {@code DramaInfoChangeTest} with the
 * transitions themselves: the domain keeps the checks a client runs, the fake makes the moves.
 */
class DramaLifecycleTest {
    private static final DramaId DRAMA = DramaId.of(77);
    private static final List<MediaId> EPISODES = IntStream.rangeClosed(1, 3).mapToObj(i -> MediaId.of(1000 + i)).toList();
    private static final MediaId E1 = EPISODES.get(0);
    private static final MediaId E2 = EPISODES.get(1);
    private static final MediaId FRESH = MediaId.of(9001);
    private static final MediaId FRESH2 = MediaId.of(9002);
    private static final Instant SUBMITTED = Instant.parse("2024-06-01T00:00:00Z");
    private static final Instant APPROVED = SUBMITTED.plus(Duration.ofDays(1));
    private static final Instant REVIEWED = SUBMITTED.plusSeconds(3600);

    private static Drama drama(AuditStatus status) {
        return Drama.builder(DRAMA).name("我的短剧").mediaIds(EPISODES).producer("旧制作方").description("旧简介").recommendations("旧推荐")
                .auditDetail(new DramaAuditDetail(status, Instant.EPOCH, Instant.EPOCH)).build();
    }

    private static ReplacementRequest request(MediaReplacement... reps) {
        return new ReplacementRequest(DRAMA, List.of(reps));
    }

    private static Drama approvedReplacementOf(MediaReplacement... reps) {
        return replacementReviewed(replacementSubmitted(drama(AuditStatus.APPROVED), request(reps), SUBMITTED), AuditStatus.APPROVED, APPROVED);
    }

    private static DramaInfoChange.Builder change() {
        return DramaInfoChange.builder(DRAMA);
    }

    /** As the domain's {@code RuleAssertions.assertRejected}: the type, the rule on the field, part of the hint. */
    private static InvalidRequestException assertRejected(Rule rule, String field, String messagePart, Executable action) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, action);
        e.violations().stream()
                .filter(v -> v.rule() == rule && v.field().equals(field) && v.message().contains(messagePart))
                .findFirst()
                .orElseGet(() -> fail("expected a " + rule.id() + " violation on '" + field + "' mentioning '" + messagePart
                        + "', got:\n  " + e.violations().stream().map(RuleViolation::toString).collect(Collectors.joining("\n  "))));
        assertTrue(e.violates(rule), () -> "violates(" + rule + ") is false for " + e.violations());
        assertTrue(e.getMessage().contains(rule.id() + " " + field),
                () -> "the exception message should name '" + rule.id() + " " + field + "': " + e.getMessage());
        return e;
    }

    @Nested
    @DisplayName("R-19: a submission puts a drama under review; a review ends it (from ResubmissionTest.R19Status)")
    class R19Status {

        @Test
        void submittedForReview_whenFinallyRejected_rejectsWithR19() {
            assertRejected(Rule.R19, "audit_detail.status", "can move to [] only",
                    () -> submittedForReview(drama(AuditStatus.REJECTED), Instant.EPOCH));
        }

        @ParameterizedTest
        @EnumSource(value = AuditStatus.class, names = {"REJECTED_RESUBMIT"})
        void submittedForReview_whenSentBackForChanges_movesToUnderReviewR19(AuditStatus status) {
            Instant at = Instant.parse("2025-03-01T08:00:00Z");

            Drama d = submittedForReview(drama(status), at);

            assertEquals(AuditStatus.UNDER_REVIEW, d.status());
            assertEquals(at, d.auditDetail().createTime());
        }

        @Test
        void reviewed_whenUnderReview_movesToTheOutcomeR19() {
            Instant at = Instant.parse("2025-03-02T08:00:00Z");

            Drama approved = reviewed(drama(AuditStatus.UNDER_REVIEW), AuditStatus.APPROVED, at);

            assertEquals(AuditStatus.APPROVED, approved.status());
            assertEquals(at, approved.auditDetail().auditTime());
            assertTrue(approved.canRequestLinks());
        }

        @Test
        void submittedForReview_whenApproved_rejectsWithR19() {
            assertRejected(Rule.R19, "audit_detail.status", "can move to [] only",
                    () -> submittedForReview(drama(AuditStatus.APPROVED), Instant.EPOCH));
        }

        @Test
        void submittedForReview_whenAlreadyUnderReview_rejectsWithR19() {
            assertRejected(Rule.R19, "audit_detail.status", "a drama in status UNDER_REVIEW can move to",
                    () -> submittedForReview(drama(AuditStatus.UNDER_REVIEW), Instant.EPOCH));
        }

        @Test
        void reviewed_whenNotUnderReview_rejectsWithR19() {
            assertRejected(Rule.R19, "audit_detail.status", "REJECTED",
                    () -> reviewed(drama(AuditStatus.REJECTED), AuditStatus.APPROVED, Instant.EPOCH));
        }
    }

    @Nested
    @DisplayName("R-27: a replacement is submitted, reviewed and applied pair by pair (from ReplacementTest)")
    class R27Replacement {

        @Test
        void replacementSubmitted_putsTheReplacementUnderReview() {
            Drama d = replacementSubmitted(drama(AuditStatus.APPROVED), request(new MediaReplacement(E1, FRESH)), SUBMITTED);

            PendingReplacement p = d.replacement().orElseThrow();
            assertEquals(AuditStatus.UNDER_REVIEW, p.status());
            assertEquals(SUBMITTED, p.submittedAt());
            assertEquals(List.of(new MediaReplacement(E1, FRESH)), p.items());
            assertEquals(EPISODES, d.mediaIds());
            assertEquals(AuditStatus.APPROVED, d.status());
        }

        @Test
        void replacementSubmitted_whenTheCheckFails_rejectsWithR27() {
            assertRejected(Rule.R27, "drama_id", "only in an approved drama",
                    () -> replacementSubmitted(drama(AuditStatus.UNDER_REVIEW), request(new MediaReplacement(E1, FRESH)), SUBMITTED));
        }

        @Test
        void replacementReviewed_whenNothingUnderReview_rejectsWithR27() {
            assertRejected(Rule.R27, "replace_media_list", "no replacement of drama 77 is under review",
                    () -> replacementReviewed(drama(AuditStatus.APPROVED), AuditStatus.APPROVED, APPROVED));
            Drama approved = approvedReplacementOf(new MediaReplacement(E1, FRESH));
            assertRejected(Rule.R27, "replace_media_list", "under review", () -> replacementReviewed(approved, AuditStatus.REJECTED, APPROVED));
        }

        @Test
        void replacementReviewed_whenRejected_allowsANewReplacement() {
            Drama d = replacementReviewed(replacementSubmitted(drama(AuditStatus.APPROVED), request(new MediaReplacement(E1, FRESH)), SUBMITTED),
                    AuditStatus.REJECTED, APPROVED);

            d.checkReplacement(request(new MediaReplacement(E1, FRESH2)));
            assertRejected(Rule.R27, "old_media_id", "no approved replacement",
                    () -> d.checkApplication(new ReplacementApplication(DRAMA, E1, FRESH), APPROVED));
        }

        @Test
        void replacementApplied_swapsTheEpisodeInPlaceAndKeepsTheRestPending() {
            Drama d = approvedReplacementOf(new MediaReplacement(E1, FRESH), new MediaReplacement(E2, FRESH2));

            Drama once = replacementApplied(d, new ReplacementApplication(DRAMA, E2, FRESH2), APPROVED.plusSeconds(60));

            assertEquals(List.of(E1, FRESH2, EPISODES.get(2)), once.mediaIds());
            assertEquals(List.of(new MediaReplacement(E1, FRESH)), once.replacement().orElseThrow().items());
            assertEquals(AuditStatus.APPROVED, once.replacement().orElseThrow().status());
            assertEquals(APPROVED, once.replacement().orElseThrow().reviewedAt());
        }

        @Test
        void replacementApplied_whenEveryPairApplied_clearsTheReplacement() {
            Drama d = approvedReplacementOf(new MediaReplacement(E1, FRESH), new MediaReplacement(E2, FRESH2));

            Drama done = replacementApplied(replacementApplied(d, new ReplacementApplication(DRAMA, E2, FRESH2), APPROVED),
                    new ReplacementApplication(DRAMA, E1, FRESH), APPROVED.plus(Duration.ofDays(7)));

            assertEquals(List.of(FRESH, FRESH2, EPISODES.get(2)), done.mediaIds());
            assertTrue(done.replacement().isEmpty());
            assertEquals(3, done.mediaCount());
            assertEquals(d.name(), done.name());
            assertEquals(d.auditDetail(), done.auditDetail());
        }

        @Test
        void replacementApplied_whenAppliedTwice_rejectsTheSecondWithR27() {
            Drama d = approvedReplacementOf(new MediaReplacement(E1, FRESH), new MediaReplacement(E2, FRESH2));
            Drama once = replacementApplied(d, new ReplacementApplication(DRAMA, E1, FRESH), APPROVED);

            assertRejected(Rule.R27, "new_media_id", "not in the approved replacement",
                    () -> replacementApplied(once, new ReplacementApplication(DRAMA, E1, FRESH), APPROVED));
        }

        @Test
        void replacementApplied_whenLate_leavesTheDramaUnchanged() {
            Drama d = approvedReplacementOf(new MediaReplacement(E1, FRESH));

            assertRejected(Rule.R27, "old_media_id", "within 7 days",
                    () -> replacementApplied(d, new ReplacementApplication(DRAMA, E1, FRESH), APPROVED.plus(Duration.ofDays(8))));
            assertEquals(EPISODES, d.mediaIds());
        }
    }

    @Nested
    @DisplayName("R-28: an info change is for an approved drama and takes effect only once approved (from DramaInfoChangeTest.R28Review)")
    class R28Review {

        @ParameterizedTest
        @EnumSource(value = AuditStatus.class, names = {"INVALID", "UNDER_REVIEW", "REJECTED", "REJECTED_RESUBMIT"})
        void infoChangeSubmitted_whenDramaNotApproved_rejectsWithR28(AuditStatus status) {
            assertRejected(Rule.R28, "drama_id", "only an approved drama",
                    () -> infoChangeSubmitted(drama(status), change().description("新简介").build(), SUBMITTED));
        }

        @Test
        void infoChangeSubmitted_whenForAnotherDrama_rejectsWithR28() {
            DramaInfoChange other = DramaInfoChange.builder(DramaId.of(78)).description("新简介").build();

            assertRejected(Rule.R28, "drama_id", "names another drama", () -> infoChangeSubmitted(drama(AuditStatus.APPROVED), other, SUBMITTED));
        }

        @Test
        void infoChangeSubmitted_whenAnotherChangeUnderReview_rejectsWithR28() {
            Drama d = infoChangeSubmitted(drama(AuditStatus.APPROVED), change().description("新简介").build(), SUBMITTED);

            assertRejected(Rule.R28, "drama_id", "already under review",
                    () -> infoChangeSubmitted(d, change().recommendations("新推荐").build(), SUBMITTED));
        }

        @Test
        void infoChangeSubmitted_whenApproved_isUnderReviewAndChangesNothingYet() {
            Drama d = infoChangeSubmitted(drama(AuditStatus.APPROVED), change().description("新简介").build(), SUBMITTED);

            assertEquals(AuditStatus.UNDER_REVIEW, d.infoChange().orElseThrow().status());
            assertEquals(SUBMITTED, d.infoChange().orElseThrow().submittedAt());
            assertEquals("旧简介", d.description());
            assertEquals(AuditStatus.APPROVED, d.status());
        }

        @Test
        void infoChangeReviewed_whenApproved_appliesDescriptionRecommendationsAndProducer() {
            Drama d = infoChangeReviewed(infoChangeSubmitted(drama(AuditStatus.APPROVED),
                    change().description("新简介").recommendations("新推荐").producer("新制作方").build(), SUBMITTED), AuditStatus.APPROVED, REVIEWED);

            assertEquals("新简介", d.description());
            assertEquals("新推荐", d.recommendations());
            assertEquals("新制作方", d.producer());
            assertEquals(AuditStatus.APPROVED, d.infoChange().orElseThrow().status());
            assertEquals(REVIEWED, d.infoChange().orElseThrow().reviewedAt());
            assertEquals(AuditStatus.APPROVED, d.status());
        }

        @Test
        void infoChangeReviewed_whenApprovedWithOnlyADescription_keepsTheOtherFields() {
            Drama d = infoChangeReviewed(infoChangeSubmitted(drama(AuditStatus.APPROVED), change().description("新简介").build(), SUBMITTED),
                    AuditStatus.APPROVED, REVIEWED);

            assertEquals("新简介", d.description());
            assertEquals("旧推荐", d.recommendations());
            assertEquals("旧制作方", d.producer());
        }

        @ParameterizedTest
        @EnumSource(value = AuditStatus.class, names = {"REJECTED", "REJECTED_RESUBMIT"})
        void infoChangeReviewed_whenRejected_changesNothing(AuditStatus outcome) {
            Drama d = infoChangeReviewed(infoChangeSubmitted(drama(AuditStatus.APPROVED),
                    change().description("新简介").recommendations("新推荐").producer("新制作方").build(), SUBMITTED), outcome, REVIEWED);

            assertEquals("旧简介", d.description());
            assertEquals("旧推荐", d.recommendations());
            assertEquals("旧制作方", d.producer());
            assertEquals(outcome, d.infoChange().orElseThrow().status());
        }

        @Test
        void infoChangeReviewed_whenRejected_allowsANewChange() {
            Drama rejected = infoChangeReviewed(infoChangeSubmitted(drama(AuditStatus.APPROVED), change().description("新简介").build(), SUBMITTED),
                    AuditStatus.REJECTED, REVIEWED);
            Drama d = infoChangeSubmitted(rejected, change().description("再改").build(), REVIEWED);

            assertEquals(AuditStatus.UNDER_REVIEW, d.infoChange().orElseThrow().status());
        }

        @Test
        void infoChangeReviewed_whenNoChangeUnderReview_rejectsWithR28() {
            assertRejected(Rule.R28, "drama_id", "no information change",
                    () -> infoChangeReviewed(drama(AuditStatus.APPROVED), AuditStatus.APPROVED, REVIEWED));
            Drama reviewed = infoChangeReviewed(infoChangeSubmitted(drama(AuditStatus.APPROVED), change().description("新简介").build(), SUBMITTED),
                    AuditStatus.APPROVED, REVIEWED);
            assertRejected(Rule.R28, "drama_id", "under review", () -> infoChangeReviewed(reviewed, AuditStatus.APPROVED, REVIEWED));
        }

        @Test
        void infoChangeReviewed_whenOutcomeIsNotAReviewOutcome_rejectsWithR28() {
            Drama d = infoChangeSubmitted(drama(AuditStatus.APPROVED), change().description("新简介").build(), SUBMITTED);

            assertRejected(Rule.R28, "drama_id", "no information change", () -> infoChangeReviewed(d, AuditStatus.INVALID, REVIEWED));
            assertTrue(d.infoChange().isPresent());
        }
    }
}
