package io.minidrama.events.internal;

import jakarta.json.JsonConfig;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.io.StringReader;
import java.util.Map;
import java.util.Optional;

/**
 * JSON parsing through JSON-P that refuses duplicate keys (two {@code Encrypt} values must not let
 * the signature check and the decoder see different ones) and anything but one object.
 */
public final class SafeJson {
    /** Looked up once: {@code Json.createX} repeats the service lookup on every call. */
    public static final JsonProvider PROVIDER = JsonProvider.provider();
    private static final JsonReaderFactory READERS =
            PROVIDER.createReaderFactory(Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));

    private SafeJson() {
    }

    /** Parses {@code json}, which must be one JSON object. */
    public static Fields parse(String json) {
        try (JsonReader reader = READERS.createReader(new StringReader(json))) {
            return new JsonFields(reader.readObject());
        } catch (JsonException | IllegalStateException e) {
            throw new MalformedBodyException("body is not one well-formed JSON object without duplicate keys");
        }
    }

    private static final class JsonFields implements Fields {
        private final JsonObject object;

        JsonFields(JsonObject object) {
            this.object = object;
        }

        @Override
        public Optional<String> text(String name) {
            JsonValue value = object.get(name);
            if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
                return Optional.empty();
            }
            switch (value.getValueType()) {
                case STRING:
                    return Optional.of(((JsonString) value).getString());
                case NUMBER:
                    return Optional.of(((JsonNumber) value).toString());
                case TRUE:
                    return Optional.of("true");
                case FALSE:
                    return Optional.of("false");
                default:
                    throw new MalformedBodyException("\"" + name + "\" must be a string or a number");
            }
        }

        @Override
        public Optional<Fields> object(String name) {
            JsonValue value = object.get(name);
            if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
                return Optional.empty();
            }
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new MalformedBodyException("\"" + name + "\" must be an object");
            }
            return Optional.of(new JsonFields(value.asJsonObject()));
        }
    }
}
