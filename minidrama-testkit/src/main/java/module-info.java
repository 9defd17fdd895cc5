/**
 * What a consumer's tests need: contract suites for every port, a JUnit 5 extension that starts
 * the HTTP emulator of the platform ({@link io.minidrama.emulator.MiniDramaEmulator}, module
 * {@code io.minidrama.emulator}, required transitively) and fixtures. The {@code internal} package
 * (the control clients) is not exported.
 */
module io.minidrama.testkit {
    requires transitive io.minidrama.port;
    requires transitive io.minidrama.adapter.fake;
    requires transitive org.junit.jupiter.api;
    requires transitive io.minidrama.events;
    requires transitive io.minidrama.emulator;
    requires java.net.http;
    requires jakarta.json;

    exports io.minidrama.testkit;
}
