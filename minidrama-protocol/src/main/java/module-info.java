/**
 * The platform's wire protocol, written once.
 *
 * <p>{@code io.minidrama.protocol.spi} is the transport SPI: one method,
 * {@link io.minidrama.protocol.spi.HttpTransport#execute}, that any HTTP client can implement
 * (the JDK's in {@code minidrama-adapter-jdkhttp}, Apache HttpClient 5 in
 * {@code minidrama-adapter-apache}). Everything above one exchange (encoding, tokens, errcodes,
 * redaction) lives here, not in a transport.
 */
module io.minidrama.protocol {
    requires transitive io.minidrama.port;

    exports io.minidrama.protocol.spi;
}
