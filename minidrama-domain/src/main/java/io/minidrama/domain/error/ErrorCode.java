package io.minidrama.domain.error;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every errcode the platform documents for the mini-drama operations (API.md §4 and §7), with its
 * retry classification. A code the platform sends that is not listed maps to {@link #UNKNOWN}; the
 * raw code is kept by {@link PlatformException#rawErrcode()}.
 */
public enum ErrorCode {
    OK(0, "success", Retry.NEVER),
    SYSTEM_BUSY(-1, "system busy", Retry.BACKOFF),
    INITIALIZING(-2, "first-time initialization still running", Retry.LONG_BACKOFF),
    INVALID_CREDENTIAL(40001, "access token invalid", Retry.REFRESH_TOKEN),
    INVALID_ACCESS_TOKEN(40014, "access token invalid", Retry.REFRESH_TOKEN),
    ACCESS_TOKEN_EXPIRED(42001, "access token expired", Retry.REFRESH_TOKEN),
    MISSING_ACCESS_TOKEN(41001, "access token missing", Retry.NEVER),
    INVALID_APPID(40013, "appid invalid", Retry.NEVER),
    INVALID_APPSECRET(40125, "appsecret invalid", Retry.NEVER),
    REQUIRE_POST(43002, "must use POST", Retry.NEVER),
    EMPTY_POST_BODY(44002, "empty POST body", Retry.NEVER),
    BODY_FORMAT_ERROR(47001, "body format error", Retry.NEVER),
    ARGUMENT_INVALID(47003, "argument invalid", Retry.NEVER),
    VIDEO_TYPE_UNSUPPORTED(10090001, "video type not supported", Retry.NEVER),
    IMAGE_TYPE_UNSUPPORTED(10090002, "image type not supported", Retry.NEVER),
    IMAGE_URL_INVALID(10090003, "image URL invalid", Retry.NEVER),
    RESOURCE_TYPE_INVALID(10090005, "resource_type invalid", Retry.NEVER),
    GRANTEE_LACKS_CATEGORY(10090038, "grantee lacks the mini-drama category", Retry.NEVER),
    ALREADY_DEAUTHORIZED(10090039, "already deauthorized", Retry.NEVER),
    EPISODE_OCCUPIED(10090040, "episode already occupied", Retry.NEVER),
    DRAMA_NAME_NONCOMPLIANT(10090041, "drama name non-compliant", Retry.NEVER),
    EPISODE_NAME_NONCOMPLIANT(10090042, "episode name non-compliant", Retry.NEVER),
    NO_AUTHORIZATION_RELATION(10090043, "no authorization relation", Retry.NEVER),
    OPERATION_FAILED(10093011, "operation failed", Retry.NEVER),
    PARAMETER_ERROR(10093014, "parameter error", Retry.NEVER),
    TOO_FREQUENT(10093023, "too frequent", Retry.BACKOFF),
    RESOURCE_NOT_FOUND(10093030, "resource does not exist", Retry.NEVER),
    /** Any code not documented: check {@link PlatformException#rawErrcode()}. */
    UNKNOWN(Integer.MIN_VALUE, "undocumented errcode", Retry.NEVER);

    /** How a caller should react to a code. */
    public enum Retry {
        /** Do not retry: the request must change. */
        NEVER,
        /** Retry with exponential backoff and jitter. */
        BACKOFF,
        /** Retry on a long schedule (minutes). */
        LONG_BACKOFF,
        /** Refresh the access token and retry once. */
        REFRESH_TOKEN
    }

    private static final Map<Integer, ErrorCode> BY_CODE = Arrays.stream(values())
            .filter(c -> c != UNKNOWN)
            .collect(Collectors.toUnmodifiableMap(ErrorCode::code, Function.identity()));

    private final int code;
    private final String meaning;
    private final Retry retry;

    ErrorCode(int code, String meaning, Retry retry) {
        this.code = code;
        this.meaning = meaning;
        this.retry = retry;
    }

    /** Maps a raw errcode; undocumented codes map to {@link #UNKNOWN}. */
    public static ErrorCode of(int errcode) {
        return BY_CODE.getOrDefault(errcode, UNKNOWN);
    }

    /** The documented numeric code ({@link Integer#MIN_VALUE} for {@link #UNKNOWN}). */
    public int code() {
        return code;
    }

    /** The documented meaning. */
    public String meaning() {
        return meaning;
    }

    /**
     * How the platform documents the code: a fact that the ports' {@code RetryPolicy} (the one
     * retry decision) and the adapters' token refresh read.
     */
    public Retry retry() {
        return retry;
    }

    /** True for 40001, 40014 and 42001: refresh the token and retry once. */
    public boolean isTokenInvalid() {
        return retry == Retry.REFRESH_TOKEN;
    }

    /** True for -1 and 10093023: back off and try again. */
    public boolean isRateLimited() {
        return retry == Retry.BACKOFF;
    }
}
