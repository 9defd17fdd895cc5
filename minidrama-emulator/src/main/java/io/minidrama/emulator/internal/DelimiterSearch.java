package io.minidrama.emulator.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Finds a multipart delimiter in a buffer by probing one pair of adjacent bytes every
 * {@code length() - 1} bytes: any occurrence of the delimiter spans exactly one probe, so a probe
 * whose pair occurs nowhere in the delimiter (a lookup in an 8 KB bitmap of the delimiter's byte
 * pairs; about 40 of the 65536 pairs for a 41-byte delimiter) rules out every start it covers.
 * The probes' positions do not depend on the bytes read (unlike a Boyer-Moore-Horspool skip), so
 * they are taken four at a time and the processor runs them ahead of each other; a part's bytes
 * are read about two in 40. A probe
 * whose pair does occur is checked against the delimiter at each start it could belong to, in
 * order, so the first occurrence is found, as a byte-by-byte scan finds it. Immutable; one per
 * request body.
 */
final class DelimiterSearch {
    /** Two bytes of an array read as one big-endian short (one load instead of two). */
    private static final VarHandle PAIR = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);

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
        int end = to - 2;
        long[] bits = pairs;
        int p = from;
        while (true) {
            // Four probes at a time while none of their pairs occurs in the delimiter (nearly always).
            for (int far = end - 3 * stride; p <= far; p += 4 * stride) {
                int g0 = pairAt(hay, p);
                int g1 = pairAt(hay, p + stride);
                int g2 = pairAt(hay, p + 2 * stride);
                int g3 = pairAt(hay, p + 3 * stride);
                if ((((bits[g0 >>> 6] >>> g0) | (bits[g1 >>> 6] >>> g1) | (bits[g2 >>> 6] >>> g2) | (bits[g3 >>> 6] >>> g3)) & 1) != 0) {
                    break;
                }
            }
            // Then those four (or the last few) one by one.
            for (int k = 0; k < 4; k++, p += stride) {
                if (p > end) {
                    return -1;
                }
                int g = pairAt(hay, p);
                if ((bits[g >>> 6] >>> g & 1) != 0) {
                    int found = verify(hay, p, Math.max(from, p - stride + 1), Math.min(p, lastStart));
                    if (found >= 0) {
                        return found;
                    }
                }
            }
        }
    }

    /** Bytes {@code p} and {@code p + 1} of {@code hay} as one number, {@code (hay[p] << 8) | hay[p + 1]} unsigned. */
    private static int pairAt(byte[] hay, int p) {
        return (short) PAIR.get(hay, p) & 0xffff;
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
