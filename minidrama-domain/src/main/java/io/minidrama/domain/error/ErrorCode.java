package io.minidrama.domain.error;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every errcode the platform documents for the mini-drama operations (API.md §4, §7, §8 and §10), with its
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
    /** Drama player ({@code /wxadrama/*}, API.md §8): the thing named does not exist. */
    PLAYER_NOT_FOUND(1, "not found", Retry.NEVER),
    /** Drama player: a parameter is wrong. */
    PLAYER_BAD_PARAMETER(2, "bad parameter", Retry.NEVER),
    /** Drama player: the drama is not authorized for playback by this mini program (authorize it with {@code authorizedrama}). */
    DRAMA_NOT_AUTHORIZED(21000, "drama not authorized for playback", Retry.NEVER),
    /** Drama player plugin: the user's encrypted session key does not exist. */
    PLAYER_SESSION_KEY_MISSING(21001, "player plugin: user session key missing", Retry.NEVER),
    /** Drama player plugin: the merchant's encrypted package is not Base64. */
    PLAYER_PACKAGE_NOT_BASE64(21002, "player plugin: merchant package not Base64", Retry.NEVER),
    /** Drama player plugin: the merchant's encrypted package could not be decrypted. */
    PLAYER_PACKAGE_UNDECRYPTABLE(21003, "player plugin: merchant package decryption failed", Retry.NEVER),
    /** Drama player plugin: a package error (21004..21007, API.md §8). */
    PLAYER_PACKAGE_ERROR_21004(21004, "player plugin package error", Retry.NEVER),
    /** Drama player plugin: a package error (21004..21007, API.md §8). */
    PLAYER_PACKAGE_ERROR_21005(21005, "player plugin package error", Retry.NEVER),
    /** Drama player plugin: a package error (21004..21007, API.md §8). */
    PLAYER_PACKAGE_ERROR_21006(21006, "player plugin package error", Retry.NEVER),
    /** Drama player plugin: a package error (21004..21007, API.md §8). */
    PLAYER_PACKAGE_ERROR_21007(21007, "player plugin package error", Retry.NEVER),
    /** Drama player plugin: pre-pull is not enabled. */
    PLAYER_PREPULL_DISABLED(21008, "player plugin: pre-pull not enabled", Retry.NEVER),
    /** Drama player plugin: the traffic balance is insufficient. */
    PLAYER_TRAFFIC_INSUFFICIENT(21009, "player plugin: traffic balance insufficient", Retry.NEVER),
    /** Promotion plan join: a drama's bitrate (&lt; 0.5 Mbps) or resolution (&lt; 720p) is too low; the whole batch failed. */
    PROMOTION_QUALITY_TOO_LOW(106017, "bitrate or resolution too low for the promotion plan", Retry.NEVER),
    /** Promotion plan join: the official library already holds the same content. */
    PROMOTION_DUPLICATE_CONTENT(106018, "same content already in the official library", Retry.NEVER),
    /**
     * Third-party platforms (API.md §10): the mini program has not granted the platform the permission
     * set the operation needs; {@link PlatformException#missingPermissionSet()} says which.
     */
    PERMISSION_SET_NOT_GRANTED(61007, "the permission set this operation needs is not granted to the third-party platform", Retry.NEVER),
    /** Third-party platforms (API.md §10): this account has not authorized the platform, or revoked it. */
    COMPONENT_NOT_AUTHORIZED(61003, "the account has not authorized the third-party platform (or revoked it)", Retry.NEVER),
    /** Third-party platforms: the caller's IP is not on the platform's whitelist. */
    COMPONENT_IP_NOT_WHITELISTED(61004, "the caller's IP is not on the third-party platform's whitelist", Retry.NEVER),
    /** Third-party platforms: the {@code component_verify_ticket} is older than its 12 hours. */
    COMPONENT_TICKET_EXPIRED(61005, "component_verify_ticket expired", Retry.NEVER),
    /** Third-party platforms: the {@code component_verify_ticket} is not one the platform issued. */
    COMPONENT_TICKET_INVALID(61006, "component_verify_ticket invalid", Retry.NEVER),
    /** Third-party platforms: the authorizer refresh token is invalid (re-pull it from the authorizer list, else re-authorize). */
    REFRESH_TOKEN_INVALID(61023, "authorizer refresh token invalid", Retry.NEVER),
    /** The daily quota of the interface is used up (e.g. {@code api_component_token}); retry tomorrow. */
    DAILY_QUOTA_REACHED(45009, "daily quota reached", Retry.NEVER),
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
