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
 * Reads a 64-bit integer sent as a JSON number or as a string of digits: the official examples
 * send {@code file_size} as {@code "9849163"}, peers as {@code 9849163}. {@code null} and an
 * empty string read as absent.
 */
public final class FlexibleLong implements JsonbDeserializer<Long> {

    @Override
    public Long deserialize(JsonParser parser, DeserializationContext ctx, Type rtType) {
        JsonValue value = parser.getValue();
        switch (value.getValueType()) {
            case NUMBER:
                JsonNumber n = (JsonNumber) value;
                try {
                    return n.isIntegral() ? n.longValueExact() : (long) n.doubleValue();
                } catch (ArithmeticException e) {
                    throw new JsonbException("number out of the 64-bit range: " + n, e);
                }
            case STRING:
                String s = ((JsonString) value).getString().strip();
                if (s.isEmpty()) {
                    return null;
                }
                try {
                    return Long.parseLong(s);
                } catch (NumberFormatException e) {
                    throw new JsonbException("not an integer: \"" + s + "\"", e);
                }
            case NULL:
                return null;
            default:
                throw new JsonbException("expected a number or a string of digits, got " + value.getValueType());
        }
    }
}
