package io.minidrama.port.upload;

import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;
import io.minidrama.port.FileIdentity;
import io.minidrama.port.internal.IoFailures;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Computes the {@link FileIdentity} a checkpoint is bound to.
 *
 * <p>The fingerprint is the hex SHA-256 of the file's size (8 bytes, big-endian), its first MiB
 * and its last MiB (the whole file when it is 2 MiB or smaller). Together with the size and the
 * modification time it catches replaced, truncated, appended and re-encoded files without reading
 * a 500 MB file in full; an edit confined to the middle of the file that keeps size and
 * modification time is not detected.
 */
public final class FileIdentities {
    private static final int EDGE = 1024 * 1024;

    private FileIdentities() {
    }

    /**
     * The identity of the file at {@code path} now.
     *
     * @throws InvalidRequestException when the file cannot be read (the {@link IOException} is its
     *         cause; nothing was sent)
     */
    public static FileIdentity of(Path path) {
        Path p = path.toAbsolutePath().normalize();
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
            long size = ch.size();
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(ByteBuffer.allocate(8).putLong(size).array());
            if (size <= 2L * EDGE) {
                digest(ch, sha, 0, size);
            } else {
                digest(ch, sha, 0, EDGE);
                digest(ch, sha, size - EDGE, EDGE);
            }
            return new FileIdentity(p.toString(), size, Files.getLastModifiedTime(p).toInstant(), HexFormat.of().formatHex(sha.digest()));
        } catch (IOException e) {
            InvalidRequestException invalid = InvalidRequestException.of("path", Rule.NONE, p,
                    "cannot fingerprint the file: " + IoFailures.describe(e) + "; nothing was sent");
            invalid.initCause(e);
            throw invalid;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static void digest(FileChannel ch, MessageDigest sha, long from, long length) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
        long pos = from;
        long end = from + length;
        while (pos < end) {
            buf.clear();
            buf.limit((int) Math.min(buf.capacity(), end - pos));
            int n = ch.read(buf, pos);
            if (n < 0) {
                break;
            }
            buf.flip();
            sha.update(buf);
            pos += n;
        }
    }
}
