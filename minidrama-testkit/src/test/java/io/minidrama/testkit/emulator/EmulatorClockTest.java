package io.minidrama.testkit.emulator;

import io.minidrama.emulator.MiniDramaEmulator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An emulator run as a service (the CLI's {@code minidrama emulator}) follows the wall clock, so a
 * client that computes "now + 2 hours" by its own clock still agrees with it hours later; the
 * default for tests stands still, so their times repeat.
 */
class EmulatorClockTest {
    private static final Duration PAUSE = Duration.ofMillis(1_200);

    @Test
    void followWallClock_afterTimePasses_staysWithTheWallClockAndAddsWhatWasAdvanced() throws InterruptedException {
        try (MiniDramaEmulator emulator = MiniDramaEmulator.builder().followWallClock().start()) {
            Thread.sleep(PAUSE.toMillis());
            Instant before = Instant.now();
            Instant now = emulator.clock().instant();
            Instant after = Instant.now();

            assertFalse(now.isBefore(before) || now.isAfter(after), now + " is not within [" + before + ", " + after + "]");

            emulator.clock().advance(Duration.ofHours(1));
            Instant advanced = emulator.clock().instant();
            assertTrue(!advanced.isBefore(before.plus(Duration.ofHours(1))), advanced.toString());
        }
    }

    @Test
    void defaultClock_standsStillUntilATestMovesIt() throws InterruptedException {
        try (MiniDramaEmulator emulator = MiniDramaEmulator.start()) {
            Instant start = emulator.clock().instant();
            Thread.sleep(PAUSE.toMillis());

            assertEquals(start, emulator.clock().instant());
        }
    }
}
