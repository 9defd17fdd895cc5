/**
 * What a consumer's tests need: contract suites for every port, an HTTP emulator of the platform
 * ({@link io.minidrama.testkit.MiniDramaEmulator}), a JUnit 5 extension and fixtures. The
 * {@code internal} package (HTTP handlers, JSON) is not exported.
 */
module io.minidrama.testkit {
    requires transitive io.minidrama.port;
    requires transitive io.minidrama.adapter.fake;
    requires transitive org.junit.jupiter.api;
    requires transitive io.minidrama.events;
    requires jdk.httpserver;
    requires java.net.http;
    requires jakarta.json;

    exports io.minidrama.testkit;
}
