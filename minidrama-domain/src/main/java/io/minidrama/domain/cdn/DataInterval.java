package io.minidrama.domain.cdn;

import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;

import java.time.Duration;

/** Granularity of CDN usage data: 5 minutes, 1 hour or 1 day (the default). */
public enum DataInterval {
    FIVE_MINUTES(5),
    HOUR(60),
    DAY(1440);

    private final int minutes;

    DataInterval(int minutes) {
        this.minutes = minutes;
    }

    /** The value sent as {@code data_interval}, in minutes. */
    public int minutes() {
        return minutes;
    }

    /** The interval as a duration. */
    public Duration duration() {
        return Duration.ofMinutes(minutes);
    }

    /**
     * Maps {@code data_interval} minutes.
     *
     * @throws InvalidRequestException for anything but 5, 60 or 1440
     */
    public static DataInterval ofMinutes(int minutes) {
        for (DataInterval i : values()) {
            if (i.minutes == minutes) {
                return i;
            }
        }
        throw InvalidRequestException.of("data_interval", Rule.R22, minutes, "data_interval is 5, 60 or 1440 minutes");
    }
}
