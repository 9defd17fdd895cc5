package io.minidrama.domain.authz;

import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;

/**
 * A company's 18-character unified social credit code (统一社会信用代码, GB 32100-2015), with its
 * check character verified.
 *
 * <p>The code uses the 31 characters {@code 0-9 A-H J-N P-R T U W-Y}; the 18th is a check
 * character computed from the first 17 with the weights 3^(i) mod 31.
 *
 * @param value the code, upper case
 */
public record UnifiedSocialCreditCode(String value) {
    private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    public UnifiedSocialCreditCode {
        String problem = problem(value);
        if (problem != null) {
            throw InvalidRequestException.of("authorized_subject_cert_no", Rule.R26, value, problem);
        }
    }

    /** Shorthand for {@code new UnifiedSocialCreditCode(value)}. */
    public static UnifiedSocialCreditCode of(String value) {
        return new UnifiedSocialCreditCode(value);
    }

    /** The check character the first 17 characters call for. */
    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CHARSET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int c = 31 - sum % 31;
        return CHARSET.charAt(c == 31 ? 0 : c);
    }

    private static String problem(String v) {
        if (v == null || v.length() != 18) {
            return "a unified social credit code has exactly 18 characters";
        }
        for (int i = 0; i < 18; i++) {
            if (CHARSET.indexOf(v.charAt(i)) < 0) {
                return "character " + (i + 1) + " ('" + v.charAt(i) + "') is not one of 0-9 and the upper-case letters except I, O, S, V, Z";
            }
        }
        char expected = checkCharacter(v.substring(0, 17));
        if (v.charAt(17) != expected) {
            return "the check character is wrong (GB 32100-2015): a typo? the first 17 characters call for '" + expected + "'";
        }
        return null;
    }

    @Override
    public String toString() {
        return value;
    }
}
