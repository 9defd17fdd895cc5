package io.minidrama.protocol;

import io.minidrama.domain.error.UnexpectedResponseException;
import io.minidrama.domain.error.FileTooLargeException;
import io.minidrama.domain.error.MiniDramaException;
import io.minidrama.domain.error.PlatformException;
import io.minidrama.domain.error.TransportException;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryPolicyTest {

    @Test
    void delayBefore_isFullJitterUnderADoublingCap() {
        RetryPolicy p = RetryPolicy.builder().baseDelay(Duration.ofMillis(100)).maxDelay(Duration.ofMillis(700)).build();

        assertEquals(Duration.ofMillis(100), p.cap(1));
        assertEquals(Duration.ofMillis(200), p.cap(2));
        assertEquals(Duration.ofMillis(400), p.cap(3));
        assertEquals(Duration.ofMillis(700), p.cap(4));
        assertEquals(Duration.ofMillis(700), p.cap(60));
        assertEquals(Duration.ZERO, p.delayBefore(3, 0.0));
        assertEquals(Duration.ofMillis(200), p.delayBefore(3, 0.5));
    }

    @Test
    void defaults_retryTransientFailuresOnly() {
        RetryPolicy p = RetryPolicy.defaults();

        assertTrue(p.retries(new TransportException("getmedia", "reset", true, null)));
        assertTrue(p.retries(new PlatformException("getmedia", -1, "busy", 200)));
        assertTrue(p.retries(new PlatformException("getmedia", 10093023, "too frequent", 200)));
        assertTrue(p.retries(new UnexpectedResponseException("getmedia", 503, "x", "", true)));
        assertFalse(p.retries(new UnexpectedResponseException("getmedia", 404, "x", "", false)));
        assertFalse(p.retries(new PlatformException("getmedia", 47003, "argument invalid", 200)));
        assertFalse(p.retries(new PlatformException("getmedia", -2, "initialising", 200)));
        assertFalse(p.retries(new FileTooLargeException("uploadpart")));
        assertTrue(RetryPolicy.initializing().retries(new PlatformException("getmedia", -2, "initialising", 200)));
        assertFalse(RetryPolicy.none().retries(new TransportException("getmedia", "reset", true, null)));
    }

    @Test
    void defaults_whenTheAnswerIsCompleteJsonOfTheWrongShape_doNotRetry() {
        UnexpectedResponseException unmappable = new UnexpectedResponseException("getcdnlogs", 200, "x", "", true,
                UnexpectedResponseException.Kind.UNMAPPABLE);
        UnexpectedResponseException cutOff = new UnexpectedResponseException("getcdnlogs", 200, "x", "", true);

        assertFalse(unmappable.retryable());
        assertFalse(RetryPolicy.defaults().retries(unmappable));
        assertTrue(RetryPolicy.defaults().retries(cutOff));
        MiniDramaException failure = unmappable;
        assertFalse(failure instanceof TransportException, "an answer arrived: not a transport failure");
    }

    @Test
    void allowsAnotherAttempt_countsTheFirstAttempt() {
        RetryPolicy p = RetryPolicy.builder().maxAttempts(3).build();

        assertTrue(p.allowsAnotherAttempt(2));
        assertFalse(p.allowsAnotherAttempt(3));
    }

    @Test
    void builder_rejectsInconsistentValues() {
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.builder().maxAttempts(0));
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.builder().baseDelay(Duration.ofSeconds(2)).maxDelay(Duration.ofSeconds(1)).build());
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.defaults().delayBefore(0, 0.5));
        assertEquals(7, RetryPolicy.defaults().toBuilder().maxAttempts(7).build().maxAttempts());
    }
}
