package io.minidrama.domain.player;

import io.minidrama.domain.AppId;
import io.minidrama.domain.DramaId;
import io.minidrama.domain.error.Rule;
import io.minidrama.domain.internal.Violations;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A drama as the drama-player operations ({@code /wxadrama/*}, API.md §8) name it:
 * {@code {src_appid, drama_id}}, the mini program that submitted the drama and the drama's id.
 *
 * <p>On these operations {@code drama_id} is a JSON <b>string</b> of decimal digits, while
 * {@code /wxa/sec/vod/*} sends it as a JSON number ({@link DramaId}). The two convert through the
 * decimal text ({@link #of(AppId, DramaId)}, {@link #toDramaId()}), never through a floating-point
 * number, so every 64-bit id survives. The canonical form has no sign, no leading zero and is at
 * most {@link Long#MAX_VALUE}.
 *
 * <p>R-30: a reference built for a request ({@link #of}, {@link #parse}) has an appid-form
 * {@code src_appid} ({@code wx} and 16 letters or digits). A reference read back from the platform
 * ({@link #reported}) keeps whatever non-blank {@code src_appid} the platform sent: the official
 * response examples carry placeholders such as {@code example_src_appid}.
 */
public final class DramaRef {
    private static final Pattern DECIMAL = Pattern.compile("[1-9][0-9]{0,18}");
    private static final Pattern APPID = Pattern.compile("wx[0-9A-Za-z]{16}");

    private final String srcAppId;
    private final String dramaId;

    private DramaRef(String srcAppId, String dramaId) {
        this.srcAppId = srcAppId;
        this.dramaId = dramaId;
    }

    /** The drama {@code dramaId} (decimal text) submitted by {@code srcAppId}. */
    public static DramaRef of(AppId srcAppId, String dramaId) {
        return parse(srcAppId == null ? null : srcAppId.value(), dramaId);
    }

    /** The drama {@code dramaId} (the {@code /wxa/sec/vod} numeric id) submitted by {@code srcAppId}. */
    public static DramaRef of(AppId srcAppId, DramaId dramaId) {
        return parse(srcAppId == null ? null : srcAppId.value(), dramaId == null ? null : Long.toString(dramaId.value()));
    }

    /**
     * A reference from text, checked by R-30; one exception lists both fields when both are wrong.
     *
     * @throws io.minidrama.domain.error.InvalidRequestException (R-30) when {@code srcAppId} is
     *         not an appid or {@code dramaId} is not a canonical positive 64-bit decimal
     */
    public static DramaRef parse(String srcAppId, String dramaId) {
        Violations v = Violations.start();
        v.check(srcAppId != null && APPID.matcher(srcAppId).matches(), "src_appid", Rule.R30, srcAppId,
                "src_appid is the appid of the mini program that submitted the drama: 'wx' followed by 16 letters or digits");
        checkDramaId(v, dramaId);
        v.throwIfAny();
        return new DramaRef(srcAppId, dramaId);
    }

    /**
     * A reference as the platform reports it in a response: {@code srcAppId} non-blank (its form
     * is not checked), {@code dramaId} a canonical positive 64-bit decimal.
     *
     * @throws io.minidrama.domain.error.InvalidRequestException (R-30) otherwise
     */
    public static DramaRef reported(String srcAppId, String dramaId) {
        Violations v = Violations.start();
        v.check(srcAppId != null && !srcAppId.isBlank(), "src_appid", Rule.R30, srcAppId, "src_appid must not be empty");
        checkDramaId(v, dramaId);
        v.throwIfAny();
        return new DramaRef(srcAppId, dramaId);
    }

    private static void checkDramaId(Violations v, String dramaId) {
        boolean ok = dramaId != null && DECIMAL.matcher(dramaId).matches() && fitsLong(dramaId);
        v.check(ok, "drama_id", Rule.R30, dramaId,
                "drama_id is the drama's id as decimal digits without sign or leading zero, at most " + Long.MAX_VALUE);
    }

    private static boolean fitsLong(String digits) {
        return digits.length() < 19 || digits.compareTo(Long.toString(Long.MAX_VALUE)) <= 0;
    }

    /** {@code src_appid}: the mini program that submitted the drama. */
    public String srcAppId() {
        return srcAppId;
    }

    /** {@code drama_id} as sent on {@code /wxadrama/*}: the decimal text. */
    public String dramaId() {
        return dramaId;
    }

    /** The same drama's id as {@code /wxa/sec/vod/*} uses it, parsed from the decimal text (never a double). */
    public DramaId toDramaId() {
        return DramaId.of(Long.parseLong(dramaId));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DramaRef r && srcAppId.equals(r.srcAppId) && dramaId.equals(r.dramaId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(srcAppId, dramaId);
    }

    @Override
    public String toString() {
        return srcAppId + "/" + dramaId;
    }
}
