package io.minidrama.adapter.jdkhttp.internal;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;

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
     * @throws jakarta.json.bind.JsonbException when the text is not the expected JSON
     */
    public static <T> T fromJson(String text, Class<T> type) {
        return JSONB.fromJson(text, type);
    }
}
