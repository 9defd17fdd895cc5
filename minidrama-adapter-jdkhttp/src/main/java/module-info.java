/**
 * The mini-drama platform over {@code java.net.http}: every operation of
 * {@link io.minidrama.port.MiniDramaPlatform} speaking the platform's wire protocol, JSON through
 * Jakarta JSON-B (Yasson), access tokens cached with Caffeine.
 *
 * <p>Entry point: {@link io.minidrama.adapter.jdkhttp.JdkHttpMiniDramaAdapter#builder()}.
 */
module io.minidrama.adapter.jdkhttp {
    requires transitive io.minidrama.port;
    requires java.net.http;
    requires jakarta.json.bind;
    requires jakarta.json;
    requires com.github.benmanes.caffeine;
    requires org.apache.commons.io;

    exports io.minidrama.adapter.jdkhttp;

    // Yasson reads and writes the wire DTOs by reflection; nobody else sees them.
    opens io.minidrama.adapter.jdkhttp.internal.dto to org.eclipse.yasson;
}
