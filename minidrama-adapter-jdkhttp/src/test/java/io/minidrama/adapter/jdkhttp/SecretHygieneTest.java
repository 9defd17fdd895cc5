package io.minidrama.adapter.jdkhttp;

import io.minidrama.protocol.ClassicTokenSource;
import io.minidrama.protocol.StableTokenSource;
import io.minidrama.port.RetryPolicy;
import io.minidrama.domain.error.UnexpectedResponseException;
import io.minidrama.port.Sleeper;

import io.minidrama.domain.MediaId;
import io.minidrama.domain.error.MiniDramaException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.minidrama.adapter.jdkhttp.RecordingServer.Reply;
import static io.minidrama.adapter.jdkhttp.WireAssertions.APPID;
import static io.minidrama.adapter.jdkhttp.WireAssertions.SECRET;
import static io.minidrama.adapter.jdkhttp.WireAssertions.adapterFor;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretHygieneTest {
    private final RecordingServer server = new RecordingServer();
    private final List<String> logLines = new CopyOnWriteArrayList<>();
    // every logger of the SDK: the call pipeline logs from io.minidrama.protocol, the transport from here
    private final Logger julLogger = Logger.getLogger("io.minidrama");
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logLines.add(record.getMessage() + (record.getThrown() == null ? "" : " " + stackTrace(record.getThrown())));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level previousLevel;

    @BeforeEach
    void captureLogs() {
        previousLevel = julLogger.getLevel();
        julLogger.setLevel(Level.ALL);
        julLogger.addHandler(handler);
    }

    @AfterEach
    void stop() {
        julLogger.removeHandler(handler);
        julLogger.setLevel(previousLevel);
        server.close();
    }

    private static String stackTrace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }

    private static void assertClean(String where, String text) {
        assertFalse(text.contains(SECRET), where + " leaks the secret: " + text);
        assertFalse(text.contains(RecordingServer.TOKEN), where + " leaks the token: " + text);
    }

    @Test
    void secretAndToken_neverAppearInExceptionsLogsOrToString() {
        // The body echoes the token (as a proxy error page might), then a token error, then a 500.
        server.script("/wxa/sec/vod/getmedia",
                Reply.of(200, "text/html", "<html>request /wxa/sec/vod/getmedia?access_token=" + RecordingServer.TOKEN + " failed</html>"));
        server.script("/wxa/sec/vod/deletemedia", Reply.json("{\"errcode\":40001,\"errmsg\":\"invalid credential, access_token is "
                + RecordingServer.TOKEN + "\"}"));
        JdkHttpMiniDramaAdapter.Builder builder = adapterFor(server, new WireAssertions.RecordingSleeper());
        JdkHttpMiniDramaAdapter adapter = builder.build();

        MiniDramaException html = assertThrows(MiniDramaException.class, () -> adapter.getMedia(MediaId.of(1)));
        MiniDramaException token = assertThrows(MiniDramaException.class, () -> adapter.deleteMedia(MediaId.of(1)));

        assertClean("HTML error", stackTrace(html));
        assertTrue(html.getMessage().contains("access_token=<redacted>"), html.getMessage());
        assertClean("token error", stackTrace(token));
        assertClean("adapter.toString", adapter.toString());
        assertClean("builder.toString", builder.toString());
        assertFalse(logLines.isEmpty(), "the adapter logs each call at DEBUG");
        for (String line : logLines) {
            assertClean("log record", line);
        }
    }

    @Test
    void classicTokenError_doesNotLeakTheSecretFromTheQuery() {
        server.json("/cgi-bin/token", "{\"errcode\":40125,\"errmsg\":\"invalid appsecret " + SECRET + ", rid: 1\"}");
        JdkHttpMiniDramaAdapter adapter = adapterFor(server, new WireAssertions.RecordingSleeper()).classicTokenEndpoint().build();

        MiniDramaException e = assertThrows(MiniDramaException.class, () -> adapter.deleteMedia(MediaId.of(1)));

        assertClean("classic token error", stackTrace(e));
        assertTrue(e.getMessage().contains("40125"), e.getMessage());
    }

    @Test
    void tokenSources_toString_showTheAppidOnly() {
        String stable = StableTokenSource.builder(APPID, SECRET).baseUrl(server.baseUrl()).transport(JdkHttpTransport.create()).build().toString();
        String classic = ClassicTokenSource.builder(APPID, SECRET).baseUrl(server.baseUrl()).transport(JdkHttpTransport.create()).build().toString();
        String fetched = StableTokenSource.builder(APPID, SECRET).baseUrl(server.baseUrl()).transport(JdkHttpTransport.create()).build().fetch().toString();

        assertClean("stable", stable);
        assertClean("classic", classic);
        assertClean("token", fetched);
        assertTrue(stable.contains(APPID));
    }

    @Test
    void unreadableTokenResponse_doesNotLeakTheTokenItCarries() {
        // A token answered with an error status, and a token in truncated JSON: both are refused,
        // and the body snippet in the message must not show the token.
        server.script("/cgi-bin/stable_token",
                Reply.of(500, "application/json", "{\"access_token\":\"" + RecordingServer.TOKEN + "\",\"expires_in\":7200}"));
        StableTokenSource status = StableTokenSource.builder(APPID, SECRET).baseUrl(server.baseUrl()).transport(JdkHttpTransport.create()).build();
        MiniDramaException onStatus = assertThrows(UnexpectedResponseException.class, status::fetch);
        server.close();
        RecordingServer truncatedServer = new RecordingServer();
        try {
            truncatedServer.script("/cgi-bin/stable_token",
                    Reply.json("{\"access_token\" : \"" + RecordingServer.TOKEN + "\",\"expires_in\":72"));
            StableTokenSource truncated = StableTokenSource.builder(APPID, SECRET).baseUrl(truncatedServer.baseUrl()).transport(JdkHttpTransport.create()).build();
            MiniDramaException onTruncated = assertThrows(UnexpectedResponseException.class, truncated::fetch);

            assertClean("token with HTTP 500", stackTrace(onStatus));
            assertTrue(onStatus.getMessage().contains("\"access_token\":\"<redacted>\""), onStatus.getMessage());
            assertClean("truncated token JSON", stackTrace(onTruncated));
        } finally {
            truncatedServer.close();
        }
    }

    @Test
    void transportFailure_onClassicTokenEndpoint_doesNotLeakTheQuery() {
        server.close();
        JdkHttpMiniDramaAdapter adapter = adapterFor(server, new WireAssertions.RecordingSleeper()).classicTokenEndpoint()
                .retryPolicy(RetryPolicy.none()).build();

        MiniDramaException e = assertThrows(MiniDramaException.class, () -> adapter.deleteMedia(MediaId.of(1)));

        assertClean("connect failure", stackTrace(e));
    }
}
