package io.minidrama.emulator.internal;

import io.minidrama.domain.media.ByteSource;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

/** The first {@code length} bytes of a buffer, without copying it (the request's part buffer). */
record ArraySource(byte[] array, int length, String fileName) implements ByteSource {
    @Override
    public long size() {
        return length;
    }

    @Override
    public InputStream openStream() {
        return new ByteArrayInputStream(array, 0, length);
    }

    @Override
    public String toString() {
        return "ArraySource[" + fileName + ", " + length + " bytes]";
    }
}
