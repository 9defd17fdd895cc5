package io.minidrama.adapter.fake;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MutableClockTest {
    private static final Instant T0 = Instant.parse("2026-11-30T06:00:00Z");

    /** A base clock the test moves by hand, standing in for the wall clock. */
    private static final class HandClock extends Clock {
        private Instant now = T0;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void at_standsStillUntilMoved() {
        MutableClock clock = MutableClock.at(T0);

        assertEquals(T0, clock.instant());
        assertEquals(T0.plusSeconds(300), clock.advance(Duration.ofMinutes(5)));
        assertEquals(T0.plusSeconds(300), clock.instant());
    }

    @Test
    void following_whenTheBaseClockMoves_movesWithIt() {
        HandClock wall = new HandClock();
        MutableClock clock = MutableClock.following(wall);

        wall.now = T0.plusSeconds(320);

        assertEquals(T0.plusSeconds(320), clock.instant());
        assertEquals(T0.plusSeconds(320).toEpochMilli(), clock.millis());
    }

    @Test
    void following_whenAdvanced_staysThatFarAheadOfTheBaseClock() {
        HandClock wall = new HandClock();
        MutableClock clock = MutableClock.following(wall);

        clock.advance(Duration.ofHours(1));
        wall.now = T0.plusSeconds(10);

        assertEquals(T0.plusSeconds(3600 + 10), clock.instant());
    }

    @Test
    void following_whenSet_reachesThatInstantAndKeepsMoving() {
        HandClock wall = new HandClock();
        MutableClock clock = MutableClock.following(wall);

        clock.set(T0.plus(Duration.ofDays(1)));
        wall.now = T0.plusSeconds(1);

        assertEquals(T0.plus(Duration.ofDays(1)).plusSeconds(1), clock.instant());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> clock.set(T0.plusSeconds(5)));
        assertTrue(e.getMessage().contains("only moves forward"), e.getMessage());
    }

    @Test
    void following_withZone_sharesTheInstantAndTheMoves() {
        HandClock wall = new HandClock();
        MutableClock clock = MutableClock.following(wall);
        MutableClock shanghai = clock.withZone(ZoneId.of("Asia/Shanghai"));

        clock.advance(Duration.ofMinutes(1));

        assertEquals(T0.plusSeconds(60), shanghai.instant());
    }

    @Test
    void advanceAndSet_runTheRegisteredActions() {
        MutableClock clock = MutableClock.following(new HandClock());
        AtomicInteger runs = new AtomicInteger();
        clock.onChange(runs::incrementAndGet);

        clock.advance(Duration.ofSeconds(1));
        clock.set(T0.plusSeconds(2));

        assertEquals(2, runs.get());
    }
}
