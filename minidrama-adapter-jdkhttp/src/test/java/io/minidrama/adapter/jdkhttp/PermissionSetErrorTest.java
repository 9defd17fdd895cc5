package io.minidrama.adapter.jdkhttp;

import io.minidrama.domain.MediaId;
import io.minidrama.domain.error.ErrorCode;
import io.minidrama.domain.error.PlatformException;
import io.minidrama.domain.player.PlayerSwitch;
import io.minidrama.port.RetryPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.OptionalInt;

import static io.minidrama.adapter.jdkhttp.WireAssertions.adapterFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A third-party platform's call without the permission set it needs (API.md §10: 61007) names the
 * missing set: 153 for {@code /wxa/sec/vod/*}, 157 for the drama player's {@code /wxadrama/*}.
 */
class PermissionSetErrorTest {
    private static final String NOT_GRANTED = "{\"errcode\":61007,\"errmsg\":\"api is unauthorized to component\"}";

    private final RecordingServer server = new RecordingServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private JdkHttpMiniDramaAdapter adapter() {
        return adapterFor(server, new WireAssertions.RecordingSleeper()).retryPolicy(RetryPolicy.none()).build();
    }

    @Test
    void playerCall_answered61007_namesPermissionSet157() {
        server.json("/wxadrama/setplayerdramarecmdswitch", NOT_GRANTED);

        PlatformException e = assertThrows(PlatformException.class, () -> adapter().setSwitch(PlayerSwitch.END_OF_DRAMA, true));

        assertEquals(ErrorCode.PERMISSION_SET_NOT_GRANTED, e.errorCode());
        assertEquals(OptionalInt.of(157), e.missingPermissionSet());
        assertTrue(e.getMessage().contains("permission set 157"), e.getMessage());
        assertTrue(e.getMessage().contains("setplayerdramarecmdswitch"), e.getMessage());
    }

    @Test
    void mediaCall_answered61007_namesPermissionSet153() {
        server.json("/wxa/sec/vod/getmedia", NOT_GRANTED);

        PlatformException e = assertThrows(PlatformException.class, () -> adapter().getMedia(MediaId.of(1)));

        assertEquals(OptionalInt.of(153), e.missingPermissionSet());
        assertTrue(e.getMessage().contains("permission set 153"), e.getMessage());
    }

    @Test
    void otherErrcode_namesNoPermissionSet() {
        server.json("/wxadrama/developergetpublisheddrama", "{\"errcode\":21000,\"errmsg\":\"not authorized\"}");

        PlatformException e = assertThrows(PlatformException.class, () -> adapter().publishedDramas());

        assertEquals(OptionalInt.empty(), e.missingPermissionSet());
        assertTrue(!e.getMessage().contains("permission set"), e.getMessage());
    }
}
