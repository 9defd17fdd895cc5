package io.minidrama.port;

/**
 * Every operation of the mini-drama media-asset API, as one port. Adapters (HTTP, in-memory
 * fake) implement it; the use-case services in {@link io.minidrama.port.service} drive it.
 *
 * <p>Each capability is also a port of its own (uploads, pull uploads, the media catalogue, drama
 * audits, CDN, and beyond the seeds: {@link DramaMaintenancePort} for episode replacement, drama
 * information changes and the audit history, {@link TrafficPackagePort},
 * {@link DramaAuthorizationPort} and {@link CopyrightAuthorizationPort}; and the drama player's
 * {@code /wxadrama/*} operations, {@link DramaPlayerPort}), so code can depend on
 * the narrowest one it needs.
 */
public interface MiniDramaPlatform extends MediaUploadPort, PullUploadPort, MediaCatalogPort, DramaAuditPort, CdnPort,
        DramaMaintenancePort, TrafficPackagePort, DramaAuthorizationPort, CopyrightAuthorizationPort, DramaPlayerPort {
}
