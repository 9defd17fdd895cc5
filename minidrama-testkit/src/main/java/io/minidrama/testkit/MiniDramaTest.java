package io.minidrama.testkit;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives every test of the class a fresh in-memory platform with a controllable clock, and with
 * {@code emulator = true} an HTTP emulator serving it. See {@link MiniDramaExtension} for what is
 * injected.
 *
 * <pre>{@code
 * @MiniDramaTest
 * class PublisherTest {
 *     @Test
 *     void publishes(MiniDrama md, FakeControl control) { ... }
 * }
 * }</pre>
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(MiniDramaExtension.class)
public @interface MiniDramaTest {
    /** Also start a {@link io.minidrama.emulator.MiniDramaEmulator} over the fake, stopped after each test. */
    boolean emulator() default false;

    /** Where the clock starts, ISO-8601 ({@code 2025-01-01T00:00:00Z}); empty for the current second. */
    String clockStart() default "";
}
