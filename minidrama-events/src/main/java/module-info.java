/**
 * Verifies, decrypts and decodes the platform's push events (API.md section 5), framework-neutral:
 * {@link io.minidrama.events.PushEventReceiver} on the receiving side,
 * {@link io.minidrama.events.PushEventSigner} to produce pushes signed as the platform signs them.
 * The {@code internal} package is not exported.
 */
module io.minidrama.events {
    requires transitive io.minidrama.domain;
    requires jakarta.json;
    requires java.xml;
    requires com.github.benmanes.caffeine;

    exports io.minidrama.events;
}
