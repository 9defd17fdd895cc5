package io.minidrama.domain.traffic;

import io.minidrama.domain.error.Rule;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.minidrama.domain.RuleAssertions.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PackageQueryTest {

    @Nested
    @DisplayName("R-25: listpackages needs status, offset and limit; limit 1..100")
    class R25Packages {

        @Test
        void new_whenLimit100_acceptsR25() {
            PackageQuery q = new PackageQuery(PackageQuery.Status.VALID, 0, 100, PackageQuery.QueryType.DIRECTED);

            assertEquals(100, q.limit());
            assertEquals(1, q.status().code());
            assertEquals(1, q.queryType().code());
        }

        @Test
        void new_whenLimit101_rejectsWithR25() {
            assertRejected(Rule.R25, "limit", "1..100", () -> new PackageQuery(PackageQuery.Status.ALL, 0, 101, PackageQuery.QueryType.GENERAL));
        }

        @Test
        void new_whenLimitZero_rejectsWithR25() {
            assertRejected(Rule.R25, "limit", "1..100", () -> new PackageQuery(PackageQuery.Status.ALL, 0, 0, PackageQuery.QueryType.GENERAL));
        }

        @Test
        void new_whenStatusMissing_rejectsWithR25() {
            assertRejected(Rule.R25, "status", "required", () -> new PackageQuery(null, 0, 10, PackageQuery.QueryType.GENERAL));
        }

        @Test
        void new_whenOffsetNegative_rejectsWithR25() {
            assertRejected(Rule.R25, "offset", ">= 0", () -> new PackageQuery(PackageQuery.Status.ALL, -1, 10, PackageQuery.QueryType.GENERAL));
        }

        @Test
        void of_isTheFirstPageOf100GeneralPackages() {
            assertEquals(new PackageQuery(PackageQuery.Status.EXPIRED, 0, 100, PackageQuery.QueryType.GENERAL),
                    PackageQuery.of(PackageQuery.Status.EXPIRED));
        }

        @Test
        void statusCodes_are0To3() {
            assertEquals(List.of(0, 1, 2, 3), List.of(PackageQuery.Status.values()).stream().map(PackageQuery.Status::code).toList());
        }
    }

    @Test
    void remainingMb_isAllMinusUsedAndNeverNegative() {
        TrafficPackage p = new TrafficPackage("pkg", "4200001", Instant.EPOCH, Instant.EPOCH, 300, 1024, 1, false);

        assertEquals(724, p.remainingMb());
        assertEquals(0, new TrafficPackage(null, null, null, null, 2000, 1024, 3, true).remainingMb());
    }
}
