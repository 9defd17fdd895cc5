/**
 * The mini-drama domain: value types, aggregates and every documented platform rule.
 * Depends on nothing but {@code java.base}.
 */
module io.minidrama.domain {
    exports io.minidrama.domain;
    exports io.minidrama.domain.error;
    exports io.minidrama.domain.event;
}
