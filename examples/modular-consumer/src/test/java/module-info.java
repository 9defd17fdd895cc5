/**
 * The consumer's tests as a module of their own (so Surefire runs everything on the module path,
 * the SDK's modules included): they read the consumer's module, the testkit, the push-event
 * receiver, JUnit and the JDK's HTTP server (the consumer's webhook). Open, so that JUnit and the
 * testkit's extension may reflect into the test classes.
 */
open module com.example.seasons.test {
    requires com.example.seasons;
    requires io.minidrama.testkit;
    requires io.minidrama.events;
    requires org.junit.jupiter.api;
    requires jdk.httpserver;
}
