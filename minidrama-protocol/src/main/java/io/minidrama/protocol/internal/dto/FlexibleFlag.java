package io.minidrama.protocol.internal.dto;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;

import java.lang.reflect.Type;

/**
 * Reads a yes/no flag sent as {@code 0}/{@code 1} (as documented for {@code is_deleted}), as
 * {@code "0"}/{@code "1"}, or as a JSON boolean. {@code null} and an empty string read as absent.
 */
public final class FlexibleFlag implements JsonbDeserializer<Boolean> {

    @Override
    public Boolean deserialize(JsonParser parser, DeserializationContext ctx, Type rtType) {
        JsonValue value = parser.getValue();
        switch (value.getValueType()) {
            case TRUE:
                return Boolean.TRUE;
            case FALSE:
                return Boolean.FALSE;
            case NUMBER:
                return ((JsonNumber) value).doubleValue() != 0;
            case STRING:
                String s = ((JsonString) value).getString().strip();
                if (s.isEmpty()) {
                    return null;
                }
                if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
                    return Boolean.parseBoolean(s);
                }
                try {
                    return Double.parseDouble(s) != 0;
                } catch (NumberFormatException e) {
                    throw new JsonbException("not a flag: \"" + s + "\"", e);
                }
            case NULL:
                return null;
            default:
                throw new JsonbException("expected 0/1 or a boolean, got " + value.getValueType());
        }
    }
}
