package io.minidrama.port;

import io.minidrama.domain.traffic.PackageQuery;
import io.minidrama.domain.traffic.TrafficPackages;

/**
 * Reads the mini program's CDN traffic packages ({@code listpackages}). Thread-safe; a read, safe
 * to retry; MUST NOT accept {@code null}.
 */
public interface TrafficPackagePort {

    /** One page of traffic packages. */
    TrafficPackages listPackages(PackageQuery query);
}
