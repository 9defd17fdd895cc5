package io.minidrama.domain.media;

import io.minidrama.domain.MediaId;
import io.minidrama.domain.error.Rule;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;

import static io.minidrama.domain.RuleAssertions.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlayLinkRequestTest {
    private static final Instant NOW = Instant.parse("2025-03-01T08:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final MediaId MEDIA = MediaId.of(123);

    private static PlayLinkRequest.Builder link() {
        return PlayLinkRequest.builder(MEDIA).expiresIn(Duration.ofHours(1));
    }

    @Nested
    @DisplayName("R-9: t is in the future and at most 2 hours from now")
    class R9Expiry {

        @Test
        void build_whenExpiryExactlyTwoHoursAway_acceptsR9() {
            PlayLinkRequest r = PlayLinkRequest.builder(MEDIA).expiresAt(NOW.plus(Duration.ofHours(2))).build(CLOCK);

            assertEquals(NOW.plusSeconds(7200), r.expiry());
        }

        @Test
        void build_whenExpiryMoreThanTwoHoursAway_rejectsWithR9() {
            assertRejected(Rule.R9, "t", "at most 2 hours from now",
                    () -> PlayLinkRequest.builder(MEDIA).expiresAt(NOW.plusSeconds(7201)).build(CLOCK));
        }

        @Test
        void build_whenExpiryOneSecondAway_acceptsR9() {
            assertEquals(NOW.plusSeconds(1), PlayLinkRequest.builder(MEDIA).expiresAt(NOW.plusSeconds(1)).build(CLOCK).expiry());
        }

        @Test
        void build_whenExpiryIsNow_rejectsWithR9() {
            assertRejected(Rule.R9, "t", "must be in the future", () -> PlayLinkRequest.builder(MEDIA).expiresAt(NOW).build(CLOCK));
        }

        @Test
        void build_whenExpiryInThePast_rejectsWithR9() {
            var e = assertRejected(Rule.R9, "t", "must be in the future",
                    () -> PlayLinkRequest.builder(MEDIA).expiresAt(NOW.minusSeconds(60)).build(CLOCK));
            assertEquals(Long.toString(NOW.getEpochSecond() - 60), e.violations().get(0).rejected());
        }

        @Test
        void build_whenLifetimeTwoHours_expiresTwoHoursAfterTheClocksNowR9() {
            assertEquals(NOW.plusSeconds(7200), PlayLinkRequest.builder(MEDIA).expiresIn(Duration.ofHours(2)).build(CLOCK).expiry());
        }

        @Test
        void build_whenLifetimeTwoHoursAndOneSecond_rejectsWithR9() {
            assertRejected(Rule.R9, "t", "at most 2 hours",
                    () -> PlayLinkRequest.builder(MEDIA).expiresIn(Duration.ofHours(2).plusSeconds(1)).build(CLOCK));
        }

        @Test
        void build_whenNoExpiry_rejectsWithR9() {
            assertRejected(Rule.R9, "t", "required", () -> PlayLinkRequest.builder(MEDIA).build(CLOCK));
        }

        @Test
        void build_whenClockMovesOn_sameExpiryIsJudgedAgainstTheNewNow() {
            Instant expiry = NOW.plusSeconds(3600);
            Clock later = Clock.offset(CLOCK, Duration.ofHours(2));

            assertEquals(expiry, PlayLinkRequest.builder(MEDIA).expiresAt(expiry).build(CLOCK).expiry());
            assertRejected(Rule.R9, "t", "future", () -> PlayLinkRequest.builder(MEDIA).expiresAt(expiry).build(later));
        }
    }

    @Nested
    @DisplayName("R-10: rlimit is 1..9 when set")
    class R10Rlimit {

        @ParameterizedTest(name = "rlimit {0}")
        @ValueSource(ints = {1, 3, 9})
        void build_whenRlimitIn1To9_acceptsR10(int rlimit) {
            assertEquals(OptionalInt.of(rlimit), link().rlimit(rlimit).build(CLOCK).rlimit());
        }

        @ParameterizedTest(name = "rlimit {0}")
        @ValueSource(ints = {0, 10, -1})
        void build_whenRlimitOutside1To9_rejectsWithR10(int rlimit) {
            assertRejected(Rule.R10, "rlimit", "rlimit is 1..9", () -> link().rlimit(rlimit).build(CLOCK));
        }

        @Test
        void build_whenRlimitNotSet_isEmpty() {
            assertTrue(link().build(CLOCK).rlimit().isEmpty());
        }
    }

    @Nested
    @DisplayName("R-11: whref/bkref 1..10 domains, no scheme, *.abc.com wildcards")
    class R11Referers {

        private List<String> domains(int n) {
            return java.util.stream.IntStream.rangeClosed(1, n).mapToObj(i -> "d" + i + ".example.com").toList();
        }

        @Test
        void build_whenTenDomains_acceptsR11() {
            PlayLinkRequest r = link().whref(domains(10)).bkref(domains(10)).build(CLOCK);

            assertEquals(10, r.whref().size());
            assertEquals(10, r.bkref().size());
        }

        @Test
        void build_whenElevenWhrefDomains_rejectsWithR11() {
            assertRejected(Rule.R11, "whref", "takes 1..10 domains", () -> link().whref(domains(11)).build(CLOCK));
        }

        @Test
        void build_whenElevenBkrefDomains_rejectsWithR11() {
            assertRejected(Rule.R11, "bkref", "takes 1..10 domains", () -> link().bkref(domains(11)).build(CLOCK));
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"*.abc.com", "abc.com", "www.abc.com/path/", "abc.com:8080", "a-b.example.cn"})
        void build_whenDomainWithoutScheme_acceptsR11(String domain) {
            assertEquals(List.of(domain), link().whref(List.of(domain)).build(CLOCK).whref());
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"https://abc.com", "http://*.abc.com", "ftp://abc.com"})
        void build_whenDomainHasScheme_rejectsWithR11(String domain) {
            assertRejected(Rule.R11, "whref[0]", "without scheme", () -> link().whref(List.of(domain)).build(CLOCK));
        }

        @ParameterizedTest(name = "''{0}''")
        @ValueSource(strings = {"a.com,b.com", "abc .com", "", "-abc.com", "*abc.com", "abc.*.com"})
        void build_whenDomainMalformed_rejectsWithR11(String domain) {
            assertRejected(Rule.R11, "bkref[0]", "no scheme, no spaces or commas", () -> link().bkref(List.of(domain)).build(CLOCK));
        }

        @Test
        void build_whenNoDomains_hasNoRestriction() {
            assertEquals(Collections.emptyList(), link().build(CLOCK).whref());
        }
    }

    @Nested
    @DisplayName("R-12: expr > 0 and <= the video's duration")
    class R12Preview {

        @Test
        void build_whenPreviewEqualsDuration_acceptsR12() {
            assertEquals(OptionalInt.of(120), link().previewSeconds(120).knownDuration(Duration.ofSeconds(120)).build(CLOCK).previewSeconds());
        }

        @Test
        void build_whenPreviewLongerThanDuration_rejectsWithR12() {
            assertRejected(Rule.R12, "expr", "at most the video's duration (120 s)",
                    () -> link().previewSeconds(121).knownDuration(Duration.ofSeconds(120)).build(CLOCK));
        }

        @Test
        void build_whenPreviewZeroOrNegative_rejectsWithR12() {
            assertRejected(Rule.R12, "expr", "more than 0 seconds", () -> link().previewSeconds(0).build(CLOCK));
            assertRejected(Rule.R12, "expr", "more than 0 seconds", () -> link().previewSeconds(-5).build(CLOCK));
        }

        @Test
        void build_whenDurationUnknown_acceptsAnyPositivePreviewR12() {
            assertEquals(OptionalInt.of(100_000), link().previewSeconds(100_000).build(CLOCK).previewSeconds());
            assertEquals(OptionalInt.of(500), link().previewSeconds(500).knownDuration(Duration.ZERO).build(CLOCK).previewSeconds());
        }
    }

    @Nested
    @DisplayName("R-13: us is short and URL-safe")
    class R13ChannelTag {

        @ParameterizedTest(name = "''{0}''")
        @ValueSource(strings = {"wx", "channel_01", "a.b-c~d", "abcdefghijklmnopqrstuvwxyz012345"})
        void build_whenTagUrlSafeAndShort_acceptsR13(String us) {
            assertEquals(us, link().us(us).build(CLOCK).us().orElseThrow());
        }

        @ParameterizedTest(name = "''{0}''")
        @ValueSource(strings = {"", "has space", "渠道", "a/b", "a&b=c", "a%20", "abcdefghijklmnopqrstuvwxyz0123456"})
        void build_whenTagEmptyLongOrNotUrlSafe_rejectsWithR13(String us) {
            assertRejected(Rule.R13, "us", "URL-safe characters", () -> link().us(us).build(CLOCK));
        }
    }
}
