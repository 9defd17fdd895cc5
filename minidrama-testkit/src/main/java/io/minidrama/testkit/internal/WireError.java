package io.minidrama.testkit.internal;

/** An answer the emulator gives instead of a payload: an errcode, or an HTTP status the platform uses. */
final class WireError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final int errcode;
    final int httpStatus;

    WireError(int errcode, String errmsg) {
        this(errcode, errmsg, 200);
    }

    WireError(int errcode, String errmsg, int httpStatus) {
        super(errmsg, null, false, false);
        this.errcode = errcode;
        this.httpStatus = httpStatus;
    }

    static WireError badArgument(String what) {
        return new WireError(47003, "argument invalid! " + what);
    }

    static WireError bodyFormat(String what) {
        return new WireError(47001, "data format error " + what);
    }
}
