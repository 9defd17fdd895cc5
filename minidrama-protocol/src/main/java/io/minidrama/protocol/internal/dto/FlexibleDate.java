package io.minidrama.protocol.internal.dto;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;

import java.lang.reflect.Type;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads a day sent as the string {@code "2024-03-28"} (the official {@code getcdnlogs} example),
 * the string {@code "20240328"} or the number {@code 20240328} (the page's table types it as a
 * number). {@code null} and an empty string read as absent; anything else is not a day.
 */
public final class FlexibleDate implements JsonbDeserializer<LocalDate> {

    @Override
    public LocalDate deserialize(JsonParser parser, DeserializationContext ctx, Type rtType) {
        JsonValue value = parser.getValue();
        switch (value.getValueType()) {
            case NUMBER:
                JsonNumber n = (JsonNumber) value;
                if (!n.isIntegral()) {
                    throw new JsonbException("expected a day such as 20240328, got " + n);
                }
                return basic(n.toString());
            case STRING:
                String s = ((JsonString) value).getString().strip();
                if (s.isEmpty()) {
                    return null;
                }
                if (s.length() == 10) {
                    try {
                        return LocalDate.parse(s, DateTimeFormatter.ISO_LOCAL_DATE);
                    } catch (DateTimeParseException e) {
                        throw new JsonbException("not a day of the form YYYY-MM-DD: \"" + s + "\"", e);
                    }
                }
                return basic(s);
            case NULL:
                return null;
            default:
                throw new JsonbException("expected a day as \"YYYY-MM-DD\" or YYYYMMDD, got " + value.getValueType());
        }
    }

    private static LocalDate basic(String digits) {
        if (!digits.matches("\\d{8}")) {
            throw new JsonbException("expected a day as \"YYYY-MM-DD\" or YYYYMMDD, got " + digits);
        }
        try {
            return LocalDate.parse(digits, DateTimeFormatter.BASIC_ISO_DATE);
        } catch (DateTimeException e) {
            throw new JsonbException("not a day: " + digits, e);
        }
    }
}
