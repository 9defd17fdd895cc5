package io.minidrama.domain.media;

import io.minidrama.domain.MediaId;

import java.time.Duration;
import java.util.Objects;

/**
 * A play link ({@code getmedialink}'s {@code media_info}). The URLs are temporary: they stop
 * working at the requested expiry.
 *
 * @param mediaId     the media
 * @param duration    the video's duration
 * @param name        the media name
 * @param description the description (may be empty)
 * @param coverUrl    temporary cover URL (may be empty)
 * @param mp4Url      temporary MP4 URL (may be empty)
 * @param hlsUrl      temporary HLS URL (may be empty)
 */
public record PlayLink(MediaId mediaId, Duration duration, String name, String description, String coverUrl,
                       String mp4Url, String hlsUrl) {
    public PlayLink {
        Objects.requireNonNull(mediaId, "mediaId");
        duration = duration == null ? Duration.ZERO : duration;
        name = name == null ? "" : name;
        description = description == null ? "" : description;
        coverUrl = coverUrl == null ? "" : coverUrl;
        mp4Url = mp4Url == null ? "" : mp4Url;
        hlsUrl = hlsUrl == null ? "" : hlsUrl;
    }
}
