package io.minidrama.emulator.internal;

import java.util.Arrays;

/**
 * Finds a multipart delimiter in a buffer with Boyer-Moore-Horspool: it looks at the byte under
 * the delimiter's last position and jumps by up to the delimiter's length when that byte cannot
 * end a match, so a part's bytes are mostly stepped over, not compared one by one (a 40-byte
 * delimiter reads about one byte in 40 of random data). Immutable; one per request body.
 */
final class DelimiterSearch {
    private final byte[] needle;
    private final int[] skip = new int[256];

    DelimiterSearch(byte[] needle) {
        if (needle.length == 0) {
            throw new IllegalArgumentException("an empty delimiter");
        }
        this.needle = needle.clone();
        int m = needle.length;
        Arrays.fill(skip, m);
        for (int i = 0; i < m - 1; i++) {
            skip[needle[i] & 0xff] = m - 1 - i;
        }
    }

    int length() {
        return needle.length;
    }

    /** The first index in {@code [from, to - length()]} where the delimiter starts in {@code hay}, or -1. */
    int indexOf(byte[] hay, int from, int to) {
        int m = needle.length;
        int lastAt = m - 1;
        byte last = needle[lastAt];
        for (int i = from; i <= to - m; ) {
            byte b = hay[i + lastAt];
            if (b == last && Arrays.equals(hay, i, i + lastAt, needle, 0, lastAt)) {
                return i;
            }
            i += skip[b & 0xff];
        }
        return -1;
    }
}
