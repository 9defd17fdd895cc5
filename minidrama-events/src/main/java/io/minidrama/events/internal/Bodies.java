package io.minidrama.events.internal;

import io.minidrama.events.PushFormat;

/** Detects a body's format from its first significant character and parses it safely. */
public final class Bodies {
    private Bodies() {
    }

    /** {@code <} means XML, <code>{</code> means JSON; anything else is malformed. */
    public static PushFormat detect(String body) {
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '<') {
                return PushFormat.XML;
            }
            if (c == '{') {
                return PushFormat.JSON;
            }
            if (!Character.isWhitespace(c) && c != '\uFEFF') {
                break;
            }
        }
        throw new MalformedBodyException(body.isBlank() ? "body is empty" : "body is neither XML nor a JSON object");
    }

    /** Parses a body of either format. */
    public static Fields parse(String body) {
        return detect(body) == PushFormat.XML ? SafeXml.parse(body) : SafeJson.parse(body);
    }
}
