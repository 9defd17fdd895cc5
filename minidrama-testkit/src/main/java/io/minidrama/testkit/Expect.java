package io.minidrama.testkit;

import io.minidrama.domain.error.PlatformException;
import org.junit.jupiter.api.function.Executable;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Assertions shared by the contract suites. */
final class Expect {
    private Expect() {
    }

    /** Asserts that {@code call} fails with the platform's {@code errcode}; returns the exception. */
    static PlatformException platformError(int errcode, Executable call) {
        PlatformException e = assertThrows(PlatformException.class, call);
        assertEquals(errcode, e.rawErrcode(), () -> "expected errcode " + errcode + " but got: " + e.getMessage());
        return e;
    }

    static String sha256(byte[]... chunks) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (byte[] c : chunks) {
                d.update(c);
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
