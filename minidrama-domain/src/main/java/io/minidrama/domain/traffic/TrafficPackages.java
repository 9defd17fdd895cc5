package io.minidrama.domain.traffic;

import java.util.List;

/**
 * A page of traffic packages.
 *
 * @param totalCount how many there are in all
 * @param packages   this page's
 */
public record TrafficPackages(long totalCount, List<TrafficPackage> packages) {
    public TrafficPackages {
        packages = List.copyOf(packages);
    }
}
