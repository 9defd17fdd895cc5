/**
 * An in-memory, stateful fake of the mini-drama platform: every port, the platform's rules and
 * errcodes, and a control surface for tests ({@link io.minidrama.adapter.fake.InMemoryMiniDramaPlatform}).
 * The {@code internal} package is not exported.
 */
module io.minidrama.adapter.fake {
    requires transitive io.minidrama.port;

    exports io.minidrama.adapter.fake;
}
