package io.minidrama.domain.media;

import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;
import io.minidrama.domain.internal.NullSetters;
import io.minidrama.domain.internal.Violations;

import java.util.Optional;

/**
 * A {@code singlefileupload} request: a small video (under 10 MB, R-4) and an optional cover.
 * Without a cover the platform takes the video's first frame.
 */
public final class SingleFileUpload {
    private final MediaName name;
    private final VideoFormat format;
    private final ByteSource video;
    private final CoverFormat coverFormat;
    private final ByteSource cover;
    private final String sourceContext;

    private SingleFileUpload(Builder b) {
        Violations v = Violations.start();
        v.require(b.name, "media_name", Rule.R1);
        if (v.require(b.format, "media_type", Rule.R2)) {
            v.check(b.format.uploadable(), "media_type", Rule.R2, b.format.wire(), "m3u8 is accepted only by pull upload");
        }
        if (v.require(b.video, "media_data", Rule.NONE)) {
            v.check(b.video.size() > 0, "media_data", Rule.R4, b.video.size(), "the video must not be empty");
            v.check(b.video.size() < UploadLimits.SINGLE_UPLOAD_MAX_EXCLUSIVE, "media_data", Rule.R4, b.video.size() + " bytes",
                    "single-file upload takes videos under 10 MB (10485760 bytes); use chunked upload for larger files");
        }
        v.check((b.coverFormat == null) == (b.cover == null), "cover_type", Rule.R3, b.coverFormat,
                "cover_type and cover_data go together: give both or neither");
        if (b.cover != null) {
            v.check(b.cover.size() > 0 && b.cover.size() <= UploadLimits.COVER_MAX, "cover_data", Rule.R5, b.cover.size() + " bytes",
                    "a cover is 1 byte .. 10 MB");
        }
        checkSourceContext(v, b.sourceContext);
        b.nulls.reportTo(v);
        v.throwIfAny();
        this.name = b.name;
        this.format = b.format;
        this.video = b.video;
        this.coverFormat = b.coverFormat;
        this.cover = b.cover;
        this.sourceContext = b.sourceContext == null ? "" : b.sourceContext;
    }

    static void checkSourceContext(Violations v, String sourceContext) {
        if (sourceContext != null) {
            v.check(sourceContext.length() <= 256, "source_context", Rule.NONE, sourceContext.length() + " characters",
                    "source_context is passed through to the upload event; keep it at most 256 characters");
        }
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The episode name. */
    public MediaName name() {
        return name;
    }

    /** The video's format. */
    public VideoFormat format() {
        return format;
    }

    /** The video content. */
    public ByteSource video() {
        return video;
    }

    /** The cover's format, when a cover is sent. */
    public Optional<CoverFormat> coverFormat() {
        return Optional.ofNullable(coverFormat);
    }

    /** The cover content, when a cover is sent. */
    public Optional<ByteSource> cover() {
        return Optional.ofNullable(cover);
    }

    /** The source context passed through to the upload event (empty when not sent). */
    public String sourceContext() {
        return sourceContext;
    }

    @Override
    public String toString() {
        return "SingleFileUpload[" + name + ", " + format.wire() + ", " + video.size() + " bytes"
                + (cover == null ? "" : ", cover " + coverFormat.wire() + " " + cover.size() + " bytes") + "]";
    }

    /**
     * Builder of {@link SingleFileUpload}. Not thread-safe.
     *
     * <p>A setter given {@code null} never throws: {@link #build()} reports it with every other
     * violation, a required value as missing, an optional one as
     * {@link io.minidrama.domain.error.RuleViolation#givenNull}.
     */
    public static final class Builder {
        private MediaName name;
        private VideoFormat format;
        private ByteSource video;
        private CoverFormat coverFormat;
        private ByteSource cover;
        private String sourceContext;
        private final NullSetters nulls = new NullSetters();

        private Builder() {
        }

        /** The episode name (required). */
        public Builder name(MediaName name) {
            this.name = name;
            return this;
        }

        /** The video format (required). */
        public Builder format(VideoFormat format) {
            this.format = format;
            return this;
        }

        /** The video content, under 10 MB (required). */
        public Builder video(ByteSource video) {
            this.video = video;
            return this;
        }

        /** A cover image and its format (optional). */
        public Builder cover(CoverFormat format, ByteSource content) {
            this.coverFormat = nulls.optional(format, "cover_type");
            this.cover = nulls.optional(content, "cover_data");
            return this;
        }

        /** Context passed through to the upload event (optional). */
        public Builder sourceContext(String sourceContext) {
            this.sourceContext = nulls.optional(sourceContext, "source_context");
            return this;
        }

        /**
         * Builds the request.
         *
         * @throws InvalidRequestException listing every broken rule
         */
        public SingleFileUpload build() {
            return new SingleFileUpload(this);
        }
    }
}
