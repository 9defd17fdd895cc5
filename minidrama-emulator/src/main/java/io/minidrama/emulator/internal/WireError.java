package io.minidrama.emulator.internal;

/** An answer the emulator gives instead of a payload: an errcode, or an HTTP status the platform uses. */
final class WireError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final int errcode;
    final int httpStatus;
    /** Whether to read what is left of the request before answering (false: answer and close). */
    final boolean drain;

    WireError(int errcode, String errmsg) {
        this(errcode, errmsg, 200);
    }

    WireError(int errcode, String errmsg, int httpStatus) {
        this(errcode, errmsg, httpStatus, true);
    }

    private WireError(int errcode, String errmsg, int httpStatus, boolean drain) {
        super(errmsg, null, false, false);
        this.errcode = errcode;
        this.httpStatus = httpStatus;
        this.drain = drain;
    }

    /** The body is (or declares to be) over the endpoint's limit: answered without reading the rest, then the connection closes. */
    static WireError tooLarge(int errcode, String errmsg, int httpStatus) {
        return new WireError(errcode, errmsg, httpStatus, false);
    }

    static WireError badArgument(String what) {
        return new WireError(47003, "argument invalid! " + what);
    }

    static WireError bodyFormat(String what) {
        return new WireError(47001, "data format error " + what);
    }
}
