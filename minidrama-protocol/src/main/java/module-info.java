/**
 * The platform's wire protocol, written once: {@link io.minidrama.protocol.MiniDramaClient}, the
 * one call pipeline (tokens, encoding, errcodes, redaction) over any transport, and
 * {@link io.minidrama.protocol.WireJson}, the platform's JSON of a domain value.
 *
 * <p>{@code io.minidrama.protocol.spi} is the transport SPI: one method,
 * {@link io.minidrama.protocol.spi.HttpTransport#execute}, that any HTTP client can implement
 * (the JDK's in {@code minidrama-adapter-jdkhttp}, Apache HttpClient 5 in
 * {@code minidrama-adapter-apache}). Everything above one exchange (encoding, tokens, errcodes,
 * redaction) lives here, not in a transport. This module does not use {@code java.net.http}.
 */
module io.minidrama.protocol {
    requires transitive io.minidrama.port;
    requires transitive jakarta.json.bind;
    requires transitive jakarta.json;
    requires transitive com.github.benmanes.caffeine;

    exports io.minidrama.protocol;
    exports io.minidrama.protocol.spi;
    exports io.minidrama.protocol.component;

    // Yasson reads and writes the wire DTOs by reflection, through MethodHandles.publicLookup(),
    // which reaches only packages exported or opened to every module: a qualified
    // `opens ... to org.eclipse.yasson` fails on the module path ("IllegalAccessException ... from
    // public Lookup"). So this one package is opened unconditionally, which grants reflective
    // access at run time only; it is not exported, so no code compiles against the DTOs.
    opens io.minidrama.protocol.internal.dto;
}
