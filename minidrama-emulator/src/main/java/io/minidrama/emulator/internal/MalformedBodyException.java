package io.minidrama.emulator.internal;

import java.io.IOException;

/** A request body the platform would not parse (answered with errcode 47001). */
final class MalformedBodyException extends IOException {
    private static final long serialVersionUID = 1L;

    MalformedBodyException(String message) {
        super(message);
    }
}
