package io.minidrama.domain.player;

import io.minidrama.domain.AppId;
import io.minidrama.domain.DramaId;
import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static io.minidrama.domain.RuleAssertions.assertRejected;
import static io.minidrama.domain.RuleAssertions.violation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlayerRulesTest {
    private static final AppId SRC = AppId.of("wx94a6522b1d640c3b");

    private static DramaRef ref(long id) {
        return DramaRef.of(SRC, DramaId.of(id));
    }

    private static List<DramaRef> refs(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> ref(i)).toList();
    }

    @Nested
    @DisplayName("R-30: a drama reference has an appid-form src_appid and a decimal drama_id")
    class R30DramaRef {

        @Test
        void of_numericId_convertsThroughDecimalTextBothWaysWithoutLoss() {
            long big = 9_007_199_254_740_993L; // 2^53 + 1: a double would round it to 2^53
            DramaRef r = DramaRef.of(SRC, DramaId.of(big));

            assertEquals("9007199254740993", r.dramaId());
            assertEquals(DramaId.of(big), r.toDramaId());
            assertEquals(DramaId.of(Long.MAX_VALUE), DramaRef.of(SRC, DramaId.of(Long.MAX_VALUE)).toDramaId());
            assertEquals(Long.toString(Long.MAX_VALUE), DramaRef.of(SRC, DramaId.of(Long.MAX_VALUE)).dramaId());
        }

        @Test
        void parse_whenOfficialExampleValues_acceptsR30() {
            DramaRef r = DramaRef.parse("wx4f3ca6d4c2407ccc", "266946");

            assertEquals("wx4f3ca6d4c2407ccc", r.srcAppId());
            assertEquals("266946", r.dramaId());
            assertEquals(r, DramaRef.of(AppId.of("wx4f3ca6d4c2407ccc"), "266946"));
        }

        @Test
        void parse_whenBothFieldsWrong_listsBothWithR30() {
            InvalidRequestException e = assertRejected(Rule.R30, "src_appid", "'wx' followed by 16", () -> DramaRef.parse("example_src_appid", "12a"));

            violation(e, Rule.R30, "drama_id", "decimal digits");
            assertEquals(2, e.violations().size());
        }

        @Test
        void parse_whenDramaIdNotCanonicalDecimal_rejectsWithR30() {
            for (String bad : new String[] {"", "0", "-1", "+1", "0123", "1.0", "1e5", " 1", "9223372036854775808", "12345678901234567890"}) {
                assertRejected(Rule.R30, "drama_id", "decimal digits", () -> DramaRef.parse("wx4f3ca6d4c2407ccc", bad));
            }
            assertRejected(Rule.R30, "drama_id", "decimal digits", () -> DramaRef.parse("wx4f3ca6d4c2407ccc", null));
        }

        @Test
        void reported_whenPlaceholderAppIdFromThePagesExamples_keepsItButStillChecksTheId() {
            assertEquals("example_src_appid", DramaRef.reported("example_src_appid", "123456").srcAppId());
            assertEquals("wx", DramaRef.reported("wx", "10000").srcAppId());
            assertRejected(Rule.R30, "src_appid", "must not be empty", () -> DramaRef.reported(" ", "1"));
            assertRejected(Rule.R30, "drama_id", "decimal digits", () -> DramaRef.reported("wx", "abc"));
        }
    }

    @Nested
    @DisplayName("R-31: list caps")
    class R31Caps {

        private List<FlushDrama> flush(int n) {
            return refs(n).stream().map(r -> new FlushDrama(r, "drama " + r.dramaId())).toList();
        }

        @Test
        void flushSet_when1000_acceptsBut1001RejectsWithR31() {
            assertEquals(1000, FlushSet.of(flush(1000)).dramas().size());
            assertRejected(Rule.R31, "list", "at most 1000", () -> FlushSet.of(flush(1001)));
        }

        @Test
        void recommendationPool_when200_acceptsBut201RejectsWithR31() {
            assertEquals(200, RecommendationPool.appWide(RecommendationSlot.END_OF_DRAMA, refs(200)).dramas().size());
            assertRejected(Rule.R31, "list", "at most 200", () -> RecommendationPool.forDrama(RecommendationSlot.END_OF_DRAMA, ref(999), refs(201)));
        }

        @Test
        void promotionJoin_when100_acceptsBut101RejectsWithR31_whileQueryAndLeaveTakeMore() {
            assertEquals(100, PromotionBatch.join(refs(100)).dramas().size());
            assertRejected(Rule.R31, "list", "at most 100", () -> PromotionBatch.join(refs(101)));
            assertEquals(101, PromotionBatch.query(refs(101)).dramas().size());
            assertEquals(101, PromotionBatch.leave(refs(101)).dramas().size());
        }

        @Test
        void monetization_when100_acceptsBut101RejectsWithR31() {
            List<DramaMonetization> m = refs(101).stream().map(r -> new DramaMonetization(r, IaaType.ADS_ONLY, VipFlag.NO_MEMBERSHIP)).toList();

            assertEquals(100, MonetizationDeclaration.of(m.subList(0, 100)).dramas().size());
            assertRejected(Rule.R31, "list", "at most 100", () -> MonetizationDeclaration.of(m));
            assertEquals(100, MonetizationQuery.of(refs(100)).dramas().size());
            assertRejected(Rule.R31, "list", "at most 100", () -> MonetizationQuery.of(refs(101)));
        }

        @Test
        void finderEventIds_when50_acceptsBut51RejectsWithR31() {
            List<String> ids = IntStream.rangeClosed(1, 51).mapToObj(i -> "event/" + i).toList();

            assertEquals(50, FinderEventQuery.of(ids.subList(0, 50)).eventIds().size());
            assertRejected(Rule.R31, "event_id_list", "at most 50", () -> FinderEventQuery.of(ids));
            assertTrue(FinderEventQuery.all().eventIds().isEmpty());
        }
    }

    @Nested
    @DisplayName("R-32: player codes")
    class R32Codes {

        @Test
        void codes_whenDocumented_mapBothWays() {
            for (int c : new int[] {1, 2, 3, 2002}) {
                assertEquals(c, PlayerSwitch.of(c).code());
            }
            for (int c = 1; c <= 3; c++) {
                assertEquals(c, RecommendationSlot.of(c).code());
                assertEquals(c, IaaType.of(c).code());
                assertEquals(c, PromotionAction.of(c).code());
            }
            assertEquals(VipFlag.MEMBERSHIP, VipFlag.of(1));
            assertEquals(VipFlag.NO_MEMBERSHIP, VipFlag.of(2));
            assertTrue(PlayerSwitch.END_OF_DRAMA.onByDefault() && PlayerSwitch.DRAMA_PROFILE.onByDefault());
            assertFalse(PlayerSwitch.EPISODE_PICKER.onByDefault() || PlayerSwitch.ORIGINAL_VIDEO.onByDefault());
        }

        @Test
        void codes_whenUndocumented_rejectWithR32() {
            assertRejected(Rule.R32, "entry_type", "2002", () -> PlayerSwitch.of(4));
            assertRejected(Rule.R32, "entry_type", "1 (end of drama)", () -> RecommendationSlot.of(2002));
            assertRejected(Rule.R32, "iaa_type", "1 (ads only)", () -> IaaType.of(0));
            assertRejected(Rule.R32, "vip_flag", "2 (none)", () -> VipFlag.of(3));
            assertRejected(Rule.R32, "action_type", "3 (leave)", () -> PromotionAction.of(4));
        }

        @Test
        void promotionStatus_findsTheSixDocumentedCodesOnly() {
            for (int c = 0; c <= 5; c++) {
                assertEquals(c, PromotionStatus.find(c).orElseThrow().code());
            }
            assertTrue(PromotionStatus.find(6).isEmpty());
        }
    }

    @Nested
    @DisplayName("R-33: flush and recommendation settings replace the whole set; publish_time in seconds")
    class R33Replace {

        @Test
        void flushSet_isASetAndEmptyClears() {
            FlushSet clear = FlushSet.clear();

            assertTrue(clear.clears());
            assertTrue(FlushSet.of(List.of()).clears());
            assertFalse(FlushSet.of(List.of(new FlushDrama(ref(1), "a"))).clears());
            assertThrows(UnsupportedOperationException.class, () -> FlushSet.of(List.of(new FlushDrama(ref(1), "a"))).dramas().clear());
        }

        @Test
        void flushSet_whenADramaIsListedTwice_rejectsWithR33() {
            List<FlushDrama> twice = List.of(new FlushDrama(ref(1), "a"), new FlushDrama(ref(2), "b"), new FlushDrama(ref(1), "a again"));

            assertRejected(Rule.R33, "list[2]", "once", () -> FlushSet.of(twice));
            assertRejected(Rule.R33, "list[1]", "once", () -> FlushSet.of(List.of(new FlushDrama(ref(1), "a"), new FlushDrama(ref(1), "a"))));
        }

        @Test
        void recommendationPool_emptyClears_andKeepsItsScope() {
            RecommendationPool pool = RecommendationPool.forDrama(RecommendationSlot.DRAMA_PROFILE, ref(7), List.of());

            assertTrue(pool.clears());
            assertEquals(ref(7), pool.scope().orElseThrow());
            assertTrue(RecommendationPool.appWide(RecommendationSlot.DRAMA_PROFILE, Set.of()).scope().isEmpty());
            assertRejected(Rule.R33, "list[1]", "once", () -> RecommendationPool.appWide(RecommendationSlot.END_OF_DRAMA, List.of(ref(1), ref(1))));
        }

        @Test
        void publication_whenMillisecondsGivenForSeconds_rejectsWithR33() {
            assertEquals(1734624000L, DramaPublication.ofEpochSecond(ref(1), "x", 1734624000L).epochSecond());
            assertRejected(Rule.R33, "publish_time", "milliseconds", () -> DramaPublication.ofEpochSecond(ref(1), "x", 1734624000000L));
            assertRejected(Rule.R33, "publish_time", "milliseconds", () -> DramaPublication.ofEpochSecond(ref(1), "x", 0));
        }

        @Test
        void publication_truncatesToSeconds() {
            assertEquals(Instant.ofEpochSecond(1734624000L), new DramaPublication(ref(1), "x", Instant.ofEpochSecond(1734624000L, 999)).publishTime());
        }
    }

    @Test
    void everyRequest_listsEveryViolationAtOnce() {
        List<FlushDrama> broken = new ArrayList<>();
        broken.add(null);
        broken.add(new FlushDrama(ref(1), "a"));
        broken.add(new FlushDrama(ref(1), "b"));

        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> FlushSet.of(broken));
        violation(e, Rule.NONE, "list[0]", "required");
        violation(e, Rule.R33, "list[2]", "once");

        InvalidRequestException m = assertThrows(InvalidRequestException.class, () -> new DramaMonetization(null, null, null));
        assertEquals(3, m.violations().size());

        InvalidRequestException p = assertThrows(InvalidRequestException.class, () -> new DramaPublication(ref(1), " ", null));
        violation(p, Rule.NONE, "drama_name", "blank");
        violation(p, Rule.R33, "publish_time", "required");
    }

    @Test
    void shownNames_whenTheyCarryControlCharacters_rejectWithT1() {
        assertRejected(Rule.T1, "drama_name", "control", () -> new FlushDrama(ref(1), "bad\u001b[2Jname"));
        assertRejected(Rule.T1, "drama_name", "control", () -> new DramaPublication(ref(1), "bad\u202ename", Instant.ofEpochSecond(1)));
    }
}
