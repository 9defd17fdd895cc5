package io.minidrama.domain.error;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("ErrorCode: every documented errcode (API.md §4, §7, §8) and its retry classification")
class ErrorCodeTest {

    @ParameterizedTest(name = "{0} maps to {1}, retry {2}")
    @CsvSource({
            "-1, SYSTEM_BUSY, BACKOFF",
            "-2, INITIALIZING, LONG_BACKOFF",
            "40001, INVALID_CREDENTIAL, REFRESH_TOKEN",
            "40014, INVALID_ACCESS_TOKEN, REFRESH_TOKEN",
            "42001, ACCESS_TOKEN_EXPIRED, REFRESH_TOKEN",
            "43002, REQUIRE_POST, NEVER",
            "44002, EMPTY_POST_BODY, NEVER",
            "47001, BODY_FORMAT_ERROR, NEVER",
            "47003, ARGUMENT_INVALID, NEVER",
            "10090001, VIDEO_TYPE_UNSUPPORTED, NEVER",
            "10090002, IMAGE_TYPE_UNSUPPORTED, NEVER",
            "10090003, IMAGE_URL_INVALID, NEVER",
            "10090005, RESOURCE_TYPE_INVALID, NEVER",
            "10090038, GRANTEE_LACKS_CATEGORY, NEVER",
            "10090039, ALREADY_DEAUTHORIZED, NEVER",
            "10090040, EPISODE_OCCUPIED, NEVER",
            "10090041, DRAMA_NAME_NONCOMPLIANT, NEVER",
            "10090042, EPISODE_NAME_NONCOMPLIANT, NEVER",
            "10090043, NO_AUTHORIZATION_RELATION, NEVER",
            "10093011, OPERATION_FAILED, NEVER",
            "10093014, PARAMETER_ERROR, NEVER",
            "10093023, TOO_FREQUENT, BACKOFF",
            "10093030, RESOURCE_NOT_FOUND, NEVER",
            "1, PLAYER_NOT_FOUND, NEVER",
            "2, PLAYER_BAD_PARAMETER, NEVER",
            "21000, DRAMA_NOT_AUTHORIZED, NEVER",
            "21001, PLAYER_SESSION_KEY_MISSING, NEVER",
            "21002, PLAYER_PACKAGE_NOT_BASE64, NEVER",
            "21003, PLAYER_PACKAGE_UNDECRYPTABLE, NEVER",
            "21004, PLAYER_PACKAGE_ERROR_21004, NEVER",
            "21005, PLAYER_PACKAGE_ERROR_21005, NEVER",
            "21006, PLAYER_PACKAGE_ERROR_21006, NEVER",
            "21007, PLAYER_PACKAGE_ERROR_21007, NEVER",
            "21008, PLAYER_PREPULL_DISABLED, NEVER",
            "21009, PLAYER_TRAFFIC_INSUFFICIENT, NEVER",
            "106017, PROMOTION_QUALITY_TOO_LOW, NEVER",
            "106018, PROMOTION_DUPLICATE_CONTENT, NEVER",
            "61007, PERMISSION_SET_NOT_GRANTED, NEVER",
            "61003, COMPONENT_NOT_AUTHORIZED, NEVER",
            "61004, COMPONENT_IP_NOT_WHITELISTED, NEVER",
            "61005, COMPONENT_TICKET_EXPIRED, NEVER",
            "61006, COMPONENT_TICKET_INVALID, NEVER",
            "61023, REFRESH_TOKEN_INVALID, NEVER",
            "45009, DAILY_QUOTA_REACHED, NEVER",
    })
    void of_whenCodeIsDocumented_mapsToItsConstantAndRetryClass(int errcode, ErrorCode expected, ErrorCode.Retry retry) {
        ErrorCode code = ErrorCode.of(errcode);

        assertEquals(expected, code);
        assertEquals(errcode, code.code());
        assertEquals(retry, code.retry());
        assertFalse(code.meaning().isBlank());
    }

    @ParameterizedTest(name = "{0} is undocumented")
    @ValueSource(ints = {3, -3, 20999, 21010, 106016, 106019, 40002, 45010, 61008, 10090004, 10093099, 99999999, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void of_whenCodeIsUndocumented_mapsToUnknownAndIsNotRetried(int errcode) {
        ErrorCode code = ErrorCode.of(errcode);

        assertEquals(ErrorCode.UNKNOWN, code);
        assertEquals(ErrorCode.Retry.NEVER, code.retry());
        assertFalse(code.isTokenInvalid());
        assertFalse(code.isRateLimited());
    }

    @Test
    void of_whenCodeIsZero_mapsToOk() {
        assertEquals(ErrorCode.OK, ErrorCode.of(0));
    }

    @Test
    void isTokenInvalid_isTrueExactlyFor40001_40014_42001() {
        Set<Integer> tokenCodes = Arrays.stream(ErrorCode.values()).filter(ErrorCode::isTokenInvalid)
                .map(ErrorCode::code).collect(Collectors.toSet());

        assertEquals(Set.of(40001, 40014, 42001), tokenCodes);
    }

    @Test
    void isRateLimited_isTrueExactlyForMinus1And10093023() {
        Set<Integer> busyCodes = Arrays.stream(ErrorCode.values()).filter(ErrorCode::isRateLimited)
                .map(ErrorCode::code).collect(Collectors.toSet());

        assertEquals(Set.of(-1, 10093023), busyCodes);
    }

    @Test
    void isRetryable_isTrueForBusyInitialisingAndTokenCodesOnly() {
        Set<ErrorCode> retryable = Arrays.stream(ErrorCode.values()).filter(c -> c.retry() != ErrorCode.Retry.NEVER)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ErrorCode.class)));

        assertEquals(EnumSet.of(ErrorCode.SYSTEM_BUSY, ErrorCode.INITIALIZING, ErrorCode.TOO_FREQUENT,
                ErrorCode.INVALID_CREDENTIAL, ErrorCode.INVALID_ACCESS_TOKEN, ErrorCode.ACCESS_TOKEN_EXPIRED), retryable);
    }

    @Test
    void codes_areUniqueAcrossConstants() {
        long distinct = Arrays.stream(ErrorCode.values()).mapToInt(ErrorCode::code).distinct().count();

        assertEquals(ErrorCode.values().length, distinct);
        assertNotEquals(0, ErrorCode.UNKNOWN.code());
        assertTrue(ErrorCode.INITIALIZING.retry() == ErrorCode.Retry.LONG_BACKOFF && !ErrorCode.INITIALIZING.isRateLimited());
    }
}
