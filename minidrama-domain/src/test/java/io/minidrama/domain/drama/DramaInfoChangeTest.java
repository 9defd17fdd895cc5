package io.minidrama.domain.drama;

import io.minidrama.domain.AuditStatus;
import io.minidrama.domain.DramaId;
import io.minidrama.domain.MaterialId;
import io.minidrama.domain.error.Rule;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;

import static io.minidrama.domain.RuleAssertions.assertRejected;
import static io.minidrama.domain.drama.Submissions.actors;
import static io.minidrama.domain.drama.Submissions.media;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DramaInfoChangeTest {
    private static final DramaId DRAMA = DramaId.of(77);
    private static final Instant SUBMITTED = Instant.parse("2024-06-01T00:00:00Z");
    private static final Instant REVIEWED = SUBMITTED.plusSeconds(3600);

    private static Drama drama(AuditStatus status) {
        return Drama.builder(DRAMA).name("我的短剧").mediaIds(media(3)).producer("旧制作方").description("旧简介").recommendations("旧推荐")
                .auditDetail(new DramaAuditDetail(status, Instant.EPOCH, Instant.EPOCH)).build();
    }

    private static DramaInfoChange.Builder change() {
        return DramaInfoChange.builder(DRAMA);
    }

    @Nested
    @DisplayName("R-28: modifydramabasicinfo follows §6.1's limits and changes at least one field")
    class R28Build {

        @Test
        void build_whenNothingChanges_rejectsWithR28() {
            assertRejected(Rule.R28, "drama_id", "at least one field", () -> change().build());
        }

        @Test
        void build_whenDramaIdMissing_rejectsWithR28() {
            assertRejected(Rule.R28, "drama_id", "required", () -> DramaInfoChange.builder(null).description("简介").build());
        }

        @Test
        void build_whenDescriptionIs200Chars_acceptsR28() {
            assertEquals(200, change().description("简".repeat(200)).build().description().orElseThrow().length());
        }

        @Test
        void build_whenDescriptionIs201Chars_rejectsWithR28() {
            assertRejected(Rule.R28, "description", "1..200 characters", () -> change().description("简".repeat(201)).build());
        }

        @Test
        void build_whenDescriptionBlank_rejectsWithR28() {
            assertRejected(Rule.R28, "description", "1..200 characters", () -> change().description("  ").build());
        }

        @Test
        void build_whenRecommendationsIs30Chars_acceptsR28() {
            assertEquals(30, change().recommendations("荐".repeat(30)).build().recommendations().orElseThrow().length());
        }

        @Test
        void build_whenRecommendationsIs31Chars_rejectsWithR28() {
            assertRejected(Rule.R28, "recommendations", "at most 30", () -> change().recommendations("荐".repeat(31)).build());
        }

        @ParameterizedTest
        @ValueSource(ints = {2, 3, 4, 5})
        void build_whenActorListOf2To5_acceptsTheWholeListR28(int n) {
            assertEquals(actors(n), change().actors(actors(n)).build().actors().orElseThrow());
        }

        @ParameterizedTest
        @ValueSource(ints = {0, 1, 6})
        void build_whenActorListOf0Or1Or6_rejectsWithR28(int n) {
            assertRejected(Rule.R28, "actor_list", "2..5 actors", () -> change().actors(actors(n)).build());
        }

        @Test
        void build_whenCurrentSchemaQualification_acceptsR28() {
            Qualification q = new Qualification.LowCost(50, MaterialId.of("letter-1"));

            assertEquals(q, change().qualification(q).build().qualification().orElseThrow());
        }

        @Test
        void build_whenOlderSchemaQualification_rejectsWithR28() {
            assertRejected(Rule.R28, "qualification_type", "current schema",
                    () -> change().qualification(new Qualification.RegistrationNumber("备案号-2023-001")).build());
            assertRejected(Rule.R28, "qualification_type", "current schema",
                    () -> change().qualification(new Qualification.PublishLicense("许可证-1", MaterialId.of("lic-1"))).build());
        }

        @Test
        void build_whenAlternateNameTooLongOrBlank_rejectsWithR28() {
            assertRejected(Rule.R28, "alternate_name", "1..100", () -> change().alternateName("名".repeat(101)).build());
            assertRejected(Rule.R28, "alternate_name", "1..100", () -> change().alternateName(" ").build());
            assertEquals("备用名", change().alternateName("备用名").build().alternateName().orElseThrow());
        }

        @Test
        void build_whenProducerBlank_rejectsWithR28() {
            assertRejected(Rule.R28, "producer", "must not be blank", () -> change().producer(" ").build());
        }

        @Test
        void build_whenApplyingForCopyrightProtectionWithoutProducer_rejectsWithR28() {
            Copyright c = Copyright.withProtection(Copyright.Role.PRODUCER, Copyright.Verification.AUTHORIZATION_RELATION, List.of(), List.of());

            assertRejected(Rule.R28, "producer", "also sends the producer", () -> change().copyright(c).build());
            assertEquals(c, change().copyright(c).producer("制作方").build().copyright().orElseThrow());
            Copyright without = Copyright.withoutProtection(Copyright.Role.LICENSEE);
            assertEquals(without, change().copyright(without).build().copyright().orElseThrow());
        }

        @Test
        void build_whenEveryFieldGiven_keepsThem() {
            Copyright c = Copyright.withProtection(Copyright.Role.PRODUCER, Copyright.Verification.PROOF_MATERIALS,
                    List.of(MaterialId.of("proof-1")), List.of());
            DramaInfoChange ch = change().description("新简介").coverMaterialId(MaterialId.of("cover-2")).recommendations("新推荐")
                    .promotionPosterMaterialId(MaterialId.of("poster-2")).alternateName("别名").actors(actors(2))
                    .qualification(new Qualification.Licensed("V123456788888888", MaterialId.of("cert-2")))
                    .otherMaterialId(MaterialId.of("other-2")).producer("新制作方").copyright(c).build();

            assertEquals(DRAMA, ch.dramaId());
            assertEquals(MaterialId.of("cover-2"), ch.coverMaterialId().orElseThrow());
            assertEquals(MaterialId.of("poster-2"), ch.promotionPosterMaterialId().orElseThrow());
            assertEquals(MaterialId.of("other-2"), ch.otherMaterialId().orElseThrow());
            assertEquals("新制作方", ch.producer().orElseThrow());
            assertEquals(c, ch.copyright().orElseThrow());
        }
    }

    @Nested
    @DisplayName("R-28: Drama.checkInfoChange — an approved drama, with no other change under review")
    class R28CheckAgainstDrama {

        @Test
        void checkInfoChange_whenApprovedAndNoneUnderReview_acceptsR28() {
            drama(AuditStatus.APPROVED).checkInfoChange(change().description("新简介").build());
        }

        @ParameterizedTest
        @EnumSource(value = AuditStatus.class, names = {"INVALID", "UNDER_REVIEW", "REJECTED", "REJECTED_RESUBMIT"})
        void checkInfoChange_whenDramaNotApproved_rejectsWithR28(AuditStatus status) {
            assertRejected(Rule.R28, "drama_id", "only an approved drama", () -> drama(status).checkInfoChange(change().description("新简介").build()));
        }

        @Test
        void checkInfoChange_whenForAnotherDrama_rejectsWithR28() {
            DramaInfoChange other = DramaInfoChange.builder(DramaId.of(78)).description("新简介").build();

            assertRejected(Rule.R28, "drama_id", "names another drama", () -> drama(AuditStatus.APPROVED).checkInfoChange(other));
        }

        @Test
        void checkInfoChange_whenAnotherChangeUnderReview_rejectsWithR28() {
            Drama d = drama(AuditStatus.APPROVED).toBuilder()
                    .infoChange(new PendingInfoChange(change().description("新简介").build(), AuditStatus.UNDER_REVIEW, SUBMITTED, Instant.EPOCH)).build();

            assertRejected(Rule.R28, "drama_id", "already under review", () -> d.checkInfoChange(change().recommendations("新推荐").build()));
        }

        @Test
        void checkInfoChange_whenTheEarlierChangeWasReviewed_acceptsR28() {
            Drama d = drama(AuditStatus.APPROVED).toBuilder()
                    .infoChange(new PendingInfoChange(change().description("新简介").build(), AuditStatus.REJECTED, SUBMITTED, REVIEWED)).build();

            d.checkInfoChange(change().description("再改").build());
        }
    }
}
