package io.minidrama.protocol.internal.dto;

import jakarta.json.bind.serializer.JsonbSerializer;
import jakarta.json.bind.serializer.SerializationContext;
import jakarta.json.stream.JsonGenerator;

/**
 * Writes a yes/no flag as the {@code 0}/{@code 1} the official page documents
 * ({@code is_deleted}); reading stays tolerant ({@link FlexibleFlag}).
 */
public final class FlagAsNumber implements JsonbSerializer<Boolean> {
    @Override
    public void serialize(Boolean value, JsonGenerator generator, SerializationContext ctx) {
        generator.write(value ? 1 : 0);
    }
}
