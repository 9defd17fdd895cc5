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

    @ParameterizedTest(name = "{0} HTTP {1} -> retryable {2}")
    @CsvSource({
            "UNREADABLE, 200, true",
            "UNREADABLE, 502, true",
            "UNREADABLE, 404, false",
            "UNMAPPABLE, 200, false",
            "UNMAPPABLE, 503, false",
    })
    void retryable_onlyForAnAnswerThatMayDifferWhenAskedAgain(UnexpectedResponseException.Kind kind, int status, boolean retryable) {
        UnexpectedResponseException e = new UnexpectedResponseException("getmedia", status, "x", "", status != 404, kind);

        assertEquals(retryable, e.retryable());
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
