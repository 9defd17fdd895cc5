package io.minidrama.protocol.internal.dto;

import jakarta.json.bind.serializer.JsonbSerializer;
import jakarta.json.bind.serializer.SerializationContext;
import jakarta.json.stream.JsonGenerator;

/**
 * Writes a number as the string the official page shows ({@code "file_size":"9849163"}); reading
 * stays tolerant ({@link FlexibleLong}).
 */
public final class NumberAsString implements JsonbSerializer<Long> {
    @Override
    public void serialize(Long value, JsonGenerator generator, SerializationContext ctx) {
        generator.write(Long.toString(value));
    }
}
