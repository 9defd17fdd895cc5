package io.minidrama.protocol.spi;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A response whose status and headers have arrived; the body streams. The protocol reads the body
 * and closes the response; closing releases the connection (or discards it if the body was not
 * read to its end).
 *
 * <p>Reading the body MUST respect the request's deadline: past it, {@code read} fails with an
 * {@link java.io.IOException} whose cause is a
 * {@link io.minidrama.domain.error.DeadlineExceededException}, so the protocol can tell a deadline
 * from a connection reset.
 */
public interface TransportResponse extends AutoCloseable {

    /** The HTTP status code. */
    int status();

    /** The headers as received; names lower-case. */
    Map<String, List<String>> headers();

    /** The first value of a header, by case-insensitive name. */
    default Optional<String> header(String name) {
        List<String> values = headers().get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The body, read once. */
    InputStream body();

    /** Releases the exchange; never throws. */
    @Override
    void close();
}
