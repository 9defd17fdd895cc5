package io.minidrama.testkit;

import io.minidrama.domain.traffic.PackageQuery;
import io.minidrama.domain.traffic.TrafficPackage;
import io.minidrama.domain.traffic.TrafficPackages;
import io.minidrama.port.TrafficPackagePort;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The contract of {@link TrafficPackagePort}: {@code listpackages} lists the packages with
 * their order, validity, usage and size in MB; status 1 valid, 2 invalid (used up), 3 expired (as
 * the clock passes their end); filtered by status and by general or directed packages; paged with
 * the total count. Packages are seeded through {@link PlatformControl#addPackage}.
 *
 * <p>Extend it and implement {@link #createSubject()}.
 */
public abstract class TrafficPackagePortContractTest extends PlatformContract<TrafficPackagePort> {
    private Instant now() {
        return control.now().truncatedTo(ChronoUnit.SECONDS);
    }

    private String general(long mb, Instant start, Instant end) {
        return control.addPackage(mb, start, end, false);
    }

    @Test
    void listPackages_withoutPackages_isEmpty() {
        TrafficPackages p = port.listPackages(PackageQuery.of(PackageQuery.Status.ALL));

        assertEquals(0, p.totalCount());
        assertEquals(List.of(), p.packages());
    }

    @Test
    void listPackages_all_listsEveryFieldOfAFreshPackage() {
        Instant start = now().minus(Duration.ofDays(1));
        Instant end = now().plus(Duration.ofDays(30));
        String id = general(1024, start, end);

        TrafficPackages p = port.listPackages(PackageQuery.of(PackageQuery.Status.ALL));

        assertEquals(1, p.totalCount());
        TrafficPackage t = p.packages().get(0);
        assertEquals(id, t.packageId());
        assertFalse(t.orderId().isEmpty(), "an order id");
        assertEquals(start, t.startTime());
        assertEquals(end, t.endTime());
        assertEquals(0, t.usedMb());
        assertEquals(1024, t.totalMb());
        assertEquals(1024, t.remainingMb());
        assertEquals(PackageQuery.Status.VALID.code(), t.status());
        assertFalse(t.deleted());
    }

    @Test
    void listPackages_byStatus_separatesValidUsedUpAndExpired() {
        Instant now = now();
        String valid = general(100, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(10)));
        String usedUp = general(100, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(10)));
        control.setPackageUsed(usedUp, 100);
        String expired = general(100, now.minus(Duration.ofDays(40)), now.minus(Duration.ofDays(10)));

        assertEquals(List.of(valid), ids(PackageQuery.Status.VALID));
        assertEquals(List.of(usedUp), ids(PackageQuery.Status.INVALID));
        assertEquals(List.of(expired), ids(PackageQuery.Status.EXPIRED));
        assertEquals(3, port.listPackages(PackageQuery.of(PackageQuery.Status.ALL)).totalCount());
        TrafficPackage u = port.listPackages(PackageQuery.of(PackageQuery.Status.INVALID)).packages().get(0);
        assertEquals(100, u.usedMb());
        assertEquals(0, u.remainingMb());
    }

    @Test
    void listPackages_whenTheClockPassesTheEnd_reportsThePackageExpired() {
        Instant now = now();
        String id = general(50, now, now.plus(Duration.ofDays(2)));
        assertEquals(List.of(id), ids(PackageQuery.Status.VALID));

        control.advance(Duration.ofDays(2));

        assertEquals(List.of(), ids(PackageQuery.Status.VALID));
        assertEquals(List.of(id), ids(PackageQuery.Status.EXPIRED));
    }

    @Test
    void listPackages_paged_keepsTheTotalCount() {
        Instant now = now();
        for (int i = 0; i < 5; i++) {
            general(10 + i, now, now.plus(Duration.ofDays(30)));
        }

        TrafficPackages page = port.listPackages(new PackageQuery(PackageQuery.Status.ALL, 1, 2, PackageQuery.QueryType.GENERAL));

        assertEquals(5, page.totalCount());
        assertEquals(List.of(11L, 12L), page.packages().stream().map(TrafficPackage::totalMb).toList());
    }

    @Test
    void listPackages_directed_listsOnlyDirectedPackages() {
        Instant now = now();
        general(10, now, now.plus(Duration.ofDays(30)));
        String directed = control.addPackage(20, now, now.plus(Duration.ofDays(30)), true);

        TrafficPackages p = port.listPackages(new PackageQuery(PackageQuery.Status.ALL, 0, 100, PackageQuery.QueryType.DIRECTED));

        assertEquals(1, p.totalCount());
        assertEquals(directed, p.packages().get(0).packageId());
    }

    private List<String> ids(PackageQuery.Status status) {
        return port.listPackages(PackageQuery.of(status)).packages().stream().map(TrafficPackage::packageId).toList();
    }
}
