package io.minidrama.protocol.internal;

import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.json.spi.JsonProvider;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/**
 * The one shared {@link Jsonb} of the adapter (thread-safe, costly to create): snake_case
 * property names, {@code null}s left out, unknown properties ignored (JSON-B's default).
 */
public final class Json {
    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
            .withNullValues(false)
            .withEncoding(StandardCharsets.UTF_8.name()));
    // Looked up once: jakarta.json.Json.createReader runs a ServiceLoader scan of the class path
    // on every call, which was a visible share of each upload part's CPU.
    private static final JsonReaderFactory READERS = JsonProvider.provider().createReaderFactory(java.util.Map.of());

    private Json() {
    }

    /** The shared instance. */
    public static Jsonb jsonb() {
        return JSONB;
    }

    /** Serialises a request DTO to UTF-8 JSON. */
    public static byte[] toBytes(Object dto) {
        return JSONB.toJson(dto).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads a response DTO.
     *
     * @throws MalformedJson when the text is not well-formed JSON (cut off, broken syntax)
     * @throws jakarta.json.bind.JsonbException when well-formed JSON does not fit {@code type}
     */
    public static <T> T fromJson(String text, Class<T> type) {
        // Parsson 1.1.7 never returns when Yasson skips an unknown property whose array or object
        // the input ends inside ({"new_field":[1,2 ...), and the platform adds fields: read the
        // whole structure first, which fails fast on truncated input, then bind.
        try (JsonReader reader = READERS.createReader(new StringReader(text))) {
            reader.readValue();
        } catch (JsonException e) {
            throw new MalformedJson(e);
        }
        return JSONB.fromJson(text, type);
    }

    /** The text is not well-formed JSON: an answer cut off or broken on its way, worth asking again. */
    public static final class MalformedJson extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MalformedJson(Throwable cause) {
            super("malformed or truncated JSON", cause, false, false);
        }
    }
}
