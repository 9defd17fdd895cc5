package io.minidrama.domain.error;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UnexpectedResponseExceptionTest {

    @Test
    void isItsOwnBranchOfTheTree_notATransportFailure() {
        MiniDramaException e = new UnexpectedResponseException("getcdnlogs", 200, "malformed or truncated JSON", "{\"errcode\":0,", true);

        assertFalse(e instanceof TransportException);
        assertFalse(e instanceof PlatformException);
        assertEquals("getcdnlogs: malformed or truncated JSON (HTTP 200), body starts: {\"errcode\":0,", e.getMessage());
    }

    // Whether such an answer is retried (retryable() before) is the ports' RetryPolicy's decision:
    // RetryPolicyTest.unexpectedResponses_areRetriedOnlyWhenTheAnswerMayDifferWhenAskedAgain.
    @ParameterizedTest(name = "{0} HTTP {1}")
    @CsvSource({
            "UNREADABLE, 200",
            "UNREADABLE, 502",
            "UNREADABLE, 404",
            "UNMAPPABLE, 200",
            "UNMAPPABLE, 503",
    })
    void keepsKindStatusAndServerError(UnexpectedResponseException.Kind kind, int status) {
        UnexpectedResponseException e = new UnexpectedResponseException("getmedia", status, "x", "", status != 404, kind);

        assertEquals(kind, e.kind());
        assertEquals(status, e.httpStatus());
        assertEquals(status >= 500, e.serverError());
    }

    @Test
    void keepsOperationSnippetAndAmbiguity() {
        UnexpectedResponseException e = new UnexpectedResponseException("applyupload", 200, "the success response lacks upload_id", "", true,
                UnexpectedResponseException.Kind.UNMAPPABLE);

        assertEquals("applyupload", e.operation());
        assertEquals("", e.bodySnippet());
        assertTrue(e.ambiguous());
        assertEquals("applyupload: the success response lacks upload_id (HTTP 200)", e.getMessage());
    }
}
