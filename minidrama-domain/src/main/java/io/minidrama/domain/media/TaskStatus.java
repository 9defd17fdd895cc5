package io.minidrama.domain.media;

/** State of a pull-upload task: 1 waiting, 2 processing, 3 done, 4 failed. */
public enum TaskStatus {
    WAITING(1),
    PROCESSING(2),
    DONE(3),
    FAILED(4);

    private final int code;

    TaskStatus(int code) {
        this.code = code;
    }

    /** The platform's numeric status. */
    public int code() {
        return code;
    }

    /**
     * Maps the platform's numeric status.
     *
     * @throws IllegalArgumentException for a code outside 1..4
     */
    public static TaskStatus of(int code) {
        for (TaskStatus s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown task status " + code + " (expected 1..4)");
    }

    /** Whether the task has finished, successfully or not. */
    public boolean isFinal() {
        return this == DONE || this == FAILED;
    }
}
