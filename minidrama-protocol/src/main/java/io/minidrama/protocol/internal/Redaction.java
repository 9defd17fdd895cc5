package io.minidrama.protocol.internal;

import java.util.regex.Pattern;

/**
 * Keeps secrets out of messages: strips query parameters and JSON members that carry a token or
 * a secret (a token endpoint's answer carries the fresh token in its JSON body; the component API's
 * carry component and authorizer tokens, refresh tokens, tickets and pre-auth codes).
 */
public final class Redaction {
    private static final Pattern SECRET_PARAM = Pattern.compile("(?i)(access_token|secret|appsecret)=[^&\\s\"']*");
    private static final Pattern SECRET_MEMBER = Pattern.compile(
            "(?i)(\"(?:\\w*access_token|\\w*refresh_token|\\w*secret|\\w*verify_ticket|pre_auth_code)\"\\s*:\\s*\")[^\"]*");

    private Redaction() {
    }

    /**
     * {@code text} with every {@code access_token=..} / {@code secret=..} value, and every JSON
     * {@code "access_token":".."} / {@code "secret":".."} string, replaced.
     */
    public static String clean(String text) {
        String t = SECRET_PARAM.matcher(text).replaceAll("$1=<redacted>");
        return SECRET_MEMBER.matcher(t).replaceAll("$1<redacted>");
    }

    /** {@code text} with {@code secret} replaced wherever it occurs, then {@link #clean}ed. */
    public static String clean(String text, String secret) {
        String t = secret == null || secret.isEmpty() ? text : text.replace(secret, "<redacted>");
        return clean(t);
    }

    /** A short single-line start of {@code body} for an error message, without {@code secret}. */
    public static String snippet(String body, String secret) {
        String oneLine = body.replaceAll("\\s+", " ").strip();
        oneLine = clean(oneLine, secret);
        return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 80) + "…";
    }

    /** The class and cleaned message of {@code c}, for an error message. */
    public static String describe(Throwable c) {
        if (c == null) {
            return "unknown";
        }
        return c.getClass().getSimpleName() + (c.getMessage() == null ? "" : " " + clean(c.getMessage()));
    }

    /**
     * A cause that cannot leak a URL or a secret: a plain {@link java.io.IOException} with the
     * original's class name, its cleaned message and its stack trace.
     */
    public static Throwable sanitized(Throwable c) {
        if (c == null) {
            return null;
        }
        java.io.IOException copy = new java.io.IOException(c.getClass().getName()
                + (c.getMessage() == null ? "" : ": " + clean(c.getMessage())));
        copy.setStackTrace(c.getStackTrace());
        return copy;
    }
}
