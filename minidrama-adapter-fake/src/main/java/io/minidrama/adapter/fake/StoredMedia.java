package io.minidrama.adapter.fake;

import io.minidrama.domain.MediaId;

import java.time.Duration;
import java.util.Objects;

/**
 * What the fake holds for one media: the assembled video's size and SHA-256, its duration, and
 * whether the bytes themselves were kept ({@link FakeControl#content(MediaId)}); large media may be
 * kept as digests only ({@link InMemoryMiniDramaPlatform.Builder#keepContentUpTo(long)}).
 *
 * @param mediaId      the media
 * @param size         the video's size in bytes
 * @param sha256       lower-case hex SHA-256 of the video's bytes; empty in the one case the fake cannot know it: a
 *                     part of an upload above the content cap was replaced with different bytes after later
 *                     parts were digested and dropped, and those parts were not sent again
 * @param duration     the video's duration (set by the control surface or derived from the size)
 * @param coverSize    the cover's size in bytes (0 without a cover)
 * @param coverSha256  lower-case hex SHA-256 of the cover (empty without a cover)
 * @param contentKept  whether {@link FakeControl#content(MediaId)} can return the bytes
 */
public record StoredMedia(MediaId mediaId, long size, String sha256, Duration duration, long coverSize, String coverSha256,
                          boolean contentKept) {
    public StoredMedia {
        Objects.requireNonNull(mediaId, "mediaId");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(coverSha256, "coverSha256");
    }
}
