package io.minidrama.domain.drama;

import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The daily allowance of expedited first submissions: at most 5 a day, counted in
 * China Standard Time. Immutable: {@link #consume(Instant)} returns the new state.
 *
 * @param day  the day counted
 * @param used how many expedites were used that day
 */
public record ExpediteQuota(LocalDate day, int used) {
    /** expedites a day. */
    public static final int DAILY_LIMIT = 5;
    /** The platform's day boundary. */
    public static final ZoneId PLATFORM_ZONE = ZoneId.of("Asia/Shanghai");

    public ExpediteQuota {
        Objects.requireNonNull(day, "day");
        if (used < 0 || used > DAILY_LIMIT) {
            throw new IllegalArgumentException("used must be 0.." + DAILY_LIMIT);
        }
    }

    /** An unused quota for the day of {@code now}. */
    public static ExpediteQuota fresh(Instant now) {
        return new ExpediteQuota(LocalDate.ofInstant(now, PLATFORM_ZONE), 0);
    }

    /** Expedites left on the day of {@code now}. */
    public int remaining(Instant now) {
        return LocalDate.ofInstant(now, PLATFORM_ZONE).equals(day) ? DAILY_LIMIT - used : DAILY_LIMIT;
    }

    /**
     * Uses one expedite at {@code now}.
     *
     * @throws InvalidRequestException when the day's 5 are used
     */
    public ExpediteQuota consume(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, PLATFORM_ZONE);
        int usedToday = today.equals(day) ? used : 0;
        if (usedToday >= DAILY_LIMIT) {
            throw InvalidRequestException.of("expedited", Rule.R17, 1,
                    "at most 5 expedited first submissions a day; " + today + " has none left (submit with expedited=0 or wait for the next day, China time)");
        }
        return new ExpediteQuota(today, usedToday + 1);
    }
}
