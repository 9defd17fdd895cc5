/**
 * The consumer's tests as a module of their own (so Surefire runs everything on the module path,
 * the SDK's modules included): they read the consumer's module, the testkit, the emulator, the push-event
 * receiver, the Redis adapter, the Apache HttpClient 5 transport, JUnit, the JDK's HTTP server (the consumer's webhook) and
 * embedded-redis (a redis-server binary when none is on the PATH). Open, so that JUnit and the
 * testkit's extension may reflect into the test classes.
 */
open module com.example.seasons.test {
    requires com.example.seasons;
    requires io.minidrama.testkit;
    requires io.minidrama.emulator;
    requires io.minidrama.events;
    requires io.minidrama.adapter.redis;
    requires io.minidrama.adapter.apache;
    requires io.minidrama.micrometer;
    requires org.junit.jupiter.api;
    requires jdk.httpserver;
    requires embedded.redis;
}
