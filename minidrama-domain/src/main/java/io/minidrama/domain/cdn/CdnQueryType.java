package io.minidrama.domain.cdn;

import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;

/**
 * Which traffic a CDN query covers ({@code query_type} of {@code getcdnusagedata} and
 * {@code getcdnlogs}, API.md §9.3-§9.4).
 */
public enum CdnQueryType {
    /** 0, the platform's default: general playback and the drama player's directed traffic. */
    ALL(0),
    /** 1: only the drama player's directed traffic. */
    PLAYER_DIRECTED(1),
    /** 2: only general playback traffic. */
    GENERAL(2);

    private final int code;

    CdnQueryType(int code) {
        this.code = code;
    }

    /** The value sent as {@code query_type}. */
    public int code() {
        return code;
    }

    /**
     * Maps a {@code query_type} value.
     *
     * @param rule  the rule to name when the value is unknown
     * @throws InvalidRequestException for anything but 0, 1 or 2
     */
    public static CdnQueryType of(int code, Rule rule) {
        for (CdnQueryType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        throw InvalidRequestException.of("query_type", rule, code,
                "query_type is 0 (general and player-directed), 1 (player-directed only) or 2 (general only)");
    }
}
