package io.minidrama.testkit;

import io.minidrama.domain.error.PlatformException;
import io.minidrama.domain.error.TransportException;
import io.minidrama.domain.media.MediaQuery;
import io.minidrama.port.MiniDramaPlatform;
import io.minidrama.port.PlatformOperation;
import io.minidrama.port.RetryPolicy;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract of retries as a consumer meets them, whatever the adapter: a platform port retries
 * as {@link RetryPolicy#defaults()} decides. An errcode -1 on a read is retried and the call
 * succeeds; beyond {@link RetryPolicy#maxAttempts()} the -1 surfaces, the platform having received
 * exactly that many calls; an operation that is not
 * {@linkplain PlatformOperation#repeatSafe() safe to repeat} is not sent again after an ambiguous
 * failure (the platform acted, the answer was lost), so it acts once.
 *
 * <p>The in-memory fake and the HTTP adapter (against the emulator) both extend it: a test of
 * "a -1 is retried" passes on both or on neither. Extend it and implement {@link #createSubject()}
 * with the port at its default retry policy.
 */
public abstract class RetryContractTest extends PlatformContract<MiniDramaPlatform> {
    private static final int MAX_ATTEMPTS = RetryPolicy.defaults().maxAttempts();
    private static final String LIST_MEDIA = PlatformOperation.LIST_MEDIA.wireName();

    @Test
    void aBusyAnswerToARead_isRetriedAndTheCallSucceeds() {
        control.failNext(LIST_MEDIA, MAX_ATTEMPTS - 1, -1);

        assertTrue(port.listMedia(MediaQuery.all()).isEmpty());

        assertEquals(MAX_ATTEMPTS, control.callsReceived(LIST_MEDIA));
    }

    @Test
    void aBusyAnswerBeyondMaxAttempts_surfacesAfterExactlyMaxAttemptsCalls() {
        control.failNext(LIST_MEDIA, MAX_ATTEMPTS + 1, -1);

        PlatformException e = assertThrows(PlatformException.class, () -> port.listMedia(MediaQuery.all()));

        assertEquals(-1, e.rawErrcode());
        assertEquals(MAX_ATTEMPTS, control.callsReceived(LIST_MEDIA));
        assertTrue(port.listMedia(MediaQuery.all()).isEmpty(), "the one failure left is retried away by the next call");
    }

    @Test
    void aRepeatUnsafeOperation_isNotSentAgainAfterAnAmbiguousFailure() {
        String op = PlatformOperation.SINGLE_FILE_UPLOAD.wireName();
        control.failNextAfterProcessing(op, 1);

        TransportException e = assertThrows(TransportException.class,
                () -> port.uploadSingle(MiniDramaFixtures.anEpisode(1).build()));

        assertTrue(e.ambiguous());
        assertEquals(1, control.callsReceived(op));
        assertEquals(1, port.listMedia(MediaQuery.all()).size(), "the platform acted once: one media, not two");
    }
}
