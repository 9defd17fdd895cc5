package io.minidrama.domain.authz;

import io.minidrama.domain.AppId;
import io.minidrama.domain.DramaId;
import io.minidrama.domain.error.Rule;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.stream.LongStream;

import static io.minidrama.domain.RuleAssertions.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuthzLimitsTest {
    private static final CopyrightGrantee GRANTEE = new CopyrightGrantee.MiniProgram(AppId.of("wx0123456789abcdef"));

    private static List<DramaId> dramas(int n) {
        return LongStream.rangeClosed(1, n).mapToObj(DramaId::of).toList();
    }

    @Nested
    @DisplayName("R-25: authorisation and copyright lists take limit 1..1000, offset >= 0")
    class R25AuthzPage {

        @ParameterizedTest
        @ValueSource(ints = {1, 100, 1000})
        void of_whenLimitIn1To1000_acceptsR25(int limit) {
            assertEquals(limit, AuthzPage.of(0, limit).limit());
        }

        @Test
        void of_whenLimit1001_rejectsWithR25() {
            assertRejected(Rule.R25, "limit", "1..1000", () -> AuthzPage.of(0, 1001));
        }

        @Test
        void of_whenLimitZero_rejectsWithR25() {
            assertRejected(Rule.R25, "limit", "1..1000", () -> AuthzPage.of(0, 0));
        }

        @Test
        void of_whenOffsetNegative_rejectsWithR25() {
            assertRejected(Rule.R25, "offset", ">= 0", () -> AuthzPage.of(-1, 10));
        }

        @Test
        void first_isOffset0Limit100AsThePlatformDefaults() {
            assertEquals(AuthzPage.of(0, 100), AuthzPage.first());
        }

        @Test
        void queries_carryTheirPageAndOptionalFilters() {
            AuthzPage page = AuthzPage.of(1000, 1000);

            GrantedDramasQuery granted = GrantedDramasQuery.all(page).forDrama(DramaId.of(5)).forGrantee(AppId.of("wxabcdefabcdefabcd"));
            assertEquals(page, granted.page());
            assertEquals(DramaId.of(5), granted.dramaId().orElseThrow());
            assertEquals(AppId.of("wxabcdefabcdefabcd"), granted.authorizedAppId().orElseThrow());
            assertTrue(ReceivedDramasQuery.all(page).authorizerAppId().isEmpty());
            assertTrue(CopyrightGrantQuery.all(page).grantee().isEmpty());
            assertEquals(GRANTEE, CopyrightGrantQuery.all(page).to(GRANTEE).grantee().orElseThrow());
            assertEquals(AppId.of("wxabcdefabcdefabcd"),
                    CopyrightReceivedQuery.all(page).from(AppId.of("wxabcdefabcdefabcd")).authorizerAppId().orElseThrow());
        }
    }

    @Nested
    @DisplayName("R-25: copyright calls name at most 100 drama_ids")
    class R25CopyrightDramaIds {

        @Test
        void copyrightAuthorization_when100Dramas_acceptsR25() {
            assertEquals(100, new CopyrightAuthorization(GRANTEE, dramas(100), Expiry.PERMANENT).dramaIds().size());
        }

        @Test
        void copyrightAuthorization_when101Dramas_rejectsWithR25() {
            assertRejected(Rule.R25, "drama_ids", "at most 100", () -> new CopyrightAuthorization(GRANTEE, dramas(101), Expiry.PERMANENT));
        }

        @Test
        void copyrightAuthorization_whenNoDramas_acceptsMeaningAllEligibleR25() {
            assertTrue(new CopyrightAuthorization(GRANTEE, List.of(), Expiry.PERMANENT).dramaIds().isEmpty());
        }

        @Test
        void copyrightDeauthorization_when100Dramas_acceptsButNot101R25() {
            assertEquals(100, new CopyrightDeauthorization(GRANTEE, dramas(100)).dramaIds().size());
            assertRejected(Rule.R25, "drama_ids", "at most 100", () -> new CopyrightDeauthorization(GRANTEE, dramas(101)));
        }

        @Test
        void copyrightDeauthorization_whenDramaRepeats_rejects() {
            assertRejected(Rule.NONE, "drama_ids[1]", "must not repeat",
                    () -> new CopyrightDeauthorization(GRANTEE, List.of(DramaId.of(3), DramaId.of(3))));
        }
    }
}
