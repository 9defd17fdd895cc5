/**
 * An {@link io.minidrama.protocol.spi.HttpTransport} over Apache HttpClient 5 (classic API), for
 * applications that already configure that client for proxies, connection pooling and TLS.
 *
 * <p>Entry point: {@link io.minidrama.adapter.apache.ApacheHttpTransport#builder()}.
 */
module io.minidrama.adapter.apache {
    requires transitive io.minidrama.protocol;
    // Automatic module names from the jars' manifests (Automatic-Module-Name). The client is
    // transitive: the builder accepts a user's CloseableHttpClient and an SSLContext.
    requires transitive org.apache.httpcomponents.client5.httpclient5;
    requires org.apache.httpcomponents.core5.httpcore5;

    exports io.minidrama.adapter.apache;
}
