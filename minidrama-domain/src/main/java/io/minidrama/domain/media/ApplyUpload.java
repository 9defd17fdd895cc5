package io.minidrama.domain.media;

import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;
import io.minidrama.domain.internal.NullSetters;
import io.minidrama.domain.internal.Violations;

import java.util.Optional;

/**
 * An {@code applyupload} request that opens a chunked upload. Giving a cover format means the
 * commit must carry cover parts.
 */
public final class ApplyUpload {
    private final MediaName name;
    private final VideoFormat format;
    private final CoverFormat coverFormat;
    private final String sourceContext;

    private ApplyUpload(MediaName name, VideoFormat format, CoverFormat coverFormat, String sourceContext) {
        Violations v = Violations.start();
        v.require(name, "media_name", Rule.R1);
        if (v.require(format, "media_type", Rule.R2)) {
            v.check(format.uploadable(), "media_type", Rule.R2, format.wire(), "m3u8 is accepted only by pull upload");
        }
        SingleFileUpload.checkSourceContext(v, sourceContext);
        v.throwIfAny();
        this.name = name;
        this.format = format;
        this.coverFormat = coverFormat;
        this.sourceContext = sourceContext == null ? "" : sourceContext;
    }

    /**
     * A chunked upload of a video without a separate cover.
     *
     * @throws InvalidRequestException listing every broken rule
     */
    public static ApplyUpload of(MediaName name, VideoFormat format) {
        return new ApplyUpload(name, format, null, null);
    }

    /** This request with a cover of the given format, uploaded as cover parts. */
    public ApplyUpload withCover(CoverFormat coverFormat) {
        return new ApplyUpload(name, format, NullSetters.nonNull(coverFormat, "cover_type"), sourceContext);
    }

    /** This request with a source context, passed through to the upload event. */
    public ApplyUpload withSourceContext(String sourceContext) {
        return new ApplyUpload(name, format, coverFormat, NullSetters.nonNull(sourceContext, "source_context"));
    }

    /** The episode name. */
    public MediaName name() {
        return name;
    }

    /** The video format. */
    public VideoFormat format() {
        return format;
    }

    /** The cover format, when cover parts will be uploaded. */
    public Optional<CoverFormat> coverFormat() {
        return Optional.ofNullable(coverFormat);
    }

    /** The source context (empty when not sent). */
    public String sourceContext() {
        return sourceContext;
    }

    @Override
    public String toString() {
        return "ApplyUpload[" + name + ", " + format.wire() + (coverFormat == null ? "" : ", cover " + coverFormat.wire()) + "]";
    }
}
