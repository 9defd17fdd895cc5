package io.minidrama.protocol.internal.dto;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;

import java.lang.reflect.Type;

/**
 * Reads a JSON string and nothing else. JSON-B's default turns a number or boolean into its text
 * and an array into its last element, so {@code "etag":[1,2]} would become the etag {@code "2"},
 * be recorded in a checkpoint, and fail every later commit: values the client stores and sends
 * back (etag, upload_id, access_token) must be strings.
 */
public final class StrictString implements JsonbDeserializer<String> {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext ctx, Type rtType) {
        JsonValue value = parser.getValue();
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NULL -> null;
            default -> throw new JsonbException("expected a string, got " + value.getValueType());
        };
    }
}
