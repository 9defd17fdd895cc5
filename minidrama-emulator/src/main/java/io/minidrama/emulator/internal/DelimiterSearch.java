package io.minidrama.emulator.internal;

import java.util.Arrays;

/**
 * Finds a multipart delimiter in a buffer by probing one pair of adjacent bytes every
 * {@code length() - 1} bytes: any occurrence of the delimiter spans exactly one probe, so a probe
 * whose pair occurs nowhere in the delimiter (a lookup in an 8 KB bitmap of the delimiter's byte
 * pairs; about 40 of the 65536 pairs for a 41-byte delimiter) rules out every start it covers.
 * The probes' positions do not depend on the bytes read (unlike a Boyer-Moore-Horspool skip), so
 * the processor runs them ahead of each other; a part's bytes are read about two in 40. A probe
 * whose pair does occur is checked against the delimiter at each start it could belong to, in
 * order, so the first occurrence is found, as a byte-by-byte scan finds it. Immutable; one per
 * request body.
 */
final class DelimiterSearch {
    private final byte[] needle;
    /** Bit {@code (a << 8) | b} is set when bytes {@code a, b} are adjacent somewhere in the needle. */
    private final long[] pairs = new long[1024];

    DelimiterSearch(byte[] needle) {
        if (needle.length == 0) {
            throw new IllegalArgumentException("an empty delimiter");
        }
        this.needle = needle.clone();
        for (int j = 0; j + 1 < needle.length; j++) {
            int g = (needle[j] & 0xff) << 8 | (needle[j + 1] & 0xff);
            pairs[g >>> 6] |= 1L << g;
        }
    }

    int length() {
        return needle.length;
    }

    /** The first index in {@code [from, to - length()]} where the delimiter starts in {@code hay}, or -1. */
    int indexOf(byte[] hay, int from, int to) {
        int m = needle.length;
        if (m == 1) {
            for (int i = from; i < to; i++) {
                if (hay[i] == needle[0]) {
                    return i;
                }
            }
            return -1;
        }
        int lastStart = to - m;
        if (from > lastStart) {
            return -1;
        }
        int stride = m - 1;
        // A start s is covered by the probe at the one p = from + k * stride in [s, s + m - 2];
        // the last start's probe is at most lastStart + m - 2 = to - 2, so p + 1 stays in range.
        for (int p = from, end = to - 2; p <= end; p += stride) {
            int g = (hay[p] & 0xff) << 8 | (hay[p + 1] & 0xff);
            if ((pairs[g >>> 6] & 1L << g) != 0) {
                int found = verify(hay, p, Math.max(from, p - stride + 1), Math.min(p, lastStart));
                if (found >= 0) {
                    return found;
                }
            }
        }
        return -1;
    }

    /** The first start in {@code [lo, hi]} whose delimiter puts the pair at {@code p} where it is, and matches. */
    private int verify(byte[] hay, int p, int lo, int hi) {
        byte a = hay[p];
        byte b = hay[p + 1];
        for (int s = lo; s <= hi; s++) {
            int j = p - s;
            if (needle[j] == a && needle[j + 1] == b && Arrays.equals(hay, s, s + needle.length, needle, 0, needle.length)) {
                return s;
            }
        }
        return -1;
    }
}
