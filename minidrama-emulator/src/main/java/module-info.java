/**
 * An HTTP emulator of the mini-drama platform over the in-memory fake
 * ({@link io.minidrama.emulator.MiniDramaEmulator}): the platform's routes, tokens, errcodes and
 * push events, and a control prefix for tests. It depends on no test framework and not on the HTTP
 * adapter: it reads and writes the platform's JSON itself (JSON-P, no reflection), so it stays an
 * independent check of the adapter's codec. Every request is checked against its operation's
 * request table on the official page before the operation runs; what does not fit is answered with
 * the platform's errcode and recorded as an {@link io.minidrama.emulator.WireProblem}. The
 * {@code internal} package (HTTP handlers, request tables, the one response writer) is not exported.
 */
module io.minidrama.emulator {
    requires transitive io.minidrama.port;
    requires transitive io.minidrama.adapter.fake;
    requires transitive io.minidrama.events;
    requires jdk.httpserver;
    requires java.net.http;
    requires jakarta.json;

    exports io.minidrama.emulator;
}
