package io.minidrama.protocol.internal.dto;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;

import java.lang.reflect.Type;

/**
 * Reads a text sent as a JSON string or as a bare number or boolean: {@code order_id} and
 * {@code package_id} are documented as strings but are digits, and one page types a per-drama
 * {@code errmsg} as a number. {@code null} reads as absent.
 */
public final class FlexibleString implements JsonbDeserializer<String> {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext ctx, Type rtType) {
        JsonValue value = parser.getValue();
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NUMBER, TRUE, FALSE -> value.toString();
            case NULL -> null;
            default -> throw new JsonbException("expected a string, got " + value.getValueType());
        };
    }
}
