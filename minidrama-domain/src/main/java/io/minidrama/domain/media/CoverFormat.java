package io.minidrama.domain.media;

import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** An image format the platform accepts as {@code cover_type}. Case-insensitive on input. */
public enum CoverFormat {
    JPG, JPEG, PNG, BMP, TIFF, AI, CDR, EPS, TIF;

    /** The value sent as {@code cover_type}, in upper case. */
    public String wire() {
        return name();
    }

    /**
     * Parses a format name or file extension, case-insensitively, with or without a leading dot.
     *
     * @throws InvalidRequestException for an unsupported format
     */
    public static CoverFormat parse(String text) {
        if (text != null) {
            String t = text.strip();
            if (t.startsWith(".")) {
                t = t.substring(1);
            }
            String upper = t.toUpperCase(Locale.ROOT);
            for (CoverFormat f : values()) {
                if (f.name().equals(upper)) {
                    return f;
                }
            }
        }
        throw InvalidRequestException.of("cover_type", Rule.R3, text, "supported cover formats are "
                + Arrays.stream(values()).map(CoverFormat::name).collect(Collectors.joining(", ")));
    }

    /** The format of a file name's extension, such as {@code cover.jpg}. */
    public static CoverFormat ofFileName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return parse(dot < 0 ? fileName : fileName.substring(dot + 1));
    }
}
