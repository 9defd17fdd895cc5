/**
 * A consumer of the SDK with a module descriptor of its own, as a modular application would have:
 * it reads the HTTP adapter and the ports, nothing internal.
 */
module com.example.seasons {
    requires transitive io.minidrama.adapter.jdkhttp;

    exports com.example.seasons;
}
