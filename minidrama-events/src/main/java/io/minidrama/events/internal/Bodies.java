package io.minidrama.events.internal;

import io.minidrama.events.PushFormat;

/**
 * Detects a body's format from its first significant character, refuses bodies nested deeper than
 * {@link #MAX_DEPTH} with one linear scan, and only then parses them safely.
 */
public final class Bodies {
    /**
     * The deepest nesting accepted, counting the root object or element as 1. Genuine events nest
     * 3 (JSON) or 4 (XML) levels deep; parsers recurse or keep a frame per level, and the JSON one
     * gives up past 1000 levels with an untyped exception, so a deeper body is refused before any
     * parser sees it.
     */
    public static final int MAX_DEPTH = 32;

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

    /** Parses a body of either format, after checking its nesting depth. */
    public static Fields parse(String body) {
        PushFormat format = detect(body);
        if (format == PushFormat.XML) {
            checkXmlDepth(body);
            return SafeXml.parse(body);
        }
        checkJsonDepth(body);
        return SafeJson.parse(body);
    }

    /**
     * Counts {@code [} and <code>{</code> outside strings. Where this scan and the parser could
     * disagree (an unterminated string, a bad escape) the parser stops with a syntax error at that
     * point, so the parser never goes deeper than this scan allowed.
     */
    static void checkJsonDepth(String json) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0, n = json.length(); i < n; i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                if (++depth > MAX_DEPTH) {
                    throw tooDeep();
                }
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
    }

    /**
     * Counts open elements: a start tag opens one unless it ends in {@code />}, an end tag closes
     * one; comments, CDATA sections, processing instructions and declarations open none. Quoted
     * attribute values may hold {@code >}.
     */
    static void checkXmlDepth(String xml) {
        int depth = 0;
        int n = xml.length();
        int i = xml.indexOf('<');
        while (i >= 0 && i < n) {
            int next;
            if (xml.startsWith("<!--", i)) {
                next = skipPast(xml, i + 4, "-->");
            } else if (xml.startsWith("<![CDATA[", i)) {
                next = skipPast(xml, i + 9, "]]>");
            } else if (xml.startsWith("<?", i)) {
                next = skipPast(xml, i + 2, "?>");
            } else if (xml.startsWith("</", i)) {
                depth--;
                next = skipPast(xml, i + 2, ">");
            } else {
                int end = endOfTag(xml, i + 1);
                if (end < 0) {
                    return; // unterminated tag: the parser refuses it
                }
                boolean opens = xml.charAt(i + 1) != '!' && xml.charAt(end - 1) != '/';
                if (opens && ++depth > MAX_DEPTH) {
                    throw tooDeep();
                }
                next = end + 1;
            }
            if (next < 0) {
                return; // unterminated construct: the parser refuses it
            }
            i = xml.indexOf('<', next);
        }
    }

    private static int skipPast(String s, int from, String end) {
        int at = s.indexOf(end, from);
        return at < 0 ? -1 : at + end.length();
    }

    /** The index of the {@code >} closing a tag, skipping quoted attribute values; -1 if none. */
    private static int endOfTag(String s, int from) {
        char quote = 0;
        for (int i = from, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i;
            }
        }
        return -1;
    }

    private static MalformedBodyException tooDeep() {
        return new MalformedBodyException("body is nested deeper than " + MAX_DEPTH + " levels");
    }
}
