package io.minidrama.domain.error;

import java.util.Objects;

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

    /**
     * Creates the exception for an errcode the platform answered.
     *
     * @param operation  the platform operation, such as {@code getmedia}; not {@code null}
     * @param rawErrcode the errcode as sent
     * @param errmsg     the errmsg as sent (already free of secrets); {@code null} is kept as ""
     * @param httpStatus the response's HTTP status, or {@link #NO_HTTP_STATUS}
     */
    public PlatformException(String operation, int rawErrcode, String errmsg, int httpStatus) {
        super(describe(operation, rawErrcode, errmsg, httpStatus));
        this.operation = Objects.requireNonNull(operation, "operation");
        this.rawErrcode = rawErrcode;
        this.errmsg = errmsg == null ? "" : errmsg;
        this.httpStatus = httpStatus;
        this.errorCode = ErrorCode.of(rawErrcode);
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

    private static String describe(String operation, int code, String errmsg, int status) {
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
        return sb.toString();
    }
}
