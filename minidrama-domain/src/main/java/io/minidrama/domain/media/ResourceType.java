package io.minidrama.domain.media;

import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;

/** What a chunk belongs to ({@code resource_type}, R-5): 1 the video, 2 the cover. */
public enum ResourceType {
    VIDEO(1),
    COVER(2);

    private final int code;

    ResourceType(int code) {
        this.code = code;
    }

    /** The platform's numeric value. */
    public int code() {
        return code;
    }

    /**
     * Maps the platform's numeric value.
     *
     * @throws InvalidRequestException for anything but 1 or 2
     */
    public static ResourceType of(int code) {
        return switch (code) {
            case 1 -> VIDEO;
            case 2 -> COVER;
            default -> throw InvalidRequestException.of("resource_type", Rule.R5, code, "resource_type is 1 (video) or 2 (cover)");
        };
    }
}
