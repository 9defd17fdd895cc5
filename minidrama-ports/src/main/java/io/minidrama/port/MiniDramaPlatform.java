package io.minidrama.port;

/**
 * Every operation of the mini-drama media-asset API, as one port. Adapters (HTTP, in-memory
 * fake) implement it; the use-case services in {@link io.minidrama.port.service} drive it.
 *
 * <p>The platform's further {@code /wxa/sec/vod} operations (episode replacement, drama info
 * changes, audit history, traffic packages, authorisations) will arrive as additional
 * capability ports, so code written against the ports here keeps compiling.
 */
public interface MiniDramaPlatform extends MediaUploadPort, PullUploadPort, MediaCatalogPort, DramaAuditPort, CdnPort {
}
