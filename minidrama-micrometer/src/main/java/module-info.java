/**
 * Micrometer observations of the mini-drama SDK: every platform call, token fetch and retry as an
 * {@code Observation} (metrics through any {@code MeterRegistry}, spans through Micrometer Tracing
 * when it is configured), and upload bytes, parts and throughput as meters.
 *
 * <p>Entry point: {@link io.minidrama.micrometer.MiniDramaObservations}. Optional: without this
 * module (or with {@code ObservationRegistry.NOOP}) nothing is observed.
 */
module io.minidrama.micrometer {
    requires transitive io.minidrama.port;
    requires transitive micrometer.observation;
    requires transitive micrometer.core;

    exports io.minidrama.micrometer;
}
