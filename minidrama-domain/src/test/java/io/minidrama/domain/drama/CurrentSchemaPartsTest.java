package io.minidrama.domain.drama;

import io.minidrama.domain.MaterialId;
import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.stream.IntStream;

import static io.minidrama.domain.RuleAssertions.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** §6.1's qualification types, actors and copyright object. */
class CurrentSchemaPartsTest {
    private static final MaterialId M = MaterialId.of("m-1");

    private static List<MaterialId> ids(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> MaterialId.of("proof-" + i)).toList();
    }

    @Nested
    @DisplayName("§6.1 qualification_type 1: registration_number and qualification_certificate_material_id")
    class S6_1Licensed {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"(沪)网剧审字(2023)第001号", "V123456788888888"})
        void new_whenDocumentedNumberAndCertificate_acceptsS6_1(String number) {
            assertEquals(number, new Qualification.Licensed(number, M).registrationNumber());
        }

        @Test
        void new_whenCertificateMissing_rejectsWithS6_1() {
            assertRejected(Rule.S6_1, "qualification_certificate_material_id", "type 1 needs",
                    () -> new Qualification.Licensed("V123456788888888", null));
        }

        @ParameterizedTest(name = "''{0}''")
        @ValueSource(strings = {" V1", "V1 ", "第001号\n第002号"})
        void new_whenNumberPaddedOrMultiLine_rejectsWithS6_1(String number) {
            assertRejected(Rule.S6_1, "registration_number", "one line", () -> new Qualification.Licensed(number, M));
        }

        @Test
        void new_whenNumberBlank_rejectsWithS6_1() {
            assertRejected(Rule.S6_1, "registration_number", "must not be blank", () -> new Qualification.Licensed(" ", M));
        }
    }

    @Nested
    @DisplayName("§6.1 qualification_type 2: cost_of_production 1..99 and cost_commitment_letter_material_id")
    class S6_1LowCost {

        @ParameterizedTest(name = "cost {0}")
        @ValueSource(ints = {1, 50, 99})
        void new_whenCost1To99_acceptsS6_1(int cost) {
            assertEquals(cost, new Qualification.LowCost(cost, M).costOfProduction());
        }

        @ParameterizedTest(name = "cost {0}")
        @ValueSource(ints = {0, 100, -1})
        void new_whenCostOutside1To99_rejectsWithS6_1(int cost) {
            assertRejected(Rule.S6_1, "cost_of_production", "1..99 (unit ¥10,000", () -> new Qualification.LowCost(cost, M));
        }

        @Test
        void new_whenLetterMissing_rejectsWithS6_1() {
            assertRejected(Rule.S6_1, "cost_commitment_letter_material_id", "type 2 needs", () -> new Qualification.LowCost(10, null));
        }
    }

    @Nested
    @DisplayName("§6.1 actor_list.actor[]: name <= 30 (Chinese, English, ·), photo, role <= 30, profile <= 100")
    class S6_1Actor {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"张三", "Tom Hanks", "阿卜杜·热合曼", "Jean·Reno"})
        void new_whenNameChineseEnglishOrDot_acceptsS6_1(String name) {
            assertEquals(name, new Actor(name, M, "男主角", "简介").name());
        }

        @ParameterizedTest(name = "''{0}''")
        @ValueSource(strings = {"张三3", "R2-D2", "张三!", "O'Brien"})
        void new_whenNameHasOtherCharacters_rejectsWithS6_1(String name) {
            assertRejected(Rule.S6_1, "name", "Chinese or English letters and '·' only", () -> new Actor(name, M, "角色", "简介"));
        }

        @Test
        void new_whenNameIs30Chars_acceptsButNot31S6_1() {
            assertEquals(30, new Actor("张".repeat(30), M, "角色", "简介").name().length());
            assertRejected(Rule.S6_1, "name", "at most 30 characters", () -> new Actor("张".repeat(31), M, "角色", "简介"));
        }

        @Test
        void new_whenRoleIs30Chars_acceptsButNot31S6_1() {
            assertEquals(30, new Actor("张三", M, "角".repeat(30), "简介").role().length());
            assertRejected(Rule.S6_1, "role", "at most 30 characters", () -> new Actor("张三", M, "角".repeat(31), "简介"));
        }

        @Test
        void new_whenProfileIs100Chars_acceptsButNot101S6_1() {
            assertEquals(100, new Actor("张三", M, "角色", "简".repeat(100)).profile().length());
            assertRejected(Rule.S6_1, "profile", "at most 100 characters", () -> new Actor("张三", M, "角色", "简".repeat(101)));
        }

        @Test
        void new_whenEverythingMissing_listsAllFourFieldsS6_1() {
            InvalidRequestException e = assertRejected(Rule.S6_1, "photo_material_id", "required", () -> new Actor(null, null, null, null));

            assertEquals(List.of("name", "photo_material_id", "role", "profile"), e.violations().stream().map(v -> v.field()).toList());
        }
    }

    @Nested
    @DisplayName("§6.1 copyright: role, protection, verification, proofs <= 4, certificates <= 4")
    class S6_1Copyright {

        @Test
        void withoutProtection_acceptsS6_1() {
            Copyright c = Copyright.withoutProtection(Copyright.Role.LICENSEE);

            assertFalse(c.applyForProtection());
            assertTrue(c.verification().isEmpty());
            assertEquals(2, c.role().code());
        }

        @Test
        void withProtection_whenProofMaterialsWith1To4Proofs_acceptsS6_1() {
            Copyright one = Copyright.withProtection(Copyright.Role.PRODUCER, Copyright.Verification.PROOF_MATERIALS, ids(1), List.of());
            Copyright four = Copyright.withProtection(Copyright.Role.PRODUCER, Copyright.Verification.PROOF_MATERIALS, ids(4), ids(4));

            assertEquals(1, one.proofOfProduction().size());
            assertEquals(4, four.broadcastAuthorizationCertificates().size());
            assertEquals("1", one.verification().orElseThrow().wire());
        }

        @Test
        void withProtection_whenTenProofsOfProduction_acceptsS6_1AsAnnouncedFor20260728() {
            Copyright ten = Copyright.withProtection(Copyright.Role.PRODUCER, Copyright.Verification.PROOF_MATERIALS, ids(10), List.of());

            assertEquals(10, ten.proofOfProduction().size());
        }

        @Test
        void withProtection_whenProofMaterialsWithoutProof_rejectsWithS6_1() {
            assertRejected(Rule.S6_1, "copyright.proof_of_production", "needs 1..10 proof_of_production",
                    () -> Copyright.withProtection(Copyright.Role.PRODUCER, Copyright.Verification.PROOF_MATERIALS, List.of(), List.of()));
        }

        @Test
        void withProtection_whenVerificationMissing_rejectsWithS6_1() {
            assertRejected(Rule.S6_1, "copyright.copyright_verification", "is required",
                    () -> Copyright.withProtection(Copyright.Role.PRODUCER, null, ids(1), List.of()));
        }

        @Test
        void withProtection_whenElevenProofs_rejectsWithS6_1() {
            assertRejected(Rule.S6_1, "copyright.proof_of_production", "at most 10",
                    () -> Copyright.withProtection(Copyright.Role.PRODUCER, Copyright.Verification.PROOF_MATERIALS, ids(11), List.of()));
        }

        @Test
        void withProtection_whenFiveCertificates_rejectsWithS6_1() {
            assertRejected(Rule.S6_1, "copyright.purchase_or_broadcast_authorization_certificate", "at most 4",
                    () -> Copyright.withProtection(Copyright.Role.LICENSEE, Copyright.Verification.AUTHORIZATION_RELATION, List.of(), ids(5)));
        }

        @Test
        void withProtection_whenAuthorisationRelation_needsNoProofS6_1() {
            Copyright c = Copyright.withProtection(Copyright.Role.LICENSEE, Copyright.Verification.AUTHORIZATION_RELATION, List.of(), List.of());

            assertEquals("2", c.verification().orElseThrow().wire());
        }

        @Test
        void withoutProtection_whenRoleMissing_rejectsWithS6_1() {
            assertRejected(Rule.S6_1, "copyright.copyright_role", "required", () -> Copyright.withoutProtection(null));
        }
    }
}
