package io.minidrama.domain.media;

import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Objects;

/**
 * Content of known length to upload: a whole file, a region of a file, or bytes in memory.
 *
 * <p>Implementations are immutable and can be opened any number of times (a retried request
 * re-reads its body). {@link #openStream()} returns a fresh stream positioned at the start of the
 * content, which yields exactly {@link #size()} bytes. Reading a file region does not buffer the
 * file: it reads positionally from the file.
 */
public interface ByteSource {

    /** Number of bytes the content has. */
    long size();

    /** A file name to send in the multipart {@code filename} (for example {@code test.mp4}). */
    String fileName();

    /**
     * Opens a new stream over the content.
     *
     * @throws UncheckedIOException if the content cannot be read
     */
    InputStream openStream();

    /**
     * The {@code length} bytes of this content from {@code offset}: a file region is cut
     * positionally (no bytes read), other content by skipping when opened.
     *
     * @throws InvalidRequestException when the slice does not lie within the content
     */
    default ByteSource slice(long offset, long length) {
        // offset > size - length, not offset + length > size: the sum can overflow
        if (offset < 0 || length < 0 || offset > size() - length) {
            throw InvalidRequestException.of("data", Rule.NONE, offset + "+" + length,
                    "a slice must lie within the content's " + size() + " bytes");
        }
        if (this instanceof FileRegion region) {
            return new FileRegion(region.path(), region.offset() + offset, length);
        }
        ByteSource parent = this;
        return new ByteSource() {
            @Override
            public long size() {
                return length;
            }

            @Override
            public String fileName() {
                return parent.fileName();
            }

            @Override
            public InputStream openStream() {
                InputStream in = parent.openStream();
                try {
                    in.skipNBytes(offset);
                } catch (IOException e) {
                    try {
                        in.close();
                    } catch (IOException suppressed) {
                        e.addSuppressed(suppressed);
                    }
                    throw new UncheckedIOException("cannot skip to byte " + offset + " of " + parent.fileName(), e);
                }
                return new BoundedInputStream(in, length);
            }

            @Override
            public String toString() {
                return "Slice[" + parent.fileName() + ", " + offset + "+" + length + "]";
            }
        };
    }

    /**
     * The whole file at {@code path}; its size is read now.
     *
     * @throws InvalidRequestException when the file's size cannot be read (the {@link IOException}
     *         is its cause; nothing was sent)
     */
    static ByteSource ofFile(Path path) {
        long size;
        try {
            size = Files.size(path);
        } catch (IOException e) {
            throw unreadable(path, e);
        }
        return ofRegion(path, 0, size);
    }

    /**
     * {@code length} bytes of the file at {@code path}, from {@code offset}.
     *
     * @throws InvalidRequestException when the region does not lie within the file
     * @throws InvalidRequestException when the file's size cannot be read (the {@link IOException}
     *         is its cause; nothing was sent)
     */
    static ByteSource ofRegion(Path path, long offset, long length) {
        FileRegion region = new FileRegion(path, offset, length);
        long size;
        try {
            size = Files.size(path);
        } catch (IOException e) {
            throw unreadable(path, e);
        }
        if (offset > size - length) {
            throw InvalidRequestException.of("data", Rule.NONE, offset + "+" + length,
                    "the region ends past the end of " + path.getFileName() + " (" + size + " bytes)");
        }
        return region;
    }

    private static InvalidRequestException unreadable(Path path, IOException e) {
        String detail = e.getMessage() == null || e.getMessage().isBlank() ? "" : ": " + e.getMessage();
        InvalidRequestException invalid = InvalidRequestException.of("data", Rule.NONE, path,
                "cannot read the size of the file (" + e.getClass().getSimpleName() + detail + "); nothing was sent");
        invalid.initCause(e);
        return invalid;
    }

    /** Bytes in memory (copied), sent under {@code fileName}. */
    static ByteSource ofBytes(byte[] bytes, String fileName) {
        return new InMemory(bytes.clone(), fileName);
    }

    /** A region of a file, read positionally. */
    record FileRegion(Path path, long offset, long length) implements ByteSource {
        public FileRegion {
            Objects.requireNonNull(path, "path");
            if (offset < 0 || length < 0) {
                throw InvalidRequestException.of("data", Rule.NONE, offset + "+" + length, "a file region needs offset >= 0 and length >= 0");
            }
        }

        @Override
        public long size() {
            return length;
        }

        @Override
        public String fileName() {
            Path name = path.getFileName();
            return name == null ? "data" : name.toString();
        }

        @Override
        public InputStream openStream() {
            try {
                FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
                try {
                    ch.position(offset);
                } catch (IOException | RuntimeException e) {
                    ch.close();
                    throw e;
                }
                return new BoundedInputStream(Channels.newInputStream(ch), length);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open " + path, e);
            }
        }
    }

    /** Bytes in memory. */
    final class InMemory implements ByteSource {
        private final byte[] bytes;
        private final String fileName;

        private InMemory(byte[] bytes, String fileName) {
            this.bytes = bytes;
            this.fileName = Objects.requireNonNull(fileName, "fileName");
        }

        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public String fileName() {
            return fileName;
        }

        @Override
        public InputStream openStream() {
            return new ByteArrayInputStream(bytes);
        }

        /** A copy of the bytes. */
        public byte[] toByteArray() {
            return Arrays.copyOf(bytes, bytes.length);
        }

        @Override
        public String toString() {
            return "InMemory[" + fileName + ", " + bytes.length + " bytes]";
        }
    }
}
