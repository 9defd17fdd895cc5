/**
 * The mini-drama domain: value types, aggregates and every documented platform rule.
 * Depends on nothing but {@code java.base}.
 */
module io.minidrama.domain {
    exports io.minidrama.domain;
    exports io.minidrama.domain.authz;
    exports io.minidrama.domain.cdn;
    exports io.minidrama.domain.drama;
    exports io.minidrama.domain.error;
    exports io.minidrama.domain.event;
    exports io.minidrama.domain.media;
    exports io.minidrama.domain.player;
    exports io.minidrama.domain.traffic;
}
