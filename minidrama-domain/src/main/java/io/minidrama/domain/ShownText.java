package io.minidrama.domain;

import java.util.OptionalInt;

/**
 * Text the platform shows to people (names, descriptions, producers, actors): it must not carry
 * characters that drive a terminal or reorder text instead of being read (rule T-1). Refused:
 * every Unicode control character (general category Cc, such as ESC and BEL, which let a name
 * set a terminal's title or clear its screen when printed), except a line feed in texts of
 * several lines, and the bidirectional formatting characters (U+061C, U+200E, U+200F,
 * U+202A..U+202E, U+2066..U+2069), which can make a name read differently from what it is.
 *
 * <p>Text that comes back from the platform may still hold them: {@link #escape} makes any text
 * safe to print.
 */
public final class ShownText {
    private ShownText() {
    }

    /** Whether {@code codePoint} is refused in shown text (a line feed is, in one-line text). */
    public static boolean isRefused(int codePoint) {
        return Character.getType(codePoint) == Character.CONTROL || isBidiFormatting(codePoint);
    }

    private static boolean isBidiFormatting(int c) {
        return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    /**
     * The index of the first refused character of {@code text}, if any.
     *
     * @param multiline whether line feeds are allowed (descriptions, profiles)
     */
    public static OptionalInt firstRefused(String text, boolean multiline) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (isRefused(c) && !(multiline && c == '\n')) {
                return OptionalInt.of(i);
            }
            i += Character.charCount(c);
        }
        return OptionalInt.empty();
    }

    /**
     * {@code text} with every refused character but the line feed written as {@code \}{@code uXXXX}:
     * safe to print to a terminal. Idempotent, so text escaped once (a rejected value in a
     * violation) is unchanged when escaped again on its way out.
     */
    public static String escape(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int n = Character.charCount(c);
            if (isRefused(c) && c != '\n') {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append(String.format("\\u%04X", c));
            } else if (out != null) {
                out.appendCodePoint(c);
            }
            i += n;
        }
        return out == null ? text : out.toString();
    }
}
