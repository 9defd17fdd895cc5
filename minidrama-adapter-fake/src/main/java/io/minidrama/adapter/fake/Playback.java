package io.minidrama.adapter.fake;

import java.util.Objects;

/**
 * The outcome of a simulated fetch of a play link's URL ({@link FakeControl#play}): either bytes
 * were served (and counted as CDN traffic) or the CDN refused, as the link's parameters demand.
 *
 * @param served      whether the CDN served the request
 * @param bytesServed bytes served (0 when refused); capped by the preview length ({@code expr})
 * @param refusal     why it was refused: {@code expired}, {@code rlimit}, {@code whref}, {@code bkref},
 *                    {@code unknown-link}, {@code media-deleted}, {@code replaced} (the episode was replaced
 *                    more than 7 days ago); empty when served
 */
public record Playback(boolean served, long bytesServed, String refusal) {
    public Playback {
        Objects.requireNonNull(refusal, "refusal");
    }

    /** A served request. */
    public static Playback served(long bytes) {
        return new Playback(true, bytes, "");
    }

    /** A refused request. */
    public static Playback refused(String why) {
        return new Playback(false, 0, why);
    }
}
