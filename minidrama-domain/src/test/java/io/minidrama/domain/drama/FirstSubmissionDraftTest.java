package io.minidrama.domain.drama;

import io.minidrama.domain.MaterialId;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;
import io.minidrama.domain.error.RuleViolation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static io.minidrama.domain.RuleAssertions.assertRejected;
import static io.minidrama.domain.drama.Submissions.actors;
import static io.minidrama.domain.drama.Submissions.media;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The paperwork of a first submission is checked before its episodes exist, then completed with them. */
class FirstSubmissionDraftTest {

    /** Current-schema paperwork with every optional field, and no media ids. */
    private static FirstSubmission.Builder paperwork() {
        return FirstSubmission.builder()
                .name("我的短剧")
                .producer("某某影视有限公司")
                .description("一个关于梦想的故事")
                .coverMaterialId(MaterialId.of("cover-1"))
                .qualification(new Qualification.LowCost(30, MaterialId.of("letter-1")))
                .dramaType(DramaType.LIVE_ACTION)
                .actors(actors(2))
                .copyright(Copyright.withoutProtection(Copyright.Role.PRODUCER))
                .authorizedMaterialId(MaterialId.of("auth-1"))
                .expedited(true)
                .recommendations("好看")
                .promotionPosterMaterialId(MaterialId.of("poster-1"))
                .containsAiContent(true)
                .otherMaterialId(MaterialId.of("other-1"));
    }

    @Nested
    @DisplayName("The paperwork: every rule that does not depend on the media")
    class Paperwork {

        @Test
        void buildDraft_whenPaperworkValidAndNoMediaYet_acceptsR14() {
            FirstSubmission.Draft draft = paperwork().buildDraft();

            assertEquals("我的短剧", draft.name());
        }

        @Test
        void buildDraft_whenEverythingMissing_rejectsTheRequiredPaperworkButNotTheMissingMedia() {
            InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> FirstSubmission.builder().buildDraft());

            assertEquals(List.of("name", "producer", "description", "cover_material_id", "qualification"),
                    e.violations().stream().map(RuleViolation::field).toList());
        }

        @Test
        void buildDraft_whenProducerBlank_rejectsWithR14() {
            assertRejected(Rule.R14, "producer", "required", () -> paperwork().producer(" ").buildDraft());
        }

        @Test
        void buildDraft_whenDescriptionIs201Chars_rejectsWithS6_1() {
            assertRejected(Rule.S6_1, "description", "at most 200", () -> paperwork().description("长".repeat(201)).buildDraft());
        }

        @Test
        void buildDraft_whenNoQualification_rejectsWithR15() {
            assertRejected(Rule.R15, "qualification", "choose one qualification", () -> paperwork().qualification(null).buildDraft());
        }

        @Test
        void buildDraft_whenOlderSchemaCarriesCurrentSchemaFields_rejectsWithR15() {
            assertRejected(Rule.R15, "drama_type", "current schema",
                    () -> paperwork().qualification(new Qualification.RegistrationNumber("备案号-2023-001")).buildDraft());
        }

        @Test
        void buildDraft_whenCurrentSchemaNotApplyingAndNoLetter_rejectsWithR16() {
            assertRejected(Rule.R16, "authorized_material_id", "not applying for copyright protection",
                    () -> FirstSubmission.builder().name("剧").producer("某某").description("简介").coverMaterialId(MaterialId.of("c"))
                            .qualification(new Qualification.LowCost(30, MaterialId.of("l"))).dramaType(DramaType.ANIMATED)
                            .copyright(Copyright.withoutProtection(Copyright.Role.PRODUCER)).buildDraft());
        }

        @Test
        void buildDraft_whenLiveActionWithOneActor_rejectsWithS6_1() {
            assertRejected(Rule.S6_1, "actor_list", "2..5 actors", () -> paperwork().actors(actors(1)).buildDraft());
        }

        @Test
        void buildDraft_whenASetterWasGivenNull_rejectsItAsGivenNull() {
            assertRejected(Rule.NONE, "recommendations", "was set to null", () -> paperwork().recommendations(null).buildDraft());
        }

