package io.minidrama.domain.error;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlatformExceptionTest {

    @Test
    void constructor_whenErrcodeIsUndocumented_keepsRawCodeAndMessage() {
        PlatformException e = new PlatformException("listmedia", 12345678, "something new", 200);

        assertEquals(ErrorCode.UNKNOWN, e.errorCode());
        assertEquals(12345678, e.rawErrcode());
        assertEquals("something new", e.errmsg());
        assertEquals("listmedia", e.operation());
        assertEquals(200, e.httpStatus());
        assertTrue(e.getMessage().contains("errcode 12345678"), e.getMessage());
        assertTrue(e.getMessage().contains("something new"), e.getMessage());
        assertInstanceOf(MiniDramaException.class, e);
    }

    @Test
    void constructor_whenErrcodeIsDocumented_mapsItAndNamesItsMeaning() {
        PlatformException e = new PlatformException("commitupload", 10093030, "not exist", PlatformException.NO_HTTP_STATUS);

        assertEquals(ErrorCode.RESOURCE_NOT_FOUND, e.errorCode());
        assertTrue(e.getMessage().startsWith("commitupload failed: errcode 10093030 (resource does not exist)"), e.getMessage());
        assertFalse(e.getMessage().contains("HTTP"), e.getMessage());
    }

    @Test
    void errorCode_whenSystemBusy_isRateLimited() {
        // whether they are retried is RetryPolicyTest's (minidrama-ports)
        assertTrue(new PlatformException("getmedia", -1, "system error", 200).errorCode().isRateLimited());
        assertTrue(new PlatformException("getmedia", 10093023, "too frequent", 200).errorCode().isRateLimited());
        assertTrue(new PlatformException("getmedia", 42001, "expired", 200).errorCode().isTokenInvalid());
    }

    @Test
    void constructor_whenErrmsgIsNull_keepsEmptyText() {
        assertEquals("", new PlatformException("getmedia", 47003, null, 200).errmsg());
    }

    @Test
    void fileTooLarge_isHttp502AndNotRetryable() {
        FileTooLargeException e = new FileTooLargeException("singlefileupload");

        assertEquals(502, e.httpStatus());
        assertEquals(ErrorCode.UNKNOWN, e.errorCode());
        assertTrue(e.getMessage().contains("chunked upload"), e.getMessage());
    }

    @Test
    void transportAndTimeout_timeoutIsAmbiguousAndARefusedConnectionIsNot() {
        DeadlineExceededException t = new DeadlineExceededException("uploadpart", java.time.Duration.ofSeconds(30), null);
        TransportException refused = new TransportException("getmedia", "connection refused", false, null);

        assertTrue(t.ambiguous());
        assertEquals(java.time.Duration.ofSeconds(30), t.deadline());
        assertTrue(t.getMessage().startsWith("uploadpart: "), t.getMessage());
        assertFalse(refused.ambiguous());
    }

    @Test
    void constructor_whenErrcodeIs61007WithTheOperationsSet_namesTheMissingPermissionSet() {
        PlatformException e = new PlatformException("getfinderevent", 61007, "api is unauthorized to component", 200, 157);

        assertEquals(ErrorCode.PERMISSION_SET_NOT_GRANTED, e.errorCode());
        assertEquals(java.util.OptionalInt.of(157), e.missingPermissionSet());
        assertTrue(e.getMessage().contains("permission set 157"), e.getMessage());
    }

    @Test
    void constructor_whenAnotherErrcodeCarriesASet_namesNone() {
        PlatformException e = new PlatformException("getmedia", 10093030, "", 200, 153);

        assertEquals(java.util.OptionalInt.empty(), e.missingPermissionSet());
        assertFalse(e.getMessage().contains("permission set"), e.getMessage());
    }
}
