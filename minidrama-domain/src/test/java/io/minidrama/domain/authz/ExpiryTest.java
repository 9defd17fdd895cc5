package io.minidrama.domain.authz;

import io.minidrama.domain.AppId;
import io.minidrama.domain.DramaId;
import io.minidrama.domain.error.Rule;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static io.minidrama.domain.RuleAssertions.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExpiryTest {
    private static final Instant NOW = Instant.parse("2024-06-01T08:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final AppId GRANTEE = AppId.of("wx0123456789abcdef");

    @Nested
    @DisplayName("R-24: an authorisation expiry is permanent or at least 7 days away")
    class R24Expiry {

        @Test
        void at_whenExactly7DaysAway_acceptsR24() {
            Expiry e = Expiry.at(NOW.plus(Duration.ofDays(7)), CLOCK, "authz_expire_time");

            assertFalse(e.permanent());
            assertEquals(NOW.plus(Duration.ofDays(7)).getEpochSecond(), e.epochSecond());
            assertEquals(NOW.plus(Duration.ofDays(7)), e.instant().orElseThrow());
        }

        @Test
        void at_when7DaysMinus1Second_rejectsWithR24() {
            assertRejected(Rule.R24, "authz_expire_time", "at least 7 days away",
                    () -> Expiry.at(NOW.plus(Duration.ofDays(7)).minusSeconds(1), CLOCK, "authz_expire_time"));
        }

        @Test
        void at_whenInThePast_rejectsWithR24UnderTheCallersFieldName() {
            assertRejected(Rule.R24, "expire_time", "permanent (0)", () -> Expiry.at(NOW.minusSeconds(1), CLOCK, "expire_time"));
        }

        @Test
        void at_whenClockHasSubSecondNow_exactly7DaysOfWholeSecondsIsAcceptedR24() {
            Clock subSecond = Clock.fixed(NOW.plusMillis(999), ZoneOffset.UTC);

            assertEquals(NOW.plus(Duration.ofDays(7)).getEpochSecond(),
                    Expiry.at(NOW.plus(Duration.ofDays(7)), subSecond, "authz_expire_time").epochSecond());
        }

        @Test
        void at_whenClockMovesOn_theSameInstantIsJudgedAgainstTheNewNow() {
            Instant at = NOW.plus(Duration.ofDays(7));
            Clock later = Clock.fixed(NOW.plusSeconds(1), ZoneOffset.UTC);

            assertRejected(Rule.R24, "authz_expire_time", "at least 7 days away", () -> Expiry.at(at, later, "authz_expire_time"));
        }

        @Test
        void permanent_isZeroOnTheWireR24() {
            assertTrue(Expiry.PERMANENT.permanent());
            assertEquals(0, Expiry.PERMANENT.epochSecond());
            assertTrue(Expiry.PERMANENT.instant().isEmpty());
        }

        @Test
        void ofEpochSecond_decodesZeroAsPermanentAndAnyPastInstantWithoutTheRequestCheck() {
            assertEquals(Expiry.PERMANENT, Expiry.ofEpochSecond(0));
            assertEquals(Instant.ofEpochSecond(1702020510), Expiry.ofEpochSecond(1702020510).instant().orElseThrow());
            assertEquals(Expiry.ofEpochSecond(1702020510), Expiry.ofEpochSecond(1702020510));
        }

        @Test
        void dramaAuthorization_whenExpiryMissing_rejectsWithR24() {
            assertRejected(Rule.R24, "authz_expire_time", "required",
                    () -> new DramaAuthorization(List.of(DramaId.of(1)), GRANTEE, null));
        }

        @Test
        void appAuthorization_whenPermanent_acceptsR24() {
            assertEquals(Expiry.PERMANENT, new AppAuthorization(GRANTEE, Expiry.PERMANENT).expiry());
        }

        @Test
        void appAuthorization_whenExpiryMissing_rejectsWithR24() {
            assertRejected(Rule.R24, "authz_expire_time", "required", () -> new AppAuthorization(GRANTEE, null));
        }

        @Test
        void copyrightAuthorization_whenExpiryMissing_rejectsWithR24() {
            assertRejected(Rule.R24, "expire_time", "required",
                    () -> new CopyrightAuthorization(new CopyrightGrantee.MiniProgram(GRANTEE), List.of(), null));
        }
    }

    @Nested
    @DisplayName("authorizedrama / deauthorizedrama: at least one drama, none twice")
    class DramaLists {

        @Test
        void of_whenDistinctDramas_keepsThemInOrder() {
            Expiry e = Expiry.at(NOW.plus(Duration.ofDays(30)), CLOCK, "authz_expire_time");

            DramaAuthorization a = DramaAuthorization.of(GRANTEE, List.of(DramaId.of(100200), DramaId.of(100205)), e);

            assertEquals(List.of(DramaId.of(100200), DramaId.of(100205)), a.dramaIds());
            assertEquals(GRANTEE, a.authorizedAppId());
        }

        @Test
        void new_whenNoDrama_rejects() {
            assertRejected(Rule.NONE, "drama_id", "at least one drama id", () -> DramaAuthorization.of(GRANTEE, List.of(), Expiry.PERMANENT));
            assertRejected(Rule.NONE, "drama_id", "at least one drama id", () -> new DramaDeauthorization(List.of(), GRANTEE));
        }

        @Test
        void new_whenDramaRepeats_rejectsNamingTheSecond() {
            assertRejected(Rule.NONE, "drama_id[1]", "must not repeat",
                    () -> new DramaDeauthorization(List.of(DramaId.of(7), DramaId.of(7)), GRANTEE));
        }

        @Test
        void new_whenGranteeMissing_rejects() {
            assertRejected(Rule.NONE, "authorized_appid", "required", () -> new DramaDeauthorization(List.of(DramaId.of(7)), null));
        }
    }
}
