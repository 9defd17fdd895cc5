package io.minidrama.domain.error;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * The platform answered a call with a non-zero errcode (or an HTTP status that stands for one).
 *
 * <p>Carries the mapped {@link ErrorCode}, the raw errcode and errmsg as sent, the operation and
 * the HTTP status. Never carries the access token or any other secret.
 */
public class PlatformException extends MiniDramaException {
    private static final long serialVersionUID = 1L;

    /** HTTP status used when the error did not come over HTTP (the in-memory fake). */
    public static final int NO_HTTP_STATUS = 0;

    private final ErrorCode errorCode;
    private final int rawErrcode;
    private final String errmsg;
    private final String operation;
    private final int httpStatus;
    private final int missingPermissionSet;

    /**
     * Creates the exception for an errcode the platform answered.
     *
     * @param operation  the platform operation, such as {@code getmedia}; not {@code null}
     * @param rawErrcode the errcode as sent
     * @param errmsg     the errmsg as sent (already free of secrets); {@code null} is kept as ""
     * @param httpStatus the response's HTTP status, or {@link #NO_HTTP_STATUS}
     */
    public PlatformException(String operation, int rawErrcode, String errmsg, int httpStatus) {
        this(operation, rawErrcode, errmsg, httpStatus, 0);
    }

    /**
     * Creates the exception for an errcode the platform answered a call that needs a third-party
     * platform's {@code permissionSet} (API.md §10: 153 for {@code /wxa/sec/vod/*}, 157 for
     * {@code /wxadrama/*}). When the errcode is 61007 ({@link ErrorCode#PERMISSION_SET_NOT_GRANTED})
     * the message and {@link #missingPermissionSet()} name that set.
     *
     * @param permissionSet the set the operation needs, or 0 when unknown
     */
    public PlatformException(String operation, int rawErrcode, String errmsg, int httpStatus, int permissionSet) {
        super(describe(operation, rawErrcode, errmsg, httpStatus, missing(rawErrcode, permissionSet)));
        this.operation = Objects.requireNonNull(operation, "operation");
        this.rawErrcode = rawErrcode;
        this.errmsg = errmsg == null ? "" : errmsg;
        this.httpStatus = httpStatus;
        this.errorCode = ErrorCode.of(rawErrcode);
        this.missingPermissionSet = missing(rawErrcode, permissionSet);
    }

    private static int missing(int errcode, int permissionSet) {
        return errcode == ErrorCode.PERMISSION_SET_NOT_GRANTED.code() && permissionSet > 0 ? permissionSet : 0;
    }

    /**
     * For errcode 61007 on a third-party platform's call: the permission set the mini program has
     * not granted (153 for the media and drama operations, 157 for the drama player). Empty for
     * any other error, or when the operation's set is not known.
     */
    public OptionalInt missingPermissionSet() {
        return missingPermissionSet == 0 ? OptionalInt.empty() : OptionalInt.of(missingPermissionSet);
    }

    /** The mapped code; {@link ErrorCode#UNKNOWN} for undocumented codes. */
    public ErrorCode errorCode() {
        return errorCode;
    }

    /** The errcode exactly as the platform sent it. */
    public int rawErrcode() {
        return rawErrcode;
    }

    /** The errmsg exactly as the platform sent it (empty when absent). */
    public String errmsg() {
        return errmsg;
    }

    /** The operation, such as {@code commitupload}. */
    public String operation() {
        return operation;
    }

    /** The HTTP status of the response, or {@link #NO_HTTP_STATUS}. */
    public int httpStatus() {
        return httpStatus;
    }

    private static String describe(String operation, int code, String errmsg, int status, int missingSet) {
        ErrorCode mapped = ErrorCode.of(code);
        StringBuilder sb = new StringBuilder(operation).append(" failed: errcode ").append(code);
        if (mapped != ErrorCode.UNKNOWN) {
            sb.append(" (").append(mapped.meaning()).append(')');
        }
        if (errmsg != null && !errmsg.isEmpty()) {
            sb.append(", errmsg \"").append(errmsg).append('"');
        }
        if (status != NO_HTTP_STATUS) {
            sb.append(", HTTP ").append(status);
        }
        if (missingSet != 0) {
            sb.append("; the mini program has not granted this third-party platform permission set ").append(missingSet)
                    .append(", which ").append(operation).append(" needs: its administrator must authorize the platform again with set ")
                    .append(missingSet).append(" ticked");
        }
        return sb.toString();
    }
}
