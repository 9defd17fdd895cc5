package io.minidrama.port.service;

import io.minidrama.domain.drama.Drama;
import io.minidrama.domain.drama.DramaAuditDetail;
import io.minidrama.domain.drama.DramaInfoChange;
import io.minidrama.domain.drama.LatestAuditQuery;
import io.minidrama.domain.drama.ReplacementApplication;
import io.minidrama.domain.drama.ReplacementRequest;
import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;
import io.minidrama.domain.traffic.PackageQuery;
import io.minidrama.domain.traffic.TrafficPackages;
import io.minidrama.port.DramaAuditPort;
import io.minidrama.port.DramaMaintenancePort;
import io.minidrama.port.TrafficPackagePort;

import java.util.Objects;

/**
 * Keeping a catalogue alive after the first audit: replace episodes, change drama information,
 * read the audit history and the traffic packages. Thread-safe.
 *
 * <p>Each change is checked against the drama first (it must be approved; replaced episodes must
 * be its own; new media must not be), so a request the platform would refuse never leaves the
 * process.
 */
public final class CatalogService {
    private final DramaMaintenancePort maintenance;
    private final DramaAuditPort dramas;
    private final TrafficPackagePort packages;

    CatalogService(DramaMaintenancePort maintenance, DramaAuditPort dramas, TrafficPackagePort packages) {
        this.maintenance = Objects.requireNonNull(maintenance, "maintenance");
        this.dramas = Objects.requireNonNull(dramas, "dramas");
        this.packages = Objects.requireNonNull(packages, "packages");
    }

    /** The catalogue use cases over the given ports. */
    public static CatalogService of(DramaMaintenancePort maintenance, DramaAuditPort dramas, TrafficPackagePort packages) {
        return new CatalogService(maintenance, dramas, packages);
    }

    /**
     * Submits episode replacements for review, after checking them against the drama.
     *
     * @throws InvalidRequestException when a rule is broken (nothing is sent)
     */
    public void replaceEpisodes(ReplacementRequest request) {
        Drama drama = dramas.getDrama(request.dramaId());
        drama.checkReplacement(request);
        maintenance.submitReplacement(request);
    }

    /**
     * Applies one approved replacement. The platform is the judge of approval and the 7-day
     * window (the drama's listing does not report pending replacements).
     */
    public void applyReplacement(ReplacementApplication request) {
        maintenance.applyReplacement(request);
    }

    /**
     * Submits an information change for review, after checking that the drama is approved.
     *
     * @throws InvalidRequestException when the drama is not approved (nothing is sent)
     */
    public void modifyInfo(DramaInfoChange change) {
        Drama drama = dramas.getDrama(change.dramaId());
        if (!drama.status().isApproved()) {
            throw InvalidRequestException.of("drama_id", Rule.R28, drama.status(),
                    "only an approved drama's information can change; drama " + drama.id() + " is " + drama.status());
        }
        maintenance.modifyInfo(change);
    }

    /** The latest audit of one type. */
    public DramaAuditDetail latestAudit(LatestAuditQuery query) {
        return maintenance.latestAudit(query);
    }

    /** One page of traffic packages. */
    public TrafficPackages packages(PackageQuery query) {
        return packages.listPackages(query);
    }
}
