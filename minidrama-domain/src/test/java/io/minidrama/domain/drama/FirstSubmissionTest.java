package io.minidrama.domain.drama;

import io.minidrama.domain.MaterialId;
import io.minidrama.domain.MediaId;
import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static io.minidrama.domain.RuleAssertions.assertRejected;
import static io.minidrama.domain.drama.Submissions.actors;
import static io.minidrama.domain.drama.Submissions.current;
import static io.minidrama.domain.drama.Submissions.media;
import static io.minidrama.domain.drama.Submissions.older;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FirstSubmissionTest {

    @Nested
    @DisplayName("R-14: required fields; media_id_list has media_count distinct ids")
    class R14Required {

        @Test
        void build_whenAllRequiredFieldsGiven_acceptsR14() {
            FirstSubmission s = older().build();

            assertEquals(3, s.mediaCount());
            assertEquals(media(3), s.mediaIds());
            assertFalse(s.currentSchema());
        }

        @Test
        void build_whenMediaCountMatches_acceptsR14() {
            assertEquals(3, older().mediaCount(3).build().mediaCount());
        }

        @Test
        void build_whenMediaCountDiffers_rejectsWithR14() {
            assertRejected(Rule.R14, "media_count", "must equal the number of media ids (3)", () -> older().mediaCount(4).build());
        }

        @Test
        void build_whenMediaIdRepeats_rejectsWithR14() {
            List<MediaId> ids = List.of(MediaId.of(1), MediaId.of(2), MediaId.of(1));

            InvalidRequestException e = assertRejected(Rule.R14, "media_id_list[2]", "must not repeat", () -> older().mediaIds(ids).build());
            assertEquals("1", e.violations().get(0).rejected());
        }

        @Test
        void build_whenMediaListEmpty_rejectsWithR14() {
            assertRejected(Rule.R14, "media_id_list", "media_id_list is required", () -> older().mediaIds(List.of()).build());
        }

        @Test
        void build_whenNameBlank_rejectsWithR14() {
            assertRejected(Rule.R14, "name", "must not be blank", () -> older().name(" ").build());
        }

        @Test
        void build_whenProducerMissing_rejectsWithR14() {
            assertRejected(Rule.R14, "producer", "required", () -> older().producer(null).build());
        }

        @Test
        void build_whenDescriptionMissing_rejectsWithR14() {
            assertRejected(Rule.R14, "description", "required", () -> older().description(null).build());
        }

        @Test
        void build_whenCoverMissing_rejectsWithR14() {
            assertRejected(Rule.R14, "cover_material_id", "required", () -> older().coverMaterialId(null).build());
        }
    }

    @Nested
    @DisplayName("R-15: older schema names exactly one of registration_number or publish_license (+ material)")
    class R15Qualification {

        @Test
        void build_whenPublishLicenceWithMaterial_acceptsR15() {
            FirstSubmission s = older().qualification(new Qualification.PublishLicense("发行许可证-001", MaterialId.of("lic-1"))).build();

            assertTrue(s.qualification() instanceof Qualification.PublishLicense);
        }

        @Test
        void publishLicence_whenMaterialMissing_rejectsWithR15() {
            assertRejected(Rule.R15, "publish_license_material_id", "needs its publish_license_material_id",
                    () -> new Qualification.PublishLicense("发行许可证-001", null));
        }

        @Test
        void registrationNumber_whenBlank_rejectsWithR15() {
            assertRejected(Rule.R15, "registration_number", "must not be blank", () -> new Qualification.RegistrationNumber(""));
        }

        @Test
        void registrationNumber_whenOver100Chars_rejectsWithR15() {
            assertEquals(100, new Qualification.RegistrationNumber("9".repeat(100)).number().length());
            assertRejected(Rule.R15, "registration_number", "at most 100", () -> new Qualification.RegistrationNumber("9".repeat(101)));
        }

        @Test
        void build_whenNoQualification_rejectsWithR15() {
            assertRejected(Rule.R15, "qualification", "choose one qualification", () -> older().qualification(null).build());
        }

        @Test
        void build_whenOlderSchemaCarriesCurrentSchemaFields_rejectsEachWithR15() {
            InvalidRequestException e = assertRejected(Rule.R15, "drama_type", "belongs to the current schema",
                    () -> older().dramaType(DramaType.LIVE_ACTION).actors(actors(2))
                            .copyright(Copyright.withoutProtection(Copyright.Role.PRODUCER)).build());

            assertEquals(List.of("drama_type", "actor_list", "copyright"), e.violations().stream().map(v -> v.field()).toList());
        }
    }

    @Nested
    @DisplayName("R-16: authorized_material_id unless the mini program's entity is the producer")
    class R16Authorisation {

        @Test
        void build_whenOlderSchemaWithoutLetterAndNotTheProducer_rejectsWithR16() {
            FirstSubmission.Builder b = older();
            FirstSubmission.Builder withoutLetter = FirstSubmission.builder().name("我的短剧").mediaIds(media(2)).producer("某公司")
                    .description("简介").coverMaterialId(MaterialId.of("c")).qualification(new Qualification.RegistrationNumber("备案-1"));

            assertTrue(b.build().authorizedMaterialId().isPresent());
            assertRejected(Rule.R16, "authorized_material_id", "unless the mini program's entity is the producer", withoutLetter::build);
        }

        @Test
        void build_whenOlderSchemaWithoutLetterButEntityIsProducer_acceptsR16() {
            FirstSubmission s = FirstSubmission.builder().name("我的短剧").mediaIds(media(2)).producer("某公司")
                    .description("简介").coverMaterialId(MaterialId.of("c")).qualification(new Qualification.RegistrationNumber("备案-1"))
                    .producerIsMiniProgramEntity().build();

            assertTrue(s.authorizedMaterialId().isEmpty());
        }

        @Test
        void build_whenCurrentSchemaNotApplyingAndNoLetter_rejectsWithR16() {
            FirstSubmission.Builder b = FirstSubmission.builder().name("我的短剧").mediaIds(media(2)).producer("某公司")
                    .description("简介").coverMaterialId(MaterialId.of("c"))
                    .qualification(new Qualification.LowCost(50, MaterialId.of("letter")))
                    .dramaType(DramaType.ANIMATED).copyright(Copyright.withoutProtection(Copyright.Role.LICENSEE));

            assertRejected(Rule.R16, "authorized_material_id", "when not applying for copyright protection", b::build);
        }

        @Test
        void build_whenCurrentSchemaApplyingForProtection_needsNoLetterR16() {
            FirstSubmission s = FirstSubmission.builder().name("我的短剧").mediaIds(media(2)).producer("某公司")
                    .description("简介").coverMaterialId(MaterialId.of("c"))
                    .qualification(new Qualification.LowCost(50, MaterialId.of("letter")))
                    .dramaType(DramaType.ANIMATED)
                    .copyright(Copyright.withProtection(Copyright.Role.PRODUCER, Copyright.Verification.AUTHORIZATION_RELATION, List.of(), List.of()))
                    .build();

            assertTrue(s.authorizedMaterialId().isEmpty());
            assertTrue(s.currentSchema());
        }
    }

    @Nested
    @DisplayName("R-17: expedited is 0 or 1 on the first submission")
    class R17Expedited {

        @Test
        void build_whenExpedited_carriesTheFlagR17() {
            assertTrue(older().expedited(true).build().expedited());
            assertFalse(older().build().expedited());
        }
    }

    @Nested
    @DisplayName("§6.1: the current auditdrama schema")
    class CurrentSchema {

        @Test
        void build_whenDescriptionIs200Chars_acceptsS6_1() {
            assertEquals(200, current().description("简".repeat(200)).build().description().length());
        }

        @Test
        void build_whenDescriptionIs201Chars_rejectsWithS6_1() {
            InvalidRequestException e = assertRejected(Rule.S6_1, "description", "at most 200 characters",
                    () -> current().description("简".repeat(201)).build());
            assertEquals("201 characters", e.violations().get(0).rejected());
        }

        @Test
        void build_whenRecommendationsIs30Chars_acceptsS6_1() {
            assertEquals(30, current().recommendations("荐".repeat(30)).build().recommendations().length());
        }

        @Test
        void build_whenRecommendationsIs31Chars_rejectsWithS6_1() {
            assertRejected(Rule.S6_1, "recommendations", "at most 30 characters", () -> current().recommendations("荐".repeat(31)).build());
        }

        @ParameterizedTest(name = "{0} actors")
        @ValueSource(ints = {2, 3, 5})
        void build_whenLiveActionWith2To5Actors_acceptsS6_1(int n) {
            FirstSubmission s = current().dramaType(DramaType.LIVE_ACTION).actors(actors(n)).build();

            assertEquals(n, s.actors().size());
            assertEquals(DramaType.LIVE_ACTION, s.dramaType().orElseThrow());
        }

        @ParameterizedTest(name = "{0} actors")
        @ValueSource(ints = {0, 1, 6})
        void build_whenLiveActionWithoutEnoughOrTooManyActors_rejectsWithS6_1(int n) {
            assertRejected(Rule.S6_1, "actor_list", "a live-action drama lists 2..5 actors",
                    () -> current().dramaType(DramaType.LIVE_ACTION).actors(actors(n)).build());
        }

        @ParameterizedTest
        @EnumSource(value = DramaType.class, names = {"ANIMATED", "DIGITAL_HUMAN"})
        void build_whenNotLiveActionButActorsGiven_rejectsWithS6_1(DramaType type) {
            assertRejected(Rule.S6_1, "actor_list", "must be absent for animated and digital-human dramas",
                    () -> current().dramaType(type).actors(actors(2)).build());
        }

        @ParameterizedTest
        @EnumSource(value = DramaType.class, names = {"ANIMATED", "DIGITAL_HUMAN"})
        void build_whenNotLiveActionWithoutActors_acceptsS6_1(DramaType type) {
            assertTrue(current().dramaType(type).build().actors().isEmpty());
        }

        @Test
        void build_whenDramaTypeAndCopyrightMissing_rejectsBothWithS6_1() {
            FirstSubmission.Builder b = FirstSubmission.builder().name("我的短剧").mediaIds(media(1)).producer("某公司")
                    .description("简介").coverMaterialId(MaterialId.of("c"))
                    .qualification(new Qualification.Licensed("V123456788888888", MaterialId.of("cert")));

            InvalidRequestException e = assertRejected(Rule.S6_1, "drama_type", "required", b::build);
            assertEquals(List.of("drama_type", "copyright"), e.violations().stream().map(v -> v.field()).toList());
        }

        @Test
        void build_whenAllOptionalFieldsGiven_keepsThem() {
            FirstSubmission s = current().promotionPosterMaterialId(MaterialId.of("poster")).containsAiContent(true)
                    .otherMaterialId(MaterialId.of("other")).build();

            assertEquals(MaterialId.of("poster"), s.promotionPosterMaterialId().orElseThrow());
            assertEquals(MaterialId.of("other"), s.otherMaterialId().orElseThrow());
            assertTrue(s.containsAiContent());
            assertTrue(s.copyright().isPresent());
        }

        @Test
        void dramaType_of_whenCode1To3_mapsAndOtherwiseRejectsWithS6_1() {
            assertEquals(DramaType.ANIMATED, DramaType.of(1));
            assertEquals(DramaType.LIVE_ACTION, DramaType.of(2));
            assertEquals(DramaType.DIGITAL_HUMAN, DramaType.of(3));
            assertTrue(DramaType.LIVE_ACTION.requiresActors());
            assertRejected(Rule.S6_1, "drama_type", "1 (animated), 2 (live action) or 3 (digital human)", () -> DramaType.of(4));
            assertRejected(Rule.S6_1, "drama_type", "1 (animated)", () -> DramaType.of(0));
        }

        @Test
        void build_mixingSchemasIsUnrepresentable_theQualificationChoosesTheRules() {
            List<Qualification> all = new ArrayList<>(List.of(
                    new Qualification.RegistrationNumber("备案-1"),
                    new Qualification.PublishLicense("许可-1", MaterialId.of("m")),
                    new Qualification.Licensed("V123456788888888", MaterialId.of("m")),
                    new Qualification.LowCost(1, MaterialId.of("m"))));

            assertEquals(List.of(false, false, true, true), all.stream().map(Qualification::currentSchema).toList());
        }
    }

    @Nested
    @DisplayName("§6.1 / API.md §9.7: the fields announced for 2026-07-28 are optional; only their caps are checked")
    class Announced20260728 {

        private List<MaterialId> proofs(int n) {
            List<MaterialId> out = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                out.add(MaterialId.of("pub-" + i));
            }
            return out;
        }

        @Test
        void build_whenAiOwnershipProofAndFourPublicationProofsGiven_keepsThemS6_1() {
            FirstSubmission s = current().containsAiContent(true).aiSoftwareOwnershipProof(MaterialId.of("ai-proof"))
                    .otherPlatformPublicationProof(proofs(4)).build();

            assertEquals(MaterialId.of("ai-proof"), s.aiSoftwareOwnershipProof().orElseThrow());
            assertEquals(proofs(4), s.otherPlatformPublicationProof());
        }

        @Test
        void build_whenNeitherGiven_sendsNeither() {
            FirstSubmission s = current().build();

            assertTrue(s.aiSoftwareOwnershipProof().isEmpty());
            assertEquals(List.of(), s.otherPlatformPublicationProof());
        }

        @Test
        void build_whenAiContentDeclaredWithoutOwnershipProof_isAcceptedUntilAnOfficialPageRequiresIt() {
            assertTrue(current().containsAiContent(true).build().aiSoftwareOwnershipProof().isEmpty());
        }

        @Test
        void build_whenFivePublicationProofs_rejectsWithS6_1() {
            InvalidRequestException e = assertRejected(Rule.S6_1, "other_platform_publication_proof", "at most 4",
                    () -> current().otherPlatformPublicationProof(proofs(5)).build());
            assertEquals("5 ids", e.violations().get(0).rejected());
        }

        @Test
        void build_whenSettersGivenNull_reportsThemAtBuildWithTheOtherViolations() {
            FirstSubmission.Builder b = current().name(null).aiSoftwareOwnershipProof(null).otherPlatformPublicationProof(null);

            InvalidRequestException e = assertRejected(Rule.R14, "name", "required", b::build);
            assertEquals(List.of("name", "ai_software_ownership_proof", "other_platform_publication_proof"),
                    e.violations().stream().map(v -> v.field()).toList());
            assertTrue(e.violations().get(1).message().contains("was set to null"), e::getMessage);
        }

        @Test
        void build_whenAPublicationProofIsNull_rejectsThatElement() {
            List<MaterialId> withNull = new ArrayList<>(proofs(2));
            withNull.add(1, null);

            assertRejected(Rule.S6_1, "other_platform_publication_proof[1]", "required",
                    () -> current().otherPlatformPublicationProof(withNull).build());
        }

        @Test
        void setter_givenNullThenAValue_keepsTheValue() {
            FirstSubmission s = current().aiSoftwareOwnershipProof(null).aiSoftwareOwnershipProof(MaterialId.of("ai")).build();

            assertEquals(MaterialId.of("ai"), s.aiSoftwareOwnershipProof().orElseThrow());
        }
    }
}
