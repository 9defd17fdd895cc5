package io.minidrama.port.upload;

import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.Rule;
import io.minidrama.domain.error.RuleViolation;
import io.minidrama.domain.media.CoverFormat;
import io.minidrama.domain.media.MediaName;
import io.minidrama.domain.media.VideoFormat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What to upload from disk: a video file, its episode name, optionally a cover file.
 *
 * <p>Formats default to the files' extensions (R-2, R-3). The checkpoint key defaults to the
 * video's absolute, normalised path together with the episode name, so re-running the same
 * upload resumes it.
 */
public final class FileUploadRequest {
    private final Path video;
    private final MediaName name;
    private final VideoFormat format;
    private final Path cover;
    private final CoverFormat coverFormat;
    private final String sourceContext;
    private final String checkpointKey;
    private final UploadListener listener;

    private FileUploadRequest(Builder b) {
        Checks v = new Checks();
        v.check(b.name != null, "media_name", Rule.R1, null, "media_name is required");
        VideoFormat format = b.format;
        if (v.check(b.video != null, "media_data", Rule.NONE, null, "the video file is required")) {
            if (v.check(Files.isRegularFile(b.video), "media_data", Rule.NONE, b.video, "the video file must exist and be a regular file")) {
                if (format == null) {
                    try {
                        format = VideoFormat.ofFileName(b.video.getFileName().toString());
                    } catch (InvalidRequestException e) {
                        v.add("media_type", Rule.R2, b.video.getFileName(), "cannot tell the video format from the file name: set format(...)");
                    }
                }
            }
        }
        CoverFormat coverFormat = b.coverFormat;
        if (b.cover != null) {
            if (v.check(Files.isRegularFile(b.cover), "cover_data", Rule.NONE, b.cover, "the cover file must exist and be a regular file")
                    && coverFormat == null) {
                try {
                    coverFormat = CoverFormat.ofFileName(b.cover.getFileName().toString());
                } catch (InvalidRequestException e) {
                    v.add("cover_type", Rule.R3, b.cover.getFileName(), "cannot tell the cover format from the file name: set cover(path, format)");
                }
            }
        }
        if (format != null) {
            v.check(format.uploadable(), "media_type", Rule.R2, format.wire(), "m3u8 is accepted only by pull upload");
        }
        b.givenNull.forEach(field -> v.found.add(RuleViolation.givenNull(field)));
        v.throwIfAny();
        this.video = b.video.toAbsolutePath().normalize();
        this.name = b.name;
        this.format = format;
        this.cover = b.cover == null ? null : b.cover.toAbsolutePath().normalize();
        this.coverFormat = coverFormat;
        this.sourceContext = b.sourceContext == null ? "" : b.sourceContext;
        this.checkpointKey = b.checkpointKey != null ? b.checkpointKey : this.video + "#" + name.wire();
        this.listener = b.listener;
    }

    /** Collects violations of this request, then throws them all at once. */
    private static final class Checks {
        private final List<RuleViolation> found = new ArrayList<>();

        boolean check(boolean ok, String field, Rule rule, Object rejected, String message) {
            if (!ok) {
                add(field, rule, rejected, message);
            }
            return ok;
        }

        void add(String field, Rule rule, Object rejected, String message) {
            found.add(new RuleViolation(field, rule, rejected == null ? RuleViolation.ABSENT : String.valueOf(rejected), message));
        }

        void throwIfAny() {
            if (!found.isEmpty()) {
                throw new InvalidRequestException(found);
            }
        }
    }

    /** A builder for uploading {@code video} as episode {@code name}. */
    public static Builder builder(Path video, MediaName name) {
        return new Builder(video, name);
    }

    /** The video. */
    public Path video() {
        return video;
    }

    /** The name. */
    public MediaName name() {
        return name;
    }

    /** The format. */
    public VideoFormat format() {
        return format;
    }

    /** The cover file, if any. */
    public Optional<Path> cover() {
        return Optional.ofNullable(cover);
    }

    /** The cover's format, if a cover is sent. */
    public Optional<CoverFormat> coverFormat() {
        return Optional.ofNullable(coverFormat);
    }

    /** Passed through to the upload event (empty when none). */
    public String sourceContext() {
        return sourceContext;
    }

    /** The key the checkpoint is stored under. */
    public String checkpointKey() {
        return checkpointKey;
    }

    /** Receives progress. */
    public UploadListener listener() {
        return listener;
    }

    @Override
    public String toString() {
        return "FileUploadRequest[" + name + ", " + video + "]";
    }

    /**
     * Builder of {@link FileUploadRequest}. Not thread-safe.
     *
     * <p>A setter given {@code null} never throws: {@link #build()} reports it with every other
     * violation, a required value as missing, an optional one as
     * {@link io.minidrama.domain.error.RuleViolation#givenNull}.
     */
    public static final class Builder {
        private final Path video;
        private final MediaName name;
        private VideoFormat format;
        private Path cover;
        private CoverFormat coverFormat;
        private String sourceContext;
        private String checkpointKey;
        private UploadListener listener = UploadListener.NONE;
        /** Optional values given {@code null}, reported at build() like the domain's builders do. */
        private final Set<String> givenNull = new LinkedHashSet<>();

        private Builder(Path video, MediaName name) {
            this.video = video;
            this.name = name;
        }

        /** The video format, when the extension does not tell it. */
        public Builder format(VideoFormat format) {
            this.format = optional(format, "media_type");
            return this;
        }

        /** A cover file; its format comes from the extension. */
        public Builder cover(Path cover) {
            this.cover = optional(cover, "cover_data");
            return this;
        }

        /** A cover file of the given format. */
        public Builder cover(Path cover, CoverFormat format) {
            this.cover = optional(cover, "cover_data");
            this.coverFormat = optional(format, "cover_type");
            return this;
        }

        /** Context passed through to the upload event. */
        public Builder sourceContext(String sourceContext) {
            this.sourceContext = optional(sourceContext, "source_context");
            return this;
        }

        /** The checkpoint key (default: the video's absolute path and the episode name). */
        public Builder checkpointKey(String key) {
            this.checkpointKey = optional(key, "checkpoint_key");
            return this;
        }

        /** A progress listener. */
        public Builder listener(UploadListener listener) {
            this.listener = optional(listener, "listener", UploadListener.NONE);
            return this;
        }

        private <T> T optional(T value, String field) {
            return optional(value, field, null);
        }

        private <T> T optional(T value, String field, T ifNull) {
            if (value == null) {
                givenNull.add(field);
                return ifNull;
            }
            givenNull.remove(field);
            return value;
        }

        /**
         * Builds the request.
         *
         * @throws InvalidRequestException listing every broken rule
         */
        public FileUploadRequest build() {
            return new FileUploadRequest(this);
        }
    }
}
