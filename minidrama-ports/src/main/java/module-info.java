/**
 * The outbound ports of the mini-drama platform and the use-case services that drive them.
 * Depends on the domain only.
 */
module io.minidrama.port {
    requires transitive io.minidrama.domain;

    exports io.minidrama.port;
    exports io.minidrama.port.service;
    exports io.minidrama.port.upload;
    exports io.minidrama.port.component;
}
