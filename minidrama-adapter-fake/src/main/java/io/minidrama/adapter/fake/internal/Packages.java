package io.minidrama.adapter.fake.internal;

import io.minidrama.domain.traffic.PackageQuery;
import io.minidrama.domain.traffic.TrafficPackages;
import io.minidrama.port.TrafficPackagePort;

import java.time.Instant;

/**
 * Traffic packages ({@code listpackages}): the packages are {@link PackageBook}'s; their usage is
 * derived from the traffic {@link Cdn} recorded, under the fake's lock.
 */
final class Packages {
    private final Core core;

    Packages(Core core) {
        this.core = core;
    }

    /** The behaviour of {@link TrafficPackagePort#LIST_PACKAGES}. */
    void register(Handlers handlers) {
        handlers.on(TrafficPackagePort.LIST_PACKAGES, this::listPackages);
    }

    TrafficPackages listPackages(PackageQuery q) {
        return core.locked(out -> core.packages.list(q, core.clock.instant(), core.traffic));
    }

    /** Adds a package of {@code totalMb}, valid from {@code start} to {@code end}; returns its id. */
    String addPackage(long totalMb, Instant start, Instant end, boolean directed) {
        return core.locked(out -> core.packages.add(core.nextId.getAndIncrement(), totalMb, start, end, directed));
    }

    /** Fixes a package's used megabytes instead of deriving them from traffic. */
    void setPackageUsed(String packageId, long usedMb) {
        core.run(out -> core.packages.setUsed(packageId, usedMb));
    }
}
