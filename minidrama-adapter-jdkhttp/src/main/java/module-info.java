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

    exports io.minidrama.adapter.jdkhttp;

    // Yasson reads and writes the wire DTOs by reflection, through MethodHandles.publicLookup(),
    // which reaches only packages exported or opened to every module: a qualified
    // `opens ... to org.eclipse.yasson` fails on the module path ("IllegalAccessException ... from
    // public Lookup"). So this one package is opened unconditionally, which grants reflective
    // access at run time only; it is not exported, so no code compiles against the DTOs.
    opens io.minidrama.adapter.jdkhttp.internal.dto;
}
