package io.minidrama.adapter.fake.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Hashing helpers; SHA-256 and MD5 are guaranteed by every Java platform. */
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

    /** The etag of a part: its MD5 in hex between literal double quotes, as object stores answer. */
    public static String etag(byte[] bytes) {
        return '"' + HexFormat.of().formatHex(of("MD5").digest(bytes)) + '"';
    }
}
