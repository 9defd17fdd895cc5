package io.minidrama.domain;

import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;

/**
 * Identifier of a task on the platform: a positive 64-bit integer (`task_id`).
 *
 * @param value the platform's id, always &gt; 0
 */
public record TaskId(long value) {
    public TaskId {
        if (value <= 0) {
            throw InvalidRequestException.of("task_id", Rule.NONE, value, "a task id is a positive 64-bit integer");
        }
    }

    /** Shorthand for {@code new TaskId(value)}. */
    public static TaskId of(long value) {
        return new TaskId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
