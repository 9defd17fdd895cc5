/**
 * The JDK's HTTP client as the platform's transport: {@link io.minidrama.adapter.jdkhttp.JdkHttpTransport}
 * implements the protocol's one-method SPI over {@code java.net.http}, and
 * {@link io.minidrama.adapter.jdkhttp.JdkHttpMiniDramaAdapter} is the protocol's client over it.
 *
 * <p>Entry point: {@link io.minidrama.adapter.jdkhttp.JdkHttpMiniDramaAdapter#builder()}.
 */
module io.minidrama.adapter.jdkhttp {
    requires transitive io.minidrama.protocol;
    requires java.net.http;

    exports io.minidrama.adapter.jdkhttp;
}
