package io.minidrama.domain.media;

import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A video container the platform accepts as {@code media_type}. Parsed case-insensitively,
 * sent in upper case. {@link #M3U8} is only accepted by pull upload.
 */
public enum VideoFormat {
    MP4, TS, MOV, MXF, MPG, FLV, WMV, AVI, M4V, F4V, MPEG, _3GP("3GP"), ASF, MKV,
    /** HLS playlist: accepted only by {@code pullupload}. */
    M3U8;

    private final String wire;

    VideoFormat() {
        this.wire = name();
    }

    VideoFormat(String wire) {
        this.wire = wire;
    }

    /** The value sent as {@code media_type}, in upper case. */
    public String wire() {
        return wire;
    }

    /** Whether this format may be uploaded directly (single-file or chunked); false for m3u8. */
    public boolean uploadable() {
        return this != M3U8;
    }

    /**
     * Parses a format name or file extension, case-insensitively, with or without a leading dot.
     *
     * @throws InvalidRequestException for an unsupported format
     */
    public static VideoFormat parse(String text) {
        if (text != null) {
            String t = text.strip();
            if (t.startsWith(".")) {
                t = t.substring(1);
            }
            String upper = t.toUpperCase(Locale.ROOT);
            for (VideoFormat f : values()) {
                if (f.wire.equals(upper)) {
                    return f;
                }
            }
        }
        throw InvalidRequestException.of("media_type", Rule.R2, text, "supported video formats are "
                + Arrays.stream(values()).filter(VideoFormat::uploadable).map(VideoFormat::wire).collect(Collectors.joining(", "))
                + " (m3u8 only by pull upload)");
    }

    /** The format of a file name's extension, such as {@code ep01.mp4}. */
    public static VideoFormat ofFileName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return parse(dot < 0 ? fileName : fileName.substring(dot + 1));
    }
}
