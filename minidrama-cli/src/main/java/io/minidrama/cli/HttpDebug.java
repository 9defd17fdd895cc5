package io.minidrama.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The JDK HTTP client's own logging ({@code -Djdk.httpclient.HttpClient.log=...},
 * {@code -Djdk.internal.httpclient.debug=true}, or its System.Loggers turned up in a logging
 * configuration) prints request URLs, and the platform wants the access token in the query: the
 * tool keeps it quiet unless {@code --debug-http} asks for it. {@link #quiet()} runs before any
 * HTTP client exists (the JDK reads the properties once, when its first client starts).
 */
final class HttpDebug {
    private static final List<String> PROPERTIES = List.of("jdk.httpclient.HttpClient.log", "jdk.internal.httpclient.debug",
            "jdk.internal.httpclient.hpack.debug", "jdk.internal.httpclient.websocket.debug");
    private static final List<String> LOGGERS = List.of("jdk.httpclient.HttpClient", "jdk.internal.httpclient.debug",
            "jdk.internal.httpclient.hpack.debug", "jdk.internal.httpclient.websocket.debug");
    /** Held so the levels set here are not lost when java.util.logging drops unreferenced loggers. */
    private static final List<Logger> HELD = new ArrayList<>();
    private static final Map<String, String> ASKED = new LinkedHashMap<>();

    private HttpDebug() {
    }

    /** Turns the JDK HTTP client's logging off, remembering what the command line asked for. */
    static synchronized void quiet() {
        for (String p : PROPERTIES) {
            String v = System.clearProperty(p);
            if (v != null) {
                ASKED.put(p, v);
            }
        }
        for (String name : LOGGERS) {
            Logger l = Logger.getLogger(name);
            l.setLevel(Level.OFF);
            HELD.add(l);
        }
    }

    /**
     * {@code --debug-http}: the JDK's logging as asked with {@code -D...}, or requests, headers and
     * errors by default; warns on {@code err} that the lines hold access tokens.
     */
    static synchronized void enable(java.io.PrintWriter err) {
        err.println("--debug-http: the JDK HTTP client logs request URLs, which carry the access token: do not share this output");
        err.flush();
        if (ASKED.isEmpty()) {
            System.setProperty("jdk.httpclient.HttpClient.log", "errors,requests,headers");
        } else {
            ASKED.forEach(System::setProperty);
        }
        HELD.forEach(l -> l.setLevel(null));
    }
}
