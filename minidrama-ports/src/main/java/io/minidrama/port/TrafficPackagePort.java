package io.minidrama.port;

import io.minidrama.domain.traffic.PackageQuery;
import io.minidrama.domain.traffic.TrafficPackages;

/**
 * Reads the mini program's CDN traffic packages ({@code listpackages}). Thread-safe; a read, safe
 * to retry; MUST NOT accept {@code null}.
 *
 * <p>A typed {@link Operation}: {@link #listPackages} is a {@code default} method calling
 * {@link #execute(Operation, Object)} with {@link #LIST_PACKAGES}, as the drama player's are.
 */
public interface TrafficPackagePort extends OperationPort {

    /** {@code listpackages}: lists traffic packages. */
    Operation<PackageQuery, TrafficPackages> LIST_PACKAGES = Operation.vod("LIST_PACKAGES", "listpackages", true,
            (p, q) -> p.listPackages(q));

    /** One page of traffic packages. */
    default TrafficPackages listPackages(PackageQuery query) {
        return execute(LIST_PACKAGES, query);
    }
}
