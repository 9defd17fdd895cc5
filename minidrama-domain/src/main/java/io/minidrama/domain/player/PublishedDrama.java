package io.minidrama.domain.player;

import java.time.Instant;
import java.util.Objects;

/**
 * A drama given a sale time, as {@code developergetpublisheddrama} lists it.
 *
 * @param drama       the drama
 * @param publishTime its sale time (second precision)
 */
public record PublishedDrama(DramaRef drama, Instant publishTime) {
    public PublishedDrama {
        Objects.requireNonNull(drama, "drama");
        Objects.requireNonNull(publishTime, "publishTime");
    }
}
