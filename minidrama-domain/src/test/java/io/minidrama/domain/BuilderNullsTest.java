package io.minidrama.domain;

import io.minidrama.domain.authz.AuthzPage;
import io.minidrama.domain.authz.CopyrightGrantQuery;
import io.minidrama.domain.authz.CopyrightReceivedQuery;
import io.minidrama.domain.authz.DramaAuthorization;
import io.minidrama.domain.authz.Expiry;
import io.minidrama.domain.authz.GrantedDramasQuery;
import io.minidrama.domain.authz.ReceivedDramasQuery;
import io.minidrama.domain.drama.Actor;
import io.minidrama.domain.drama.Copyright;
import io.minidrama.domain.drama.DramaInfoChange;
import io.minidrama.domain.drama.DramaType;
import io.minidrama.domain.drama.FirstSubmission;
import io.minidrama.domain.drama.MediaReplacement;
import io.minidrama.domain.drama.Qualification;
import io.minidrama.domain.drama.Resubmission;
import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;
import io.minidrama.domain.error.RuleViolation;
import io.minidrama.domain.media.ApplyUpload;
import io.minidrama.domain.media.ByteSource;
import io.minidrama.domain.media.CoverFormat;
import io.minidrama.domain.media.MediaName;
import io.minidrama.domain.media.MediaQuery;
import io.minidrama.domain.media.PlayLinkRequest;
import io.minidrama.domain.media.PullUpload;
import io.minidrama.domain.media.SingleFileUpload;
import io.minidrama.domain.media.VideoFormat;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.minidrama.domain.RuleAssertions.assertRejected;
import static io.minidrama.domain.RuleAssertions.violation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Every setter of every request builder treats {@code null} the same way: the setter returns, and
 * {@code build()} reports it with the other violations, a required value as missing under its own
 * rule, an optional one as {@link RuleViolation#givenNull} ({@link Rule#NONE}). Immutable
 * values refined by {@code with...} methods report the same violation at once. Never a
 * {@link NullPointerException}.
 */
@DisplayName("A null given to any builder setter is a violation at build(), never an NPE")
class BuilderNullsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T08:00:00Z"), ZoneOffset.UTC);
    private static final String REQUIRED = "required";
    private static final String GIVEN_NULL = "was set to null; leave the setter out";

    /** A few bytes of content; only their size matters here. */
    record Bytes(long size) implements ByteSource {
        @Override
        public String fileName() {
            return "a.bin";
        }

        @Override
        public InputStream openStream() {
            return new ByteArrayInputStream(new byte[(int) size]);
        }
    }

    /** One setter given null on an otherwise valid builder, and the violation build() must report. */
    record Case(Runnable buildWithNull, Rule rule, String field, String messagePart) {
    }

    private static Arguments the(String setter, Runnable buildWithNull, Rule rule, String field, String messagePart) {
        return Arguments.of(Named.of(setter, new Case(buildWithNull, rule, field, messagePart)));
    }

    private static Runnable first(Consumer<FirstSubmission.Builder> setNull) {
        return () -> {
            FirstSubmission.Builder b = validFirst();
            setNull.accept(b);
            b.build();
        };
    }

    static FirstSubmission.Builder validFirst() {
        return FirstSubmission.builder()
                .name("我的短剧")
                .mediaIds(List.of(MediaId.of(1001), MediaId.of(1002)))
                .producer("某某影视有限公司")
                .description("一个关于梦想的故事")
                .coverMaterialId(MaterialId.of("cover-1"))
                .qualification(new Qualification.Licensed("(沪)网剧审字(2023)第001号", MaterialId.of("cert-1")))
                .dramaType(DramaType.ANIMATED)
                .copyright(Copyright.withoutProtection(Copyright.Role.PRODUCER))
                .authorizedMaterialId(MaterialId.of("auth-1"));
    }

    private static Runnable resubmission(Consumer<Resubmission.Builder> setNull) {
        return () -> {
            Resubmission.Builder b = Resubmission.builder(DramaId.of(9001)).description("新的简介");
            setNull.accept(b);
            b.build();
        };
    }

    private static Runnable infoChange(Consumer<DramaInfoChange.Builder> setNull) {
        return () -> {
            DramaInfoChange.Builder b = DramaInfoChange.builder(DramaId.of(9001)).description("新的简介");
            setNull.accept(b);
            b.build();
        };
    }

    private static Runnable singleFile(Consumer<SingleFileUpload.Builder> setNull) {
        return () -> {
            SingleFileUpload.Builder b = SingleFileUpload.builder().name(MediaName.of("我的短剧", 1)).format(VideoFormat.MP4)
                    .video(new Bytes(3));
            setNull.accept(b);
            b.build();
        };
    }

    private static Runnable pull(Consumer<PullUpload.Builder> setNull) {
        return () -> {
            PullUpload.Builder b = PullUpload.builder().name(MediaName.of("我的短剧", 1)).mediaUrl("https://cdn.example.com/1.mp4");
            setNull.accept(b);
            b.build();
        };
    }

    private static Runnable query(Consumer<MediaQuery.Builder> setNull) {
        return () -> {
            MediaQuery.Builder b = MediaQuery.builder().nameFuzzy("我的短剧");
            setNull.accept(b);
            b.build();
        };
    }

    private static Runnable link(Consumer<PlayLinkRequest.Builder> setNull) {
        return () -> {
            PlayLinkRequest.Builder b = PlayLinkRequest.builder(MediaId.of(1)).expiresIn(Duration.ofHours(1));
            setNull.accept(b);
            b.build(CLOCK);
        };
    }

    static Stream<Arguments> nullSetters() {
        List<Actor> actorsWithANull = Arrays.asList(new Actor("张三", MaterialId.of("p-1"), "主角", "简介"), null);
        return Stream.of(
                the("FirstSubmission.name", first(b -> b.name(null)), Rule.R14, "name", REQUIRED),
                the("FirstSubmission.mediaIds", first(b -> b.mediaIds(null)), Rule.R14, "media_id_list", REQUIRED),
                the("FirstSubmission.mediaIds element", first(b -> b.mediaIds(Arrays.asList(MediaId.of(1), null))), Rule.R14,
                        "media_id_list[1]", REQUIRED),
                the("FirstSubmission.producer", first(b -> b.producer(null)), Rule.R14, "producer", REQUIRED),
                the("FirstSubmission.description", first(b -> b.description(null)), Rule.R14, "description", REQUIRED),
                the("FirstSubmission.coverMaterialId", first(b -> b.coverMaterialId(null)), Rule.R14, "cover_material_id", REQUIRED),
                the("FirstSubmission.qualification", first(b -> b.qualification(null)), Rule.R15, "qualification", "choose one qualification"),
                the("FirstSubmission.authorizedMaterialId", first(b -> b.authorizedMaterialId(null)), Rule.NONE, "authorized_material_id", GIVEN_NULL),
                the("FirstSubmission.recommendations", first(b -> b.recommendations(null)), Rule.NONE, "recommendations", GIVEN_NULL),
                the("FirstSubmission.promotionPosterMaterialId", first(b -> b.promotionPosterMaterialId(null)), Rule.NONE,
                        "promotion_poster_material_id", GIVEN_NULL),
                the("FirstSubmission.dramaType", first(b -> b.dramaType(null)), Rule.NONE, "drama_type", GIVEN_NULL),
                the("FirstSubmission.actors", first(b -> b.actors(null)), Rule.NONE, "actor_list", GIVEN_NULL),
                the("FirstSubmission.actors element", first(b -> b.dramaType(DramaType.LIVE_ACTION).actors(actorsWithANull)), Rule.S6_1,
                        "actor_list[1]", REQUIRED),
                the("FirstSubmission.copyright", first(b -> b.copyright(null)), Rule.NONE, "copyright", GIVEN_NULL),
                the("FirstSubmission.otherMaterialId", first(b -> b.otherMaterialId(null)), Rule.NONE, "other_material_material_id", GIVEN_NULL),
                the("FirstSubmission.aiSoftwareOwnershipProof", first(b -> b.aiSoftwareOwnershipProof(null)), Rule.NONE,
                        "ai_software_ownership_proof", GIVEN_NULL),
                the("FirstSubmission.otherPlatformPublicationProof", first(b -> b.otherPlatformPublicationProof(null)), Rule.NONE,
                        "other_platform_publication_proof", GIVEN_NULL),

                the("Resubmission.builder", () -> Resubmission.builder(null).name("我的短剧").build(), Rule.R18, "drama_id", "drama_id"),
                the("Resubmission.name", resubmission(b -> b.name(null)), Rule.NONE, "name", GIVEN_NULL),
                the("Resubmission.mediaIds", resubmission(b -> b.mediaIds(null)), Rule.NONE, "media_id_list", GIVEN_NULL),
                the("Resubmission.mediaIds element", resubmission(b -> b.mediaIds(Arrays.asList(null, MediaId.of(2)))), Rule.R14,
                        "media_id_list[0]", REQUIRED),
                the("Resubmission.producer", resubmission(b -> b.producer(null)), Rule.NONE, "producer", GIVEN_NULL),
                the("Resubmission.description", resubmission(b -> b.description(null)), Rule.NONE, "description", GIVEN_NULL),
                the("Resubmission.coverMaterialId", resubmission(b -> b.coverMaterialId(null)), Rule.NONE, "cover_material_id", GIVEN_NULL),
                the("Resubmission.qualification", resubmission(b -> b.qualification(null)), Rule.NONE, "qualification", GIVEN_NULL),
                the("Resubmission.authorizedMaterialId", resubmission(b -> b.authorizedMaterialId(null)), Rule.NONE, "authorized_material_id",
                        GIVEN_NULL),
                the("Resubmission.replacements", resubmission(b -> b.replacements(null)), Rule.NONE, "replace_media_list", GIVEN_NULL),
                the("Resubmission.replacements element",
                        resubmission(b -> b.replacements(Arrays.asList(new MediaReplacement(MediaId.of(1), MediaId.of(2)), null))), Rule.R18,
                        "replace_media_list[1]", REQUIRED),

                the("DramaInfoChange.builder", () -> DramaInfoChange.builder(null).description("新的简介").build(), Rule.R28, "drama_id", REQUIRED),
                the("DramaInfoChange.description", infoChange(b -> b.description(null)), Rule.NONE, "description", GIVEN_NULL),
                the("DramaInfoChange.coverMaterialId", infoChange(b -> b.coverMaterialId(null)), Rule.NONE, "cover_material_id", GIVEN_NULL),
                the("DramaInfoChange.recommendations", infoChange(b -> b.recommendations(null)), Rule.NONE, "recommendations", GIVEN_NULL),
                the("DramaInfoChange.promotionPosterMaterialId", infoChange(b -> b.promotionPosterMaterialId(null)), Rule.NONE,
                        "promotion_poster_material_id", GIVEN_NULL),
                the("DramaInfoChange.alternateName", infoChange(b -> b.alternateName(null)), Rule.NONE, "alternate_name", GIVEN_NULL),
                the("DramaInfoChange.actors", infoChange(b -> b.actors(null)), Rule.NONE, "actor_list", GIVEN_NULL),
                the("DramaInfoChange.actors element", infoChange(b -> b.actors(actorsWithANull)), Rule.R28, "actor_list[1]", REQUIRED),
                the("DramaInfoChange.qualification", infoChange(b -> b.qualification(null)), Rule.NONE, "qualification_type", GIVEN_NULL),
                the("DramaInfoChange.otherMaterialId", infoChange(b -> b.otherMaterialId(null)), Rule.NONE, "other_material_material_id",
                        GIVEN_NULL),
                the("DramaInfoChange.producer", infoChange(b -> b.producer(null)), Rule.NONE, "producer", GIVEN_NULL),
                the("DramaInfoChange.copyright", infoChange(b -> b.copyright(null)), Rule.NONE, "copyright", GIVEN_NULL),

                the("SingleFileUpload.name", singleFile(b -> b.name(null)), Rule.R1, "media_name", REQUIRED),
                the("SingleFileUpload.format", singleFile(b -> b.format(null)), Rule.R2, "media_type", REQUIRED),
                the("SingleFileUpload.video", singleFile(b -> b.video(null)), Rule.NONE, "media_data", REQUIRED),
                the("SingleFileUpload.cover format", singleFile(b -> b.cover(null, new Bytes(1))), Rule.NONE, "cover_type",
                        GIVEN_NULL),
                the("SingleFileUpload.cover content", singleFile(b -> b.cover(CoverFormat.JPG, null)), Rule.NONE, "cover_data", GIVEN_NULL),
                the("SingleFileUpload.sourceContext", singleFile(b -> b.sourceContext(null)), Rule.NONE, "source_context", GIVEN_NULL),

                the("PullUpload.name", pull(b -> b.name(null)), Rule.R1, "media_name", REQUIRED),
                the("PullUpload.mediaUrl(URI)", pull(b -> b.mediaUrl((URI) null)), Rule.R8, "media_url", REQUIRED),
                the("PullUpload.mediaUrl(String)", pull(b -> b.mediaUrl((String) null)), Rule.R8, "media_url", REQUIRED),
                the("PullUpload.coverUrl(URI)", pull(b -> b.coverUrl((URI) null)), Rule.NONE, "cover_url", GIVEN_NULL),
                the("PullUpload.coverUrl(String)", pull(b -> b.coverUrl((String) null)), Rule.NONE, "cover_url", GIVEN_NULL),
                the("PullUpload.sourceContext", pull(b -> b.sourceContext(null)), Rule.NONE, "source_context", GIVEN_NULL),

                the("MediaQuery.dramaId", query(b -> b.dramaId(null)), Rule.NONE, "drama_id", GIVEN_NULL),
                the("MediaQuery.name", query(b -> b.name(null)), Rule.NONE, "media_name", GIVEN_NULL),
                the("MediaQuery.nameFuzzy", query(b -> b.nameFuzzy(null)), Rule.NONE, "media_name_fuzzy", GIVEN_NULL),
                the("MediaQuery.uploadedWithin", query(b -> b.uploadedWithin(null)), Rule.NONE, "start_time", GIVEN_NULL),
                the("MediaQuery.page", query(b -> b.page(null)), Rule.NONE, "limit", GIVEN_NULL),

                the("PlayLinkRequest.builder", () -> PlayLinkRequest.builder(null).expiresIn(Duration.ofHours(1)).build(CLOCK), Rule.NONE,
                        "media_id", REQUIRED),
                the("PlayLinkRequest.expiresIn", link(b -> b.expiresIn(null)), Rule.R9, "t", REQUIRED),
                the("PlayLinkRequest.expiresAt", link(b -> b.expiresAt(null)), Rule.R9, "t", REQUIRED),
                the("PlayLinkRequest.us", link(b -> b.us(null)), Rule.NONE, "us", GIVEN_NULL),
                the("PlayLinkRequest.whref", link(b -> b.whref(null)), Rule.NONE, "whref", GIVEN_NULL),
                the("PlayLinkRequest.whref element", link(b -> b.whref(Arrays.asList("a.example.com", null))), Rule.R11, "whref[1]", "domain"),
                the("PlayLinkRequest.bkref", link(b -> b.bkref(null)), Rule.NONE, "bkref", GIVEN_NULL),
                the("PlayLinkRequest.bkref element", link(b -> b.bkref(Arrays.asList((String) null))), Rule.R11, "bkref[0]", "domain"),
                the("PlayLinkRequest.knownDuration", link(b -> b.knownDuration(null)), Rule.NONE, "duration", GIVEN_NULL));
    }

    @ParameterizedTest(name = "{0}(null)")
    @MethodSource("nullSetters")
    void setter_whenGivenNull_isReportedAtBuildWithItsFieldAndRule(Case c) {
        assertRejected(c.rule(), c.field(), c.messagePart(), c.buildWithNull()::run);
    }

    /** Immutable values refined by {@code with...}-style methods have no build(): a null there is the same violation, at once. */
    static Stream<Arguments> nullArguments() {
        AppId grantee = AppId.of("wx1234567890abcdef");
        return Stream.of(
                the("ApplyUpload.withCover", () -> ApplyUpload.of(MediaName.of("我的短剧", 1), VideoFormat.MP4).withCover(null), Rule.NONE,
                        "cover_type", GIVEN_NULL),
                the("ApplyUpload.withSourceContext", () -> ApplyUpload.of(MediaName.of("我的短剧", 1), VideoFormat.MP4).withSourceContext(null),
                        Rule.NONE, "source_context", GIVEN_NULL),
                the("GrantedDramasQuery.all", () -> GrantedDramasQuery.all(null), Rule.R25, "limit", REQUIRED),
                the("GrantedDramasQuery.forDrama", () -> GrantedDramasQuery.all(AuthzPage.first()).forDrama(null), Rule.NONE, "drama_id",
                        GIVEN_NULL),
                the("GrantedDramasQuery.forGrantee", () -> GrantedDramasQuery.all(AuthzPage.first()).forGrantee(null), Rule.NONE,
                        "authorized_appid", GIVEN_NULL),
                the("CopyrightGrantQuery.all", () -> CopyrightGrantQuery.all(null), Rule.R25, "limit", REQUIRED),
                the("CopyrightGrantQuery.to", () -> CopyrightGrantQuery.all(AuthzPage.first()).to(null), Rule.NONE, "authorization_type",
                        GIVEN_NULL),
                the("CopyrightGrantQuery.forDrama", () -> CopyrightGrantQuery.all(AuthzPage.first()).forDrama(null), Rule.NONE, "drama_id",
                        GIVEN_NULL),
                the("ReceivedDramasQuery.all", () -> ReceivedDramasQuery.all(null), Rule.R25, "limit", REQUIRED),
                the("ReceivedDramasQuery.from", () -> ReceivedDramasQuery.all(AuthzPage.first()).from(null), Rule.NONE, "authorizer_appid",
                        GIVEN_NULL),
                the("CopyrightReceivedQuery.all", () -> CopyrightReceivedQuery.all(null), Rule.R25, "limit", REQUIRED),
                the("CopyrightReceivedQuery.from", () -> CopyrightReceivedQuery.all(AuthzPage.first()).from(null), Rule.NONE,
                        "authorizer_appid", GIVEN_NULL),
                the("DramaAuthorization.of", () -> DramaAuthorization.of(null, List.of(DramaId.of(1)), Expiry.PERMANENT), Rule.NONE,
                        "authorized_appid", REQUIRED),
                the("DramaAuthorization.of grantee", () -> DramaAuthorization.of(grantee, null, Expiry.PERMANENT), Rule.NONE, "drama_id",
                        "at least one"));
    }

    @ParameterizedTest(name = "{0}(null)")
    @MethodSource("nullArguments")
    void withMethod_whenGivenNull_throwsTheViolationAtOnce(Case c) {
        assertRejected(c.rule(), c.field(), c.messagePart(), c.buildWithNull()::run);
    }

    @Test
    void build_whenOneSetterGivenNullAndAnotherRuleBroken_listsBothInOneException() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> validFirst().recommendations(null).description("长".repeat(201)).build());

        assertEquals(2, e.violations().size(), e.violations()::toString);
        violation(e, Rule.NONE, "recommendations", GIVEN_NULL);
        violation(e, Rule.S6_1, "description", "at most 200");
    }

    @Test
    void setter_whenGivenNullThenAValue_theLastCallWins() {
        FirstSubmission s = validFirst().recommendations(null).recommendations("好看").build();

        assertEquals("好看", s.recommendations());
    }

    @Test
    void givenNull_namesTheFieldRuleNoneAndTheFix() {
        RuleViolation v = RuleViolation.givenNull("us");

        assertEquals("us", v.field());
        assertEquals(Rule.NONE, v.rule());
        assertEquals(RuleViolation.ABSENT, v.rejected());
        assertEquals("us was set to null; leave the setter out when there is no us to send", v.message());
    }
}
