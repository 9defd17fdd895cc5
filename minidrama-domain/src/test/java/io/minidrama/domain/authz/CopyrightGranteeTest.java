package io.minidrama.domain.authz;

import io.minidrama.domain.AppId;
import io.minidrama.domain.error.Rule;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static io.minidrama.domain.RuleAssertions.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;

class CopyrightGranteeTest {
    /*
     * 91350100M000100Y43 is the code printed on a public sample business licence. Checked by hand
     * with GB 32100-2015: character values (0-9, then A=10 .. Y=30 without I, O, S, V, Z)
     *   9 1 3 5 0 1 0 0 M=21 0 0 0 1 0 0 Y=30 4
     * times the weights 3^i mod 31
     *   1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28
     * = 9 + 3 + 27 + 135 + 0 + 26 + 0 + 0 + 420 + 0 + 0 + 0 + 8 + 0 + 0 + 900 + 112 = 1640;
     * 1640 mod 31 = 28; 31 - 28 = 3: the check character is '3'.
     */
    static final String PUBLIC_EXAMPLE = "91350100M000100Y43";
    /*
     * 91110000000000000 (a Beijing-style prefix, the rest zeros): 9*1 + 1*3 + 1*9 + 1*27 = 48;
     * 48 mod 31 = 17; 31 - 17 = 14, the value of 'E'.
     */
    static final String ZEROS_EXAMPLE = "91110000000000000E";
    /*
     * 17 zeros: sum 0, 0 mod 31 = 0, 31 - 0 = 31 → wraps to '0'.
     */
    static final String ALL_ZEROS = "000000000000000000";

    @Nested
    @DisplayName("R-26: a company is named by an 18-character unified social credit code with a valid check character")
    class R26CreditCode {

        @ParameterizedTest
        @ValueSource(strings = {PUBLIC_EXAMPLE, ZEROS_EXAMPLE, ALL_ZEROS})
        void of_whenCheckCharacterMatches_acceptsR26(String code) {
            assertEquals(code, UnifiedSocialCreditCode.of(code).value());
        }

        @Test
        void of_whenCheckCharacterWrong_rejectsWithR26NamingTheExpectedOne() {
            assertRejected(Rule.R26, "authorized_subject_cert_no", "call for '3'", () -> UnifiedSocialCreditCode.of("91350100M000100Y44"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"91350100M000100Y4", "91350100M000100Y433", ""})
        void of_whenNot18Characters_rejectsWithR26(String code) {
            assertRejected(Rule.R26, "authorized_subject_cert_no", "exactly 18 characters", () -> UnifiedSocialCreditCode.of(code));
        }

        @Test
        void of_whenNull_rejectsWithR26() {
            assertRejected(Rule.R26, "authorized_subject_cert_no", "exactly 18 characters", () -> UnifiedSocialCreditCode.of(null));
        }

        @ParameterizedTest
        @ValueSource(strings = {"I", "O", "S", "V", "Z"})
        void of_whenForbiddenLetter_rejectsWithR26(String letter) {
            String code = "91350100" + letter + "000100Y43";

            assertRejected(Rule.R26, "authorized_subject_cert_no", "except I, O, S, V, Z", () -> UnifiedSocialCreditCode.of(code));
        }

        @Test
        void of_whenLowerCase_rejectsWithR26() {
            assertRejected(Rule.R26, "authorized_subject_cert_no", "upper-case", () -> UnifiedSocialCreditCode.of("91350100m000100y43"));
        }

        @Test
        void checkCharacter_matchesTheHandComputedExamples() {
            assertEquals('3', UnifiedSocialCreditCode.checkCharacter(PUBLIC_EXAMPLE.substring(0, 17)));
            assertEquals('E', UnifiedSocialCreditCode.checkCharacter(ZEROS_EXAMPLE.substring(0, 17)));
            assertEquals('0', UnifiedSocialCreditCode.checkCharacter(ALL_ZEROS.substring(0, 17)));
        }
    }

    @Nested
    @DisplayName("R-26: authorization_type 1 names a company, 2 a mini program, exactly the one the type calls for")
    class R26Grantee {

        @Test
        void company_isType1WithItsCreditCode() {
            CopyrightGrantee g = new CopyrightGrantee.Company(UnifiedSocialCreditCode.of(PUBLIC_EXAMPLE));

            assertEquals(1, g.type());
        }

        @Test
        void miniProgram_isType2WithItsAppId() {
            CopyrightGrantee g = new CopyrightGrantee.MiniProgram(AppId.of("wx0123456789abcdef"));

            assertEquals(2, g.type());
        }

        @Test
        void copyrightAuthorization_whenGranteeMissing_rejectsWithR26() {
            assertRejected(Rule.R26, "authorization_type", "required", () -> new CopyrightAuthorization(null, List.of(), Expiry.PERMANENT));
            assertRejected(Rule.R26, "authorization_type", "required", () -> new CopyrightDeauthorization(null, List.of()));
        }
    }
}
