package io.minidrama.port;

import io.minidrama.domain.error.DeadlineExceededException;
import io.minidrama.domain.error.FileTooLargeException;
import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.PlatformException;
import io.minidrama.domain.error.Rule;
import io.minidrama.domain.error.RuleViolation;
import io.minidrama.domain.error.TransportException;
import io.minidrama.domain.error.UnexpectedResponseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryPolicyTest {

    private static final RetryPolicy DEFAULTS = RetryPolicy.defaults();
    private static final PlatformOperation READ = PlatformOperation.GET_MEDIA;
    private static final PlatformOperation CREATE = PlatformOperation.COMMIT_UPLOAD;
    /** Jitter just below 1: the wait is (almost) the cap. */
    private static final double MAX = 0.999_999_999;

    private static Optional<Duration> decide(RetryPolicy p, PlatformOperation op, RuntimeException failure, int failed) {
        return p.delayBeforeRetry(op, failure, failed, Duration.ZERO, 0.5);
    }

    private static boolean retries(RetryPolicy p, PlatformOperation op, RuntimeException failure) {
        return decide(p, op, failure, 1).isPresent();
    }

    private static PlatformException errcode(int code) {
        return new PlatformException("getmedia", code, "x", 200);
    }

    private static TransportException refused() {
        return new TransportException("getmedia", "connection refused", false, null);
    }

    private static TransportException lost() {
        return new TransportException("getmedia", "connection reset", true, null);
    }

    private static UnexpectedResponseException unreadable(int status) {
        return new UnexpectedResponseException("getmedia", status, "not JSON", "<html>", status < 400 || status >= 500);
    }

    private static UnexpectedResponseException unmappable() {
        return new UnexpectedResponseException("getmedia", 200, "wrong shape", "", true, UnexpectedResponseException.Kind.UNMAPPABLE);
    }

    @Test
    void defaults_areFourAttempts_200msTo5s_initializing30sTo2min_noAmbiguousRepeats_deadline5min() {
        assertEquals(4, DEFAULTS.maxAttempts());
        assertEquals(Duration.ofMillis(200), DEFAULTS.baseDelay());
        assertEquals(Duration.ofSeconds(5), DEFAULTS.maxDelay());
        assertEquals(Duration.ofSeconds(30), DEFAULTS.initializingBaseDelay());
        assertEquals(Duration.ofMinutes(2), DEFAULTS.initializingMaxDelay());
        assertFalse(DEFAULTS.retryAmbiguous());
        assertEquals(Duration.ofMinutes(5), DEFAULTS.deadline());
        assertEquals(1, RetryPolicy.none().maxAttempts());
    }

    @Test
    void aConnectionNeverEstablished_isRetriedForEveryOperation() {
        for (PlatformOperation op : PlatformOperation.values()) {
            assertTrue(retries(DEFAULTS, op, refused()), op.wireName());
        }
    }

    @Test
    void anAmbiguousFailure_isRetriedOnlyForRepeatSafeOperations_unlessRetryAmbiguous() {
        List<RuntimeException> ambiguous = List.of(lost(), new DeadlineExceededException("x", Duration.ofSeconds(1), null),
                unreadable(200), unreadable(502));
        for (RuntimeException failure : ambiguous) {
            for (PlatformOperation op : PlatformOperation.values()) {
                assertEquals(op.repeatSafe(), retries(DEFAULTS, op, failure), op.wireName() + " after " + failure);
                assertTrue(retries(DEFAULTS.withRetryAmbiguous(true), op, failure), op.wireName() + " after " + failure);
            }
        }
        assertFalse(retries(DEFAULTS, CREATE, lost()));
        assertTrue(retries(DEFAULTS, PlatformOperation.UPLOAD_PART, lost()));
    }

    @Test
    void systemBusyAndTooFrequent_areRetriedForEveryOperation() {
        for (PlatformOperation op : PlatformOperation.values()) {
            assertTrue(retries(DEFAULTS, op, errcode(-1)), op.wireName());
            assertTrue(retries(DEFAULTS, op, errcode(10093023)), op.wireName());
        }
    }

    @Test
    void initializing_isRetriedForEveryOperationOnTheLongSchedule() {
        for (PlatformOperation op : PlatformOperation.values()) {
            assertEquals(Optional.of(Duration.ofSeconds(15)), decide(DEFAULTS, op, errcode(-2), 1), op.wireName());
        }
        Duration second = DEFAULTS.delayBeforeRetry(READ, errcode(-2), 2, Duration.ZERO, MAX).orElseThrow();
        Duration third = DEFAULTS.delayBeforeRetry(READ, errcode(-2), 3, Duration.ZERO, MAX).orElseThrow();
        assertTrue(second.compareTo(Duration.ofMillis(59_999)) > 0 && second.compareTo(Duration.ofSeconds(60)) <= 0, second.toString());
        assertTrue(third.compareTo(Duration.ofMillis(119_999)) > 0 && third.compareTo(Duration.ofMinutes(2)) <= 0, third.toString());
    }

    @ParameterizedTest(name = "errcode {0} is never retried")
    @ValueSource(ints = {40001, 40014, 42001, 41001, 47003, 10093011, 10093014, 10093030, 10090040, 12345678})
    void otherErrcodes_areNeverRetried(int code) {
        for (PlatformOperation op : PlatformOperation.values()) {
            assertFalse(retries(DEFAULTS.withRetryAmbiguous(true), op, errcode(code)), op.wireName());
        }
    }

    @Test
    void unmappableAnswers_4xxWithoutErrcode_fileTooLarge_invalidRequests_andOtherExceptions_areNeverRetried() {
        RetryPolicy lenient = DEFAULTS.withRetryAmbiguous(true);
        List<RuntimeException> never = List.of(unmappable(), unreadable(404), new FileTooLargeException("uploadpart"),
                new InvalidRequestException(List.of(new RuleViolation("x", Rule.R9, "1", "fix it"))),
                new IllegalStateException("bug"));
        for (RuntimeException failure : never) {
            assertFalse(retries(lenient, READ, failure), failure.toString());
        }
    }

    @Test
    void theWait_isFullJitterOfTheDoublingCapWithinMaxDelay() {
        assertEquals(Optional.of(Duration.ZERO), DEFAULTS.delayBeforeRetry(READ, errcode(-1), 1, Duration.ZERO, 0.0));
        assertEquals(Optional.of(Duration.ofMillis(100)), DEFAULTS.delayBeforeRetry(READ, errcode(-1), 1, Duration.ZERO, 0.5));
        assertEquals(Optional.of(Duration.ofMillis(200)), DEFAULTS.delayBeforeRetry(READ, errcode(-1), 2, Duration.ZERO, 0.5));
        RetryPolicy many = DEFAULTS.withMaxAttempts(40);
        assertEquals(Optional.of(Duration.ofMillis(2500)), many.delayBeforeRetry(READ, errcode(-1), 30, Duration.ZERO, 0.5));
    }

    @Test
    void maxAttempts_countsEveryAttemptWhateverTheMixOfFailures() {
        assertTrue(decide(DEFAULTS, READ, errcode(-1), 3).isPresent());
        assertFalse(decide(DEFAULTS, READ, errcode(-1), 4).isPresent());
        assertFalse(decide(DEFAULTS, READ, errcode(-2), 4).isPresent(), "-2 shares the attempts");
        assertFalse(decide(RetryPolicy.none(), READ, refused(), 1).isPresent());
    }

    @Test
    void deadline_noWaitThatWouldEndPastIt() {
        RetryPolicy p = DEFAULTS.withDeadline(Duration.ofSeconds(10));

        assertTrue(p.delayBeforeRetry(READ, errcode(-1), 1, Duration.ofMillis(9_800), 0.5).isPresent(), "100 ms wait ends at 9.9 s");
        assertFalse(p.delayBeforeRetry(READ, errcode(-1), 1, Duration.ofMillis(9_950), 0.5).isPresent(), "would end at 10.05 s");
        assertFalse(p.delayBeforeRetry(READ, errcode(-2), 1, Duration.ZERO, 0.5).isPresent(), "a 15 s wait would end past 10 s");
    }

    @Test
    void arguments_outOfRange_areRefused() {
        assertThrows(IllegalArgumentException.class, () -> DEFAULTS.delayBeforeRetry(READ, refused(), 0, Duration.ZERO, 0.5));
        assertThrows(IllegalArgumentException.class, () -> DEFAULTS.delayBeforeRetry(READ, refused(), 1, Duration.ofSeconds(-1), 0.5));
        assertThrows(IllegalArgumentException.class, () -> DEFAULTS.delayBeforeRetry(READ, refused(), 1, Duration.ZERO, 1.0));
        assertThrows(NullPointerException.class, () -> DEFAULTS.delayBeforeRetry(null, refused(), 1, Duration.ZERO, 0.5));
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.builder().maxAttempts(0));
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.builder().deadline(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.builder().baseDelay(Duration.ofSeconds(10)).build());
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.builder().initializingMaxDelay(Duration.ofSeconds(1)).build());
    }

    @Test
    void toBuilder_andWithers_keepTheOtherValues_andPoliciesAreValues() {
        RetryPolicy custom = RetryPolicy.builder().maxAttempts(7).baseDelay(Duration.ofMillis(10)).maxDelay(Duration.ofMillis(80))
                .initializingBaseDelay(Duration.ofSeconds(1)).initializingMaxDelay(Duration.ofSeconds(4)).retryAmbiguous(true)
                .deadline(Duration.ofSeconds(30)).build();

        assertEquals(custom, custom.toBuilder().build());
        assertEquals(custom.hashCode(), custom.toBuilder().build().hashCode());
        assertEquals(3, custom.withMaxAttempts(3).maxAttempts());
        assertEquals(Duration.ofMillis(80), custom.withMaxAttempts(3).maxDelay());
        assertNotEquals(custom, custom.withRetryAmbiguous(false));
        assertTrue(custom.toString().contains("maxAttempts=7"), custom.toString());
    }

    /** Moved from UnexpectedResponseExceptionTest when UnexpectedResponseException.retryable() was removed. */
    @ParameterizedTest(name = "{0} HTTP {1} -> retried {2}")
    @CsvSource({
            "UNREADABLE, 200, true",
            "UNREADABLE, 502, true",
            "UNREADABLE, 404, false",
            "UNMAPPABLE, 200, false",
            "UNMAPPABLE, 503, false",
    })
    void unexpectedResponses_areRetriedOnlyWhenTheAnswerMayDifferWhenAskedAgain(UnexpectedResponseException.Kind kind, int status,
                                                                               boolean retried) {
        UnexpectedResponseException e = new UnexpectedResponseException("getmedia", status, "x", "", status != 404, kind);

        assertEquals(retried, retries(DEFAULTS, READ, e));
    }
}
