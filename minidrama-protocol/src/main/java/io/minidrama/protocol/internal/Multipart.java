package io.minidrama.protocol.internal;

import io.minidrama.domain.media.ByteSource;

import io.minidrama.protocol.spi.RequestBody;

import java.io.IOException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@code multipart/form-data} body streamed from its sources: text parts in UTF-8, file parts
 * read from a {@link ByteSource} while the request is written, never buffered whole (a file region
 * by position, straight into the transport's buffer, see {@link SegmentedBody}). The content
 * length is known up front. Each {@link #open()} starts from the first byte, so a retried
 * request re-reads its files from the start.
 */
public final class Multipart implements RequestBody {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CRLF = "\r\n";

    private sealed interface Part permits TextPart, FilePart {
        String name();
    }

    private record TextPart(String name, String value) implements Part {
    }

    private record FilePart(String name, String fileName, ByteSource content) implements Part {
    }

    private final String boundary;
    private final List<Part> parts = new ArrayList<>();

    private Multipart(String boundary) {
        this.boundary = boundary;
    }

    /** A new body with a random boundary. */
    public static Multipart create() {
        StringBuilder sb = new StringBuilder("----minidrama");
        String alphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
        for (int i = 0; i < 24; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return new Multipart(sb.toString());
    }

    /** Adds a text part. */
    public Multipart text(String name, String value) {
        parts.add(new TextPart(Objects.requireNonNull(name), Objects.requireNonNull(value)));
        return this;
    }

    /** Adds a file part sent as {@code application/octet-stream} under {@code content.fileName()}. */
    public Multipart file(String name, ByteSource content) {
        parts.add(new FilePart(Objects.requireNonNull(name), content.fileName(), content));
        return this;
    }

    /** The {@code Content-Type} header value. */
    @Override
    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** The exact number of bytes {@link #open()} yields. */
    @Override
    public long contentLength() {
        long total = 0;
        StringBuilder text = new StringBuilder();
        for (Part p : parts) {
            if (p instanceof FilePart f) {
                text.append(fileHeader(f));
                total += bytes(text.toString()).length + f.content().size();
                text.setLength(0);
                text.append(CRLF);
            } else {
                TextPart t = (TextPart) p;
                text.append(textPart(t));
            }
        }
        text.append("--").append(boundary).append("--").append(CRLF);
        return total + bytes(text.toString()).length;
    }

    /**
     * A new channel over the whole body, of {@link #contentLength()} bytes: file regions are read
     * by position into the caller's buffer (see {@link SegmentedBody}); each channel starts over.
     */
    @Override
    public ReadableByteChannel open() {
        return body().open();
    }

    /**
     * Writes the whole body to {@code target}: file regions by {@link java.nio.channels.FileChannel#transferTo}
     * ({@code sendfile(2)} to a socket, see {@link SegmentedBody#transferTo}); each call starts over.
     */
    @Override
    public long transferTo(WritableByteChannel target) throws IOException {
        return body().transferTo(target);
    }

    /** The body as segments: literal multipart framing around the file sources. */
    SegmentedBody body() {
        List<SegmentedBody.Segment> segments = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (Part p : parts) {
            if (p instanceof FilePart f) {
                text.append(fileHeader(f));
                segments.add(SegmentedBody.Segment.of(bytes(text.toString())));
                text.setLength(0);
                segments.add(SegmentedBody.Segment.of(f.content()));
                text.append(CRLF);
            } else {
                text.append(textPart((TextPart) p));
            }
        }
        text.append("--").append(boundary).append("--").append(CRLF);
        segments.add(SegmentedBody.Segment.of(bytes(text.toString())));
        return new SegmentedBody(contentType(), segments);
    }

    private String textPart(TextPart t) {
        return "--" + boundary + CRLF
                + "Content-Disposition: form-data; name=\"" + quote(t.name()) + "\"" + CRLF
                + CRLF
                + t.value() + CRLF;
    }

    private String fileHeader(FilePart f) {
        return "--" + boundary + CRLF
                + "Content-Disposition: form-data; name=\"" + quote(f.name()) + "\"; filename=\"" + quote(f.fileName()) + "\"" + CRLF
                + "Content-Type: application/octet-stream" + CRLF
                + CRLF;
    }

    // Header values cannot carry CR, LF or an unescaped quote (RFC 7578 §2, as browsers encode them).
    private static String quote(String s) {
        return s.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
