package io.minidrama.adapter.fake.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Hashing helpers; SHA-256 is guaranteed by every Java platform. */
public final class Digests {
    private Digests() {
    }

    /** A new digest for {@code algorithm}. */
    public static MessageDigest of(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm, e);
        }
    }

    /** Lower-case hex SHA-256 of {@code bytes}. */
    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(of("SHA-256").digest(bytes));
    }

    /** {@link #etag(byte[])} of content streamed from {@code source} (64 KB at a time, nothing held). */
    public static String etag(io.minidrama.domain.media.ByteSource source) {
        MessageDigest sha = of(ETAG_DIGEST);
        update(sha, source);
        return etagOf(sha.digest());
    }

    /**
     * Feeds {@code source}'s bytes to {@code digest} through {@link java.io.InputStream#transferTo},
     * so a stream over arrays (a request's chunks, a {@code ByteArrayInputStream}) hands its arrays
     * to the digest in place instead of copying them into a buffer first.
     */
    public static void update(MessageDigest digest, io.minidrama.domain.media.ByteSource source) {
        try (java.io.InputStream in = source.openStream()) {
            in.transferTo(new java.io.OutputStream() {
                @Override
                public void write(int b) {
                    digest.update((byte) b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    digest.update(b, off, len);
                }
            });
        } catch (java.io.IOException e) {
            // the body could not be read while "sent": as over HTTP, a transport failure (nothing reached the platform)
            throw new io.minidrama.domain.error.TransportException("uploadpart", "cannot read " + source.fileName() + ": " + e, false, e);
        }
    }

    /**
     * The etag of a part: the first 16 bytes of its SHA-256 in lower-case hex (32 digits, the shape of an
     * object store's MD5 etag) between literal double quotes, as the platform answers it (API.md §2). The
     * platform documents the etag only as a string to send back byte for byte, not how it is made; SHA-256
     * runs on the processor's SHA instructions at about twice MD5's speed, and the emulator digests every
     * byte it receives twice (this, and the media's SHA-256), so the choice halves the larger of its two costs.
     */
    public static String etag(byte[] bytes) {
        return etagOf(of(ETAG_DIGEST).digest(bytes));
    }

    private static final String ETAG_DIGEST = "SHA-256";

    private static String etagOf(byte[] digest) {
        return '"' + HexFormat.of().formatHex(digest, 0, 16) + '"';
    }
}
