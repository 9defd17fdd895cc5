package io.minidrama.domain.player;

import io.minidrama.domain.error.Rule;
import io.minidrama.domain.internal.Violations;

import java.time.Instant;

/**
 * When one drama goes on sale in this mini program ({@code developerpublishdrama}). Without one, a
 * drama is live as soon as it is approved and authorized; the latest call wins.
 *
 * @param drama       the drama
 * @param name        {@code drama_name}, non-blank, shown text (T-1)
 * @param publishTime the sale time, sent as Unix seconds, after 1970
 */
public record DramaPublication(DramaRef drama, String name, Instant publishTime) {
    /** a {@code publish_time} of this value or more has 13 digits: milliseconds, not seconds. */
    public static final long FIRST_MILLISECOND_LOOKING_VALUE = 1_000_000_000_000L;

    public DramaPublication {
        Violations v = Violations.start();
        v.require(drama, "drama", Rule.R30);
        if (v.requireText(name, "drama_name", Rule.NONE)) {
            v.checkShownText(name, "drama_name", false);
        }
        if (v.require(publishTime, "publish_time", Rule.R33)) {
            v.check(publishTime.getEpochSecond() > 0, "publish_time", Rule.R33, publishTime, "publish_time is after 1970-01-01");
        }
        v.throwIfAny();
        publishTime = Instant.ofEpochSecond(publishTime.getEpochSecond());
    }

    /**
     * A publication at {@code epochSecond} (Unix seconds).
     *
     * @throws io.minidrama.domain.error.InvalidRequestException when the value has 13 or
     *         more digits (milliseconds given for seconds) or is not positive
     */
    public static DramaPublication ofEpochSecond(DramaRef drama, String name, long epochSecond) {
        Violations v = Violations.start();
        v.check(epochSecond > 0 && epochSecond < FIRST_MILLISECOND_LOOKING_VALUE, "publish_time", Rule.R33, epochSecond,
                "publish_time is Unix seconds (10 digits today); a 13-digit value is milliseconds: divide by 1000");
        v.throwIfAny();
        return new DramaPublication(drama, name, Instant.ofEpochSecond(epochSecond));
    }

    /** The wire value of {@code publish_time}: Unix seconds. */
    public long epochSecond() {
        return publishTime.getEpochSecond();
    }
}
