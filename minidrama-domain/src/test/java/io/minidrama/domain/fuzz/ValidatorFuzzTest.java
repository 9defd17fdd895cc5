package io.minidrama.domain.fuzz;

import io.minidrama.domain.AppId;
import io.minidrama.domain.Etag;
import io.minidrama.domain.MaterialId;
import io.minidrama.domain.PageRequest;
import io.minidrama.domain.UploadId;
import io.minidrama.domain.authz.UnifiedSocialCreditCode;
import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.media.CoverFormat;
import io.minidrama.domain.media.MediaName;
import io.minidrama.domain.media.MediaQuery;
import io.minidrama.domain.media.VideoFormat;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.function.Supplier;

/** Any input to a domain validator gives a value or an {@link InvalidRequestException}: never NPE, IAE, NFE or another exception. */
class ValidatorFuzzTest {

    private static void valueOrInvalid(String what, Object input, Supplier<?> call) {
        try {
            call.get();
        } catch (InvalidRequestException expected) {
            // a rule violation, reported as such
        } catch (RuntimeException e) {
            throw new AssertionError(what + "(" + input + ") threw " + e, e);
        }
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> nameLike = Arbitraries.strings().withChars("剧第集 -0123456789%*.,abcXYZ\t\n").ofMaxLength(30);
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(25);
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(60), nameLike, digits,
                digits.map(d -> "我的短剧 - 第" + d + "集"), digits.map(d -> "剧 - 第-" + d + "集"),
                Arbitraries.just(null), Arbitraries.of("", " ", "MP4", "mp4", "m3u8", "JPG", "-0", "第0集"));
    }

    @Property(tries = 3000)
    void parsers_anyText_giveAValueOrInvalidRequest(@ForAll("texts") String text) {
        valueOrInvalid("MediaName.parse", text, () -> MediaName.parse(text));
        valueOrInvalid("VideoFormat.parse", text, () -> VideoFormat.parse(text));
        valueOrInvalid("CoverFormat.parse", text, () -> CoverFormat.parse(text));
        valueOrInvalid("UploadId.of", text, () -> UploadId.of(text));
        valueOrInvalid("Etag.of", text, () -> Etag.of(text));
        valueOrInvalid("MaterialId.of", text, () -> MaterialId.of(text));
        valueOrInvalid("AppId.of", text, () -> AppId.of(text));
        valueOrInvalid("UnifiedSocialCreditCode.of", text, () -> UnifiedSocialCreditCode.of(text));
        valueOrInvalid("MediaQuery.name", text, () -> MediaQuery.builder().name(text).build()); // null too: reported at build()
        valueOrInvalid("MediaQuery.nameFuzzy", text, () -> MediaQuery.builder().nameFuzzy(text).build());
    }

    @Property(tries = 2000)
    void builders_anyNumbers_giveAValueOrInvalidRequest(@ForAll("texts") String drama, @ForAll int episode, @ForAll int offset,
                                                         @ForAll int limit) {
        valueOrInvalid("MediaName.of", drama + "/" + episode, () -> MediaName.of(drama, episode));
        valueOrInvalid("PageRequest.of", offset + "/" + limit, () -> PageRequest.of(offset, limit));
    }
}