        @Test
        void buildDraft_whenBrokenMediaIdsWereSet_ignoresThemForWithMediaReplacesThem() {
            FirstSubmission.Draft draft = paperwork().mediaIds(List.of(MediaId.of(1), MediaId.of(1))).buildDraft();

            assertEquals(media(3), draft.withMedia(media(3)).mediaIds());
        }
    }

    @Nested
    @DisplayName("withMedia: the rest of R-14")
    class WithMedia {

        @Test
        void withMedia_whenDistinctIds_isTheSubmissionTheBuilderWouldBuildR14() {
            FirstSubmission fromDraft = paperwork().buildDraft().withMedia(media(3));
            FirstSubmission direct = paperwork().mediaIds(media(3)).build();

            assertEquals(media(3), fromDraft.mediaIds());
            assertEquals(3, fromDraft.mediaCount());
            assertEquals(List.of(direct.name(), direct.producer(), direct.description(), direct.coverMaterialId(), direct.qualification(),
                            direct.authorizedMaterialId(), direct.expedited(), direct.recommendations(), direct.promotionPosterMaterialId(),
                            direct.dramaType(), direct.actors(), direct.copyright(), direct.containsAiContent(), direct.otherMaterialId()),
                    List.of(fromDraft.name(), fromDraft.producer(), fromDraft.description(), fromDraft.coverMaterialId(),
                            fromDraft.qualification(), fromDraft.authorizedMaterialId(), fromDraft.expedited(), fromDraft.recommendations(),
                            fromDraft.promotionPosterMaterialId(), fromDraft.dramaType(), fromDraft.actors(), fromDraft.copyright(),
                            fromDraft.containsAiContent(), fromDraft.otherMaterialId()));
            assertEquals(Optional.of(MaterialId.of("poster-1")), fromDraft.promotionPosterMaterialId());
        }

        @Test
        void withMedia_whenIdRepeats_rejectsWithR14() {
            FirstSubmission.Draft draft = paperwork().buildDraft();

            assertRejected(Rule.R14, "media_id_list[2]", "must not repeat",
                    () -> draft.withMedia(List.of(MediaId.of(1), MediaId.of(2), MediaId.of(1))));
        }

        @Test
        void withMedia_whenEmptyOrNull_rejectsWithR14() {
            FirstSubmission.Draft draft = paperwork().buildDraft();

            assertRejected(Rule.R14, "media_id_list", "required", () -> draft.withMedia(List.of()));
            assertRejected(Rule.R14, "media_id_list", "required", () -> draft.withMedia(null));
            assertRejected(Rule.R14, "media_id_list[1]", "required", () -> draft.withMedia(Arrays.asList(MediaId.of(1), null)));
        }

        @Test
        void withMedia_whenStatedMediaCountDiffers_rejectsWithR14() {
            FirstSubmission.Draft draft = paperwork().mediaCount(4).buildDraft();

            assertRejected(Rule.R14, "media_count", "must equal the number of media ids (3)", () -> draft.withMedia(media(3)));
            assertEquals(4, draft.withMedia(media(4)).mediaCount());
        }

        @Test
        void buildDraft_isASnapshot_laterCallsOnTheBuilderDoNotChangeIt() {
            FirstSubmission.Builder builder = paperwork();
            FirstSubmission.Draft draft = builder.buildDraft();

            builder.name("另一部剧").recommendations(null).qualification(null);
            FirstSubmission s = draft.withMedia(media(2));

            assertEquals("我的短剧", s.name());
            assertEquals("好看", s.recommendations());
            assertTrue(s.currentSchema());
        }

        @Test
        void withMedia_calledTwice_givesTwoIndependentSubmissions() {
            FirstSubmission.Draft draft = paperwork().buildDraft();

            FirstSubmission two = draft.withMedia(media(2));
            FirstSubmission five = draft.withMedia(media(5));

            assertEquals(2, two.mediaCount());
            assertEquals(5, five.mediaCount());
        }
    }
}
