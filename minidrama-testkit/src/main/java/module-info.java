/**
 * What a consumer's tests need: contract suites for every port, a JUnit 5 extension that starts
 * the HTTP emulator of the platform ({@link io.minidrama.emulator.MiniDramaEmulator}, module
 * {@code io.minidrama.emulator}, required transitively) and fixtures. The {@code internal} package
 * (the control clients) is not exported. {@code io.minidrama.testkit.transport} holds the contract
 * suite every {@link io.minidrama.protocol.spi.HttpTransport} passes.
 */
module io.minidrama.testkit {
    requires transitive io.minidrama.port;
    requires transitive io.minidrama.adapter.fake;
    requires transitive org.junit.jupiter.api;
    requires transitive io.minidrama.events;
    requires transitive io.minidrama.emulator;
    requires transitive io.minidrama.protocol;
    requires java.net.http;
    requires jdk.httpserver;
    requires java.management;
    requires jakarta.json;

    exports io.minidrama.testkit;
    exports io.minidrama.testkit.transport;
    // JUnit runs the suite's package-private lifecycle and test methods in a subclass's instance.
    opens io.minidrama.testkit.transport to org.junit.platform.commons;
}
