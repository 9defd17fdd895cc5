package io.minidrama.protocol.internal;

import io.minidrama.port.PlatformOperation;

/**
 * The platform operations as the adapter sends and retries them: a thin view of the public
 * catalogue {@link PlatformOperation}, which holds the names, paths and repeat-safety.
 */
public final class Operation {
    private static final java.util.Map<PlatformOperation, Operation> ALL = java.util.Arrays.stream(PlatformOperation.values())
            .collect(java.util.stream.Collectors.toUnmodifiableMap(op -> op, Operation::new));

    /** Path prefix of every operation. */
    public static final String PATH_PREFIX = PlatformOperation.PATH_PREFIX;

    private final PlatformOperation operation;

    private Operation(PlatformOperation operation) {
        this.operation = operation;
    }

    /** The view of {@code operation}; one instance per catalogue entry. */
    public static Operation of(PlatformOperation operation) {
        return ALL.get(java.util.Objects.requireNonNull(operation, "operation"));
    }

    @Override
    public String toString() {
        return operation.wireName();
    }

    /** The catalogue entry. */
    public PlatformOperation operation() {
        return operation;
    }

    /** The path segment, such as {@code getmedia}. */
    public String wire() {
        return operation.wireName();
    }

    /** The request path, such as {@code /wxa/sec/vod/getmedia} or {@code /wxadrama/getfinderevent}. */
    public String path() {
        return operation.path();
    }

    /** Whether repeating the call after an ambiguous failure is harmless. */
    public boolean idempotent() {
        return operation.repeatSafe();
    }

    /** Whether HTTP 502 means the file is over the endpoint's size limit: the multipart uploads. */
    public boolean upload() {
        return operation.bodyKind() == PlatformOperation.BodyKind.MULTIPART;
    }
}
